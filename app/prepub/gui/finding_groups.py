"""How the findings panel groups what the checks found: by cause across photos, else by photo.

A rule that hits two or more photos ("7 photos lack a photographer", "12 unknown faces in 5
photos") is one group, with one row per photo or face and, where there is one, a fix for all of
them: the field typed once for the selection through the inspector's batch edit, or the faces
decided together (one undo step either way). Findings whose cause is a single photo stay under
that photo; the post text and the post itself keep their own groups.

Also here: which findings have something for the user to do (:func:`has_action`), so a button
is shown only where there is an action; notes such as "the location is removed on export" get
none. Pure functions over findings (no widgets): the panel stays a view.
"""

from __future__ import annotations

import functools

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QCoreApplication

from prepub.core.model import Finding, Severity
from prepub.gui.navigation import FIELD_FOR_RULE

# rule -> field typed once for every photo of the group ("Set for all")
FIELD_FIX = {
    "image.photographer_missing": "photographer",
    "image.context_missing": "context",
    "image.source_unknown": "source",
    "image.licence_missing": "licence",
}
# faces with no decision: marked not identifiable or blurred together
UNDECIDED_FACES = frozenset({"face.unresolved", "face.crowd_unresolved"})
# faces that are named or may be children: blurring is the fix that works for all of them
BLUR_FACES = frozenset({"face.possible_minor", "face.consent_missing",
                        "face.guardian_consent_required", "face.person_unknown",
                        "face.protected_identity", "face.no_registry"})
# notes about what the export does by itself, or that only inform: nothing to do
NOTHING_TO_DO = frozenset({"gps.present", "gps.empty", "image.serials", "image.owner_name",
                           "image.embedded_preview", "image.face_regions", "image.faces_found",
                           "face.small", "face.blurred", "face.consent_expiring",
                           "post.public_record"})

ACTION_FIELD, ACTION_FACES, ACTION_BLUR, ACTION_TRIP = "field", "faces", "blur", "trip"


def _photos(rule: str, p: int) -> str | None:
    """A cause that is one per photo, in words."""
    return {
        "image.photographer_missing": lambda: QCoreApplication.translate(
            "FindingGroups", "%n photo(s) lack a photographer", "", p),
        "image.context_missing": lambda: QCoreApplication.translate(
            "FindingGroups", "%n photo(s) lack their context (what, where, when)", "", p),
        "image.source_unknown": lambda: QCoreApplication.translate(
            "FindingGroups", "%n photo(s) have no source", "", p),
        "image.licence_missing": lambda: QCoreApplication.translate(
            "FindingGroups", "%n photo(s) lack a licence", "", p),
        "image.alt_text_missing": lambda: QCoreApplication.translate(
            "FindingGroups", "%n photo(s) lack alt text", "", p),
        "image.alt_text_long": lambda: QCoreApplication.translate(
            "FindingGroups", "%n photo(s) have too long an alt text", "", p),
        "image.alt_text_redundant": lambda: QCoreApplication.translate(
            "FindingGroups", "%n alt text(s) start with “photo of”", "", p),
        "location.trip": lambda: QCoreApplication.translate(
            "FindingGroups", "%n photo(s) are from an ongoing trip", "", p),
        "image.usage_terms": lambda: QCoreApplication.translate(
            "FindingGroups", "%n photo(s) have usage terms to read", "", p),
        "image.unreadable": lambda: QCoreApplication.translate(
            "FindingGroups", "%n photo(s) cannot be read", "", p),
        "image.metadata_damaged": lambda: QCoreApplication.translate(
            "FindingGroups", "%n photo(s) have damaged metadata", "", p),
        "image.damaged": lambda: QCoreApplication.translate(
            "FindingGroups", "%n photo(s) may be damaged", "", p),
        "gps.present": lambda: QCoreApplication.translate(
            "FindingGroups", "%n photo(s) carry a GPS position (removed on export)", "", p),
        "post.not_analysed": lambda: QCoreApplication.translate(
            "FindingGroups", "%n photo(s) not checked yet", "", p),
        "channel.aspect_ratio": lambda: QCoreApplication.translate(
            "FindingGroups", "%n photo(s) do not fit a channel's shape", "", p),
    }.get(rule, lambda: None)()


def _faces(rule: str, n: int) -> str | None:
    """A cause that is one per face, in words."""
    return {
        "face.unresolved": lambda: QCoreApplication.translate(
            "FindingGroups", "%n unknown face(s)", "", n),
        "face.crowd_unresolved": lambda: QCoreApplication.translate(
            "FindingGroups", "%n undecided face(s) in crowds", "", n),
        "face.possible_minor": lambda: QCoreApplication.translate(
            "FindingGroups", "%n possible child(ren)", "", n),
        "face.consent_missing": lambda: QCoreApplication.translate(
            "FindingGroups", "%n face(s) without a valid consent", "", n),
        "face.guardian_consent_required": lambda: QCoreApplication.translate(
            "FindingGroups", "%n face(s) need a guardian's consent", "", n),
        "face.blurred": lambda: QCoreApplication.translate(
            "FindingGroups", "%n face(s) blurred on export", "", n),
    }.get(rule, lambda: None)()


def cause_title(rule: str, n_findings: int, n_photos: int) -> str | None:
    """"7 photos lack a photographer", "12 unknown faces in 5 photos"; None for a rule that is
    not grouped across photos."""
    faces = _faces(rule, n_findings)
    if faces is not None:
        return faces + " " + QCoreApplication.translate("FindingGroups", "in %n photo(s)", "",
                                                        n_photos)
    return _photos(rule, n_photos)


@dataclass(frozen=True)
class Row:
    finding: Finding
    label: str  # what the row says (the message, or the photo's name in a cause group)
    ref: str  # the policy paragraph ("" in a cause group: the group shows it once)
    blocking: bool


@dataclass(frozen=True)
class Group:
    key: str  # "text", "post", "cause:<rule>" or an image path
    title: str
    rows: tuple[Row, ...]
    action: str | None = None  # ACTION_* (":<field>" after ACTION_FIELD), or None
    action_label: str = ""
    ref: str = ""

    @property
    def findings(self) -> list[Finding]:
        return [r.finding for r in self.rows]


def has_action(f: Finding) -> bool:
    """Whether the finding's row gets a button: something the user can do about it."""
    if f.span is not None or (f.subject or "").startswith("text"):
        return True  # words in the post text to change
    if f.rule in NOTHING_TO_DO:
        return False
    if f.severity is Severity.INFO:
        return f.rule in FIELD_FOR_RULE or (f.fix is not None and f.fix.action == "edit_field")
    return True


def group_action(rule: str) -> tuple[str | None, str]:
    """(action, button text) for a cause group of ``rule``."""
    if rule in FIELD_FIX:
        return f"{ACTION_FIELD}:{FIELD_FIX[rule]}", QCoreApplication.translate("FindingGroups",
                                                                               "Set for all")
    if rule in UNDECIDED_FACES:
        return ACTION_FACES, QCoreApplication.translate("FindingGroups", "Decide all…")
    if rule in BLUR_FACES:
        return ACTION_BLUR, QCoreApplication.translate("FindingGroups", "Blur all…")
    if rule == "location.trip":
        return ACTION_TRIP, QCoreApplication.translate("FindingGroups", "Go to fix")
    return None, ""


def build(findings: Sequence[Finding], *, blocking: set[int], order: Sequence[str],
          message: Callable[[Finding], str], photo_title: Callable[[str, int, int], str]
          ) -> list[Group]:
    """The panel's groups, in order: the post text, the post, the causes shared by photos
    (blocking ones first, the largest first), then each photo with what is left; every group
    with something that blocks the export comes before those with only things to check.
    ``message(f)`` is a finding's sentence, ``photo_title(subject, n_blocking, n_check)`` a
    photo or post group's title."""
    by_subject: dict[str, list[Finding]] = {}
    for f in findings:
        subject = f.subject or "post"
        by_subject.setdefault("text" if subject.startswith("text") else subject, []).append(f)
    photos = [s for s in by_subject if s not in ("text", "post")]
    by_rule: dict[str, list[Finding]] = {}
    for s in photos:
        for f in by_subject[s]:
            by_rule.setdefault(f.rule, []).append(f)
    place = {p: i for i, p in enumerate(order)}
    causes: list[Group] = []
    grouped: set[int] = set()
    for rule, fs in by_rule.items():
        subjects = {f.subject for f in fs}
        title = cause_title(rule, len(fs), len(subjects)) if len(subjects) >= 2 else None
        if title is None:
            continue
        fs = sorted(fs, key=lambda f: (place.get(f.subject or "", len(place)),
                                       f.face if f.face is not None else -1))
        rows = tuple(Row(f, _row_label(f), "", id(f) in blocking) for f in fs)
        action, label = group_action(rule)
        if all(f.severity is Severity.INFO for f in fs):
            action, label = None, ""
        causes.append(Group(key=f"cause:{rule}", title=title,
                            rows=rows, action=action, action_label=label,
                            ref=fs[0].policy_ref or ""))
        grouped.update(id(f) for f in fs)
    causes.sort(key=lambda g: (-any(r.blocking for r in g.rows),
                               -max(r.finding.severity.rank for r in g.rows), -len(g.rows)))
    out: list[Group] = []
    for key in ("text", "post"):
        if by_subject.get(key):
            out.append(_subject_group(key, by_subject[key], blocking, message, photo_title))
    out += causes
    for s in sorted(photos, key=lambda p: place.get(p, len(place))):
        rest = [f for f in by_subject[s] if id(f) not in grouped]
        if rest:
            out.append(_subject_group(s, rest, blocking, message, photo_title))
    # what blocks the export comes first, in that order; then what is only to check
    return sorted(out, key=lambda g: not any(r.blocking for r in g.rows))


def _subject_group(subject: str, fs: list[Finding], blocking: set[int],
                   message: Callable[[Finding], str],
                   photo_title: Callable[[str, int, int], str]) -> Group:
    fs = sorted(fs, key=lambda f: (-(f.severity.rank + (id(f) in blocking)),
                                   f.face if f.face is not None else -1))
    rows = tuple(Row(f, message(f), f.policy_ref or "", id(f) in blocking) for f in fs)
    n_block = sum(1 for r in rows if r.blocking)
    n_check = sum(1 for r in rows if not r.blocking
                  and (r.finding.severity is Severity.WARN or r.finding.blocks))
    return Group(key=subject, title=photo_title(subject, n_block, n_check), rows=rows)


@functools.lru_cache(maxsize=4096)
def _file_name(subject: str) -> str:
    return Path(subject).name  # asked for every row of every cause at each evaluation


def _row_label(f: Finding) -> str:
    name = _file_name(f.subject or "")
    if f.face is None:
        return name
    return QCoreApplication.translate("FindingGroups", "%1 · face %2").replace("%1", name) \
        .replace("%2", str(f.face + 1))
