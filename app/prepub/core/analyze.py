"""The analysis pipeline: a path in, an :class:`ImageReport` out (metadata, faces, findings).

Collaborators are passed in (the face analyser, the metadata reader, the decoder) so the CLI, the
GUI and the tests can each choose them. A file that cannot be read becomes a report with
``error`` set and a blocking ``image.unreadable`` finding, never an exception, and the run goes on.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Protocol, Sequence

from prepub.core.checks.image import (
    damage_findings, face_findings, metadata_findings, unreadable_finding,
)
from prepub.core.imagefiles import IMAGE_SUFFIXES, find_images  # noqa: F401 - re-exported
from prepub.core.model import Face, Finding, ImageReport, Metadata
from prepub.core.policy import Policy
from prepub.core.progress import CancelToken, ProgressCallback, no_progress


# Detection runs on a reduced decode: faces >= 40 px in the full image stay >= ~20 px here,
# which the detector still finds; boxes are mapped back to full resolution.
DEFAULT_MAX_SIDE = 1600


class FaceDetector(Protocol):
    def __call__(self, decoded: Any, *, minor_age_threshold: float) -> Sequence[Face]: ...


def analyze_image(path: str | os.PathLike[str], *, policy: Policy, detector: FaceDetector | None,
                  read: Callable[[Path], Metadata] | None = None,
                  decode: Callable[..., Any] | None = None,
                  max_side: int | None = None) -> ImageReport:
    """Read, decode and detect faces in one file. ``detector=None`` skips face detection (the
    picture is still decoded, small, so damage is found)."""
    from prepub.core.imageio import DecodeError, load_upright, sha256_file
    from prepub.core.inputfiles import NotRegularFile
    from prepub.core.metadata import UnreadableImage, read_metadata

    read = read or read_metadata
    decode = decode or load_upright
    p = Path(path)
    subject = str(p)
    try:
        digest = sha256_file(p)
    except NotRegularFile as e:
        return _failed(subject, None, f"it is not a regular file but {e.kind}", policy,
                       code="not_regular")
    except OSError as e:
        return _failed(subject, None, f"the file cannot be opened ({e.strerror or e})", policy,
                       code="io_error")
    try:
        md = read(p)
    except UnreadableImage as e:
        return _failed(subject, digest, e.reason, policy, code=e.code)
    findings: list[Finding] = metadata_findings(md, policy=policy, subject=subject)
    faces: tuple[Face, ...] = ()
    # Always decode: a truncated or corrupt picture must block even when faces are not wanted.
    try:
        side = max_side or int(getattr(detector, "max_side", DEFAULT_MAX_SIDE))
        decoded = decode(p, max_side=side if detector is not None else 512)
    except DecodeError as e:
        return ImageReport(path=subject, metadata=md, error=e.reason, sha256=digest,
                           findings=(unreadable_finding(e.reason, policy=policy, subject=subject,
                                                        code=decode_reason_code(e.reason)),
                                     *findings))
    if getattr(decoded, "format", None) in ("JPEG", "MPO"):
        findings += damage_findings(scan_damage_of(p), policy=policy, subject=subject)
    if detector is not None:
        faces = tuple(detector(decoded, minor_age_threshold=policy.minor_age_threshold))
        findings += face_findings(faces, policy=policy, subject=subject)
    return ImageReport(path=subject, metadata=md, faces=faces, findings=tuple(findings), sha256=digest)


def scan_damage_of(path: Path) -> str | None:
    """What is wrong with a JPEG's compressed picture data, which the decoder passes over in
    silence (see :mod:`prepub.core.jpegscan`); None when nothing is or it was not walked."""
    from prepub.core.inputfiles import open_regular
    from prepub.core.jpegscan import MAX_SCAN_BYTES, scan_damage

    try:
        with open_regular(path) as fh:
            if os.fstat(fh.fileno()).st_size > MAX_SCAN_BYTES + (8 << 20):
                return None  # too large to walk (see MAX_SCAN_BYTES)
            data = fh.read()
    except OSError:
        return None  # the file went away: the decode already read it
    return scan_damage(data)


def analyze_paths(paths: Sequence[str | os.PathLike[str]], *, policy: Policy,
                  detector: FaceDetector | None, progress: ProgressCallback = no_progress,
                  cancel: CancelToken | None = None,
                  max_side: int | None = None) -> Iterator[ImageReport]:
    """Analyse files (folders expanded) one by one, yielding each report as it is ready."""
    files = find_images(paths)
    total = len(files)
    for i, f in enumerate(files):
        if cancel is not None:
            cancel.raise_if_cancelled()
        progress(i, total, f.name)
        yield analyze_image(f, policy=policy, detector=detector, max_side=max_side)
    progress(total, total, "")


class AnalyzerDetector:
    """Adapts a :class:`prepub.core.faces.FaceAnalyzer` to the :class:`FaceDetector` call."""

    def __init__(self, analyzer: Any) -> None:
        self.analyzer = analyzer
        self.max_side = int(getattr(analyzer, "max_side", DEFAULT_MAX_SIDE))

    def __call__(self, decoded: Any, *, minor_age_threshold: float) -> Sequence[Face]:
        return self.analyzer.analyze(decoded, minor_age_threshold=minor_age_threshold)


@lru_cache(maxsize=1)
def default_detector() -> FaceDetector:
    """The production detector: CenterFace + the age model (models load on first use, once)."""
    from prepub.core.faces import CenterFaceAnalyzer

    return AnalyzerDetector(CenterFaceAnalyzer())


def failed_report(path: str, error: BaseException, policy: Policy) -> ImageReport:
    """The report of an image whose analysis raised: an ``image.unreadable`` finding
    (``code = "analysis_failed"``) so the photo blocks and the batch goes on."""
    reason = f"the analysis failed ({type(error).__name__}: {error})"
    return _failed(str(path), None, reason, policy, code="analysis_failed")


def _failed(subject: str, digest: str | None, reason: str, policy: Policy, *, code: str) -> ImageReport:
    return ImageReport(path=subject, error=reason, sha256=digest,
                       findings=(unreadable_finding(reason, policy=policy, subject=subject, code=code),))


def decode_reason_code(reason: str) -> str:
    """A stable code for a decoder's plain-English reason, so messages can be translated."""
    r = reason.lower()
    for needle, code in (("regular file", "not_regular"), ("truncat", "truncated"), ("too large", "too_large"), ("empty", "empty"),
                         ("permission", "io_error"), ("does not exist", "io_error"),
                         ("not an image", "unsupported"), ("unsupported", "unsupported"),
                         ("no pixels", "broken_header")):
        if needle in r:
            return code
    return "decode_failed"
