"""The one exception the export raises: a rule id and parameters, turned into words on demand.

An :class:`ExportError` carries a code (``export.blocked``, ``export.verify_failed`` …) and the
parameters its message needs, like a finding, so the CLI and the GUI show it in the user's
language through :mod:`prepub.core.messages`. ``findings`` holds the findings that caused it
(the unresolved blocks of a refused export, the violations of a scheduling file).
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from prepub.core.model import Finding


class ExportError(Exception):
    """An export that could not be done. ``str()`` is the English message."""

    def __init__(self, rule: str, params: Mapping[str, Any] | None = None, *,
                 findings: Sequence[Finding] = ()) -> None:
        self.rule = rule
        self.params: dict[str, Any] = dict(params or {})
        self.findings: tuple[Finding, ...] = tuple(findings)
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        from prepub.core.messages import render

        return render(self.rule, self.params, lang)
