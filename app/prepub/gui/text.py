"""Words the GUI shows for core codes: findings (via the core's message catalogue, in the UI
language), severities, image states, face states and readability bands — in one table each.

Finding sentences come from ``prepub.core.messages`` (resources/messages/*.toml) so the CLI,
the GUI and the publication record say the same thing; the GUI's own labels go through Qt's
translation system (``QCoreApplication.translate``) and are in the .ts files. Two parameters
the core still passes as codes are put in words here: channel ids become the policy's channel
labels ("website, x" → "Webbplats, X") and consent reason codes ("withdrawn") the UI
language's words.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from typing import Any, Iterable

from prepub.core import messages
from prepub.core.model import Finding, Severity

_SEVERITY = {
    Severity.BLOCK: QT_TRANSLATE_NOOP("Labels", "Blocks export"),
    Severity.WARN: QT_TRANSLATE_NOOP("Labels", "Check this"),
    Severity.INFO: QT_TRANSLATE_NOOP("Labels", "Note"),
}
_STATE = {
    "pending": QT_TRANSLATE_NOOP("Labels", "Checking…"),
    "ready": QT_TRANSLATE_NOOP("Labels", "Ready"),
    "attention": QT_TRANSLATE_NOOP("Labels", "To check"),
    "blocked": QT_TRANSLATE_NOOP("Labels", "Blocked"),
}
_FACE_STATE = {
    "ok": QT_TRANSLATE_NOOP("Labels", "Consent OK"),
    "unknown": QT_TRANSLATE_NOOP("Labels", "Unknown person"),
    "minor": QT_TRANSLATE_NOOP("Labels", "Possible minor"),
    "blurred": QT_TRANSLATE_NOOP("Labels", "Blurred on export"),
    "not_identifiable": QT_TRANSLATE_NOOP("Labels", "Not identifiable"),
    "problem": QT_TRANSLATE_NOOP("Labels", "Consent missing"),
    "small": QT_TRANSLATE_NOOP("Labels", "Too small to identify"),
}
_LIX = {
    "very_easy": QT_TRANSLATE_NOOP("Labels", "Very easy to read"),
    "easy": QT_TRANSLATE_NOOP("Labels", "Easy to read"),
    "medium": QT_TRANSLATE_NOOP("Labels", "Fairly easy to read"),
    "hard": QT_TRANSLATE_NOOP("Labels", "Hard to read"),
    "very_hard": QT_TRANSLATE_NOOP("Labels", "Very hard to read"),
    "": QT_TRANSLATE_NOOP("Labels", "Readability unknown"),
}
_DECISION = {
    "person": QT_TRANSLATE_NOOP("Labels", "Person"),
    "not_identifiable": QT_TRANSLATE_NOOP("Labels", "Not identifiable"),
    "blur": QT_TRANSLATE_NOOP("Labels", "Blur on export"),
    None: QT_TRANSLATE_NOOP("Labels", "Not decided"),
}
_SOURCE = {
    "own": QT_TRANSLATE_NOOP("Labels", "Our own photo"),
    "stock": QT_TRANSLATE_NOOP("Labels", "Stock photo (with licence)"),
    "partner": QT_TRANSLATE_NOOP("Labels", "From a partner"),
    "unknown": QT_TRANSLATE_NOOP("Labels", "Unknown"),
}

_RELATION = {
    "staff": QT_TRANSLATE_NOOP("Labels", "Staff"),
    "elected": QT_TRANSLATE_NOOP("Labels", "Elected representative"),
    "member": QT_TRANSLATE_NOOP("Labels", "Member"),
    "public": QT_TRANSLATE_NOOP("Labels", "Member of the public"),
    "external": QT_TRANSLATE_NOOP("Labels", "External (partner, supplier)"),
}
_PERSON_STATE = {
    "valid": QT_TRANSLATE_NOOP("Labels", "Consent valid"),
    "expiring": QT_TRANSLATE_NOOP("Labels", "Consent expires soon"),
    "expired": QT_TRANSLATE_NOOP("Labels", "Consent expired"),
    "withdrawn": QT_TRANSLATE_NOOP("Labels", "Consent withdrawn"),
    "none": QT_TRANSLATE_NOOP("Labels", "No consent"),
    "guardian_missing": QT_TRANSLATE_NOOP("Labels", "Guardian's consent missing"),
    "protected": QT_TRANSLATE_NOOP("Labels", "Protected identity"),
    "not_yet": QT_TRANSLATE_NOOP("Labels", "Not yet valid"),
}
# consent reason codes (prepub.core.consent.types.REASONS), as a finding's {reasons} shows them
_REASON = {
    "unknown_person": QT_TRANSLATE_NOOP("Labels", "the person is not in the registry"),
    "person_erased": QT_TRANSLATE_NOOP("Labels", "the person was erased"),
    "protected_identity": QT_TRANSLATE_NOOP("Labels", "protected identity"),
    "no_consent": QT_TRANSLATE_NOOP("Labels", "no consent registered"),
    "not_yet_given": QT_TRANSLATE_NOOP("Labels", "not valid yet"),
    "expired": QT_TRANSLATE_NOOP("Labels", "expired"),
    "withdrawn": QT_TRANSLATE_NOOP("Labels", "withdrawn"),
    "guardian_required": QT_TRANSLATE_NOOP("Labels", "a guardian must sign"),
    "all_custodians_required": QT_TRANSLATE_NOOP("Labels", "every custodian must sign"),
    "channel_missing": QT_TRANSLATE_NOOP("Labels", "a channel is not covered"),
}
# why a reference photo cannot be used (prepub.core.workers.NoSingleFace codes)
_NO_SINGLE_FACE = {
    "none": QT_TRANSLATE_NOOP("Labels", "No face was found in the photo. Use a clear photo of "
                                        "the person's face."),
    "several": QT_TRANSLATE_NOOP("Labels", "The photo shows more than one face. Use a photo of "
                                           "this person alone."),
    "unencodable": QT_TRANSLATE_NOOP("Labels", "The face in the photo could not be read. Try a "
                                               "sharper or larger photo."),
}
# person/consent state -> badge colour state
PERSON_BADGE = {"valid": "ready", "expiring": "attention", "expired": "blocked",
                "withdrawn": "blocked", "none": "blocked", "guardian_missing": "blocked",
                "protected": "blocked", "not_yet": "attention"}


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def mentions_face(finding: Finding, lang: str) -> bool:
    """Whether the message itself names the face (else the GUI prefixes "Face n:")."""
    entry = messages.catalogue().get(finding.rule, {})
    return "{face}" in (entry.get(lang) or entry.get("en") or "")


def finding_message(finding: Finding, lang: str, policy: Any = None) -> str:
    """The finding in ``lang``, with channel ids as the ``policy``'s labels and consent reason
    codes in words."""
    params = dict(finding.params)
    if finding.face is not None:
        params.setdefault("face", messages.face_label(finding.face))
    if isinstance(params.get("channels"), str) and policy is not None:
        params["channels"] = channel_list(policy, _split(params["channels"]))
    if isinstance(params.get("reasons"), str):
        params["reasons"] = ", ".join(reason_label(r) for r in _split(params["reasons"]))
    return messages.render(finding.rule, params, lang)


def _split(joined: str) -> list[str]:
    return [x.strip() for x in joined.split(",") if x.strip()]


def channel_label(policy: Any, channel: str) -> str:
    """The policy's name for a channel id ("x" → "X"); the id itself when the policy has none."""
    cfg = (getattr(policy, "channels", None) or {}).get(channel)
    return str(cfg.get("label", channel)) if isinstance(cfg, dict) else channel


def channel_list(policy: Any, channels: Iterable[str]) -> str:
    return ", ".join(channel_label(policy, c) for c in channels)


def reason_label(code: str) -> str:
    return _t(_REASON[code]) if code in _REASON else code


def finding_help(finding: Finding, lang: str) -> str:
    return messages.help_text(finding, lang)


def severity_label(sev: Severity) -> str:
    return _t(_SEVERITY[sev])


def state_label(state: str) -> str:
    return _t(_STATE[state]) if state in _STATE else state


def state_severity_label(state: str) -> str:
    """A badge's words for a colour state: "Blocks export", "Check this", "Note"."""
    return severity_label({"blocked": Severity.BLOCK, "attention": Severity.WARN}.get(
        state, Severity.INFO))


def state_badge(state: str, count: int) -> str:
    """A photo's badge: its state, with the number of blockers (or things to check) when
    there are any ("Blocked · 3")."""
    label = state_label(state)
    return f"{label} · {count}" if count and state in ("blocked", "attention") else label


def state_description(state: str, count: int) -> str:
    """The badge in a sentence, for tooltips and screen readers."""
    if state == "blocked" and count:
        return QCoreApplication.translate("Labels", "%n thing(s) block this photo", "", count)
    if state == "attention" and count:
        return QCoreApplication.translate("Labels", "%n thing(s) to check in this photo", "",
                                          count)
    return state_label(state)


def face_state_label(state: str) -> str:
    return _t(_FACE_STATE[state]) if state in _FACE_STATE else state


def lix_band(lix: float | None) -> str | None:
    """The usual LIX bands (Björnsson), used when the core gives only the number."""
    if lix is None:
        return None
    return ("very_easy" if lix < 25 else "easy" if lix < 35 else "medium" if lix < 45
            else "hard" if lix < 55 else "very_hard")


def lix_band_label(band: str | None, lix: float | None) -> str:
    """A plain-words readability band for the post editor."""
    band = band or lix_band(lix) or ""
    return _t(_LIX.get(band, _LIX[""]))


def decision_label(decision: str | None) -> str:
    return _t(_DECISION[decision]) if decision in _DECISION else str(decision)


def source_label(kind: str) -> str:
    return _t(_SOURCE[kind]) if kind in _SOURCE else kind


def relation_label(relation: str) -> str:
    return _t(_RELATION[relation]) if relation in _RELATION else relation


def person_state_label(state: str) -> str:
    return _t(_PERSON_STATE[state]) if state in _PERSON_STATE else state


def error_text(error: BaseException) -> str:
    """An error from background work in the UI language where it has a code, else as it is."""
    code = getattr(error, "code", None)
    if type(error).__name__ == "NoSingleFace" and code in _NO_SINGLE_FACE:
        return _t(_NO_SINGLE_FACE[code])
    return str(error)
