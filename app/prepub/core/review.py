"""Review a whole draft: analyse its images, propose matches, evaluate every rule, and export.

This is the one sequence the CLI (``prepub check DRAFT``, ``prepub export``) and the GUI's
export both run, so the two can never disagree about what blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Mapping

from prepub.core.analyze import DEFAULT_MAX_SIDE, FaceDetector, analyze_image
from prepub.core.checks.gate import gate
from prepub.core.checks.post import Evaluation, evaluate_draft
from prepub.core.draft import Draft
from prepub.core.model import Finding, ImageReport
from prepub.core.policy import Policy
from prepub.core.progress import CancelToken, ProgressCallback, no_progress


@dataclass
class Review:
    draft: Draft
    reports: dict[str, ImageReport]
    evaluation: Evaluation
    matches: dict[str, dict[int, list[Any]]] = field(default_factory=dict)

    @property
    def findings(self) -> list[Finding]:
        return self.evaluation.findings

    def blocks(self, policy: Policy) -> list[Finding]:
        return list(gate(self.draft, self.evaluation.findings, policy).blocking)


def review_draft(draft: Draft, *, policy: Policy, detector: FaceDetector | None, registry: Any = None,
                 today: date | None = None, reports: Mapping[str, ImageReport] | None = None,
                 progress: ProgressCallback = no_progress, cancel: CancelToken | None = None) -> Review:
    """Analyse the draft's images (reusing ``reports`` where given), then evaluate the draft."""
    done: dict[str, ImageReport] = dict(reports or {})
    matches: dict[str, dict[int, list[Any]]] = {}
    total = len(draft.images)
    for i, im in enumerate(draft.images):
        if cancel is not None:
            cancel.raise_if_cancelled()
        progress(i, total, Path(im.path).name)
        if im.path not in done:
            done[im.path] = analyze_image(im.path, policy=policy, detector=detector)
        rep = done[im.path]
        if policy.matching_enabled and registry is not None and rep.faces and rep.error is None:
            matches[im.path] = _matches(im.path, rep, policy=policy, registry=registry)
    progress(total, total, "")
    ev = evaluate_draft(draft, reports=done, policy=policy, registry=registry, today=today,
                        matches=matches)
    return Review(draft=draft, reports=done, evaluation=ev, matches=matches)


def _matches(path: str, rep: ImageReport, *, policy: Policy, registry: Any) -> dict[int, list[Any]]:
    from prepub.core.imageio import DecodeError, load_upright
    from prepub.core.matching import propose_matches

    try:
        decoded = load_upright(path, max_side=DEFAULT_MAX_SIDE)
    except DecodeError:
        return {}
    return propose_matches(decoded, rep.faces, registry=registry, policy=policy)
