"""The policy engine for a whole post draft: images, people, consent, location and text.

``evaluate_draft`` takes the draft, the analysis report of each image, the policy and the consent
registry and returns every finding. Each rule is registered with its default severity and the
policy paragraph it enforces; the organisation's policy can change severities where that is
allowed. Rules that protect people (unresolved faces, children, protected identity, consent)
cannot be switched off.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from prepub.core import clock
from prepub.core.checks.channels_fit import channel_fit_findings
from prepub.core.checks.image import (REF_APPROVAL, REF_CHILDREN, REF_IMAGES, REF_PROTECTED,
                                      REF_TRIP, identifiable, metadata_findings, unreadable_finding)
from prepub.core.draft import Draft, DraftImage, FaceDecision
from prepub.core.model import Face, Finding, Fix, ImageReport, Severity
from prepub.core.places import haversine_km
from prepub.core.policy import Policy
from prepub.core.rules import RuleSpec, make_finding, register

REF_NAMES = "VIF 2 & 4: personer kopplade till organisationen ska namnges vid publicering"
REF_SOURCE = "VIF 4: egen bildbank och stockbilder – sammanhang känt, publicering godkänd; XX Copyright"
REF_ALT = "Lag (2018:1937) om tillgänglighet till digital offentlig service; IPTC Alt Text"
REF_ARCHIVE = "Sundsvall 7: alla inlägg är allmänna handlingar och ska bevaras"
REF_CHANNELS = "SSCO: våra primära externa kanaler"
REF_AUDIT = "GDPR art. 7.1: samtycken ska kunna visas – registrets logg måste vara obruten"

register(
    RuleSpec("image.photographer_missing", Severity.BLOCK, REF_IMAGES),
    RuleSpec("image.context_missing", Severity.BLOCK, REF_IMAGES, overridable=True),
    RuleSpec("image.source_unknown", Severity.BLOCK, REF_SOURCE),
    RuleSpec("image.licence_missing", Severity.BLOCK, REF_SOURCE),
    RuleSpec("image.alt_text_missing", Severity.WARN, REF_ALT),
    RuleSpec("image.alt_text_long", Severity.WARN, REF_ALT),
    RuleSpec("image.alt_text_redundant", Severity.INFO, REF_ALT),
    RuleSpec("face.crowd_unresolved", Severity.WARN, REF_APPROVAL),
    RuleSpec("face.person_unknown", Severity.BLOCK, REF_APPROVAL, can_disable=False),
    RuleSpec("face.no_registry", Severity.BLOCK, REF_APPROVAL, can_disable=False),
    RuleSpec("face.consent_missing", Severity.BLOCK, REF_APPROVAL, can_disable=False),
    RuleSpec("face.guardian_consent_required", Severity.BLOCK, REF_CHILDREN, can_disable=False),
    RuleSpec("face.protected_identity", Severity.BLOCK, REF_PROTECTED, can_disable=False),
    RuleSpec("face.consent_expiring", Severity.INFO, REF_APPROVAL),
    RuleSpec("face.blurred", Severity.INFO, REF_APPROVAL),
    RuleSpec("post.person_not_named", Severity.WARN, REF_NAMES),
    RuleSpec("location.trip", Severity.BLOCK, REF_TRIP, overridable=True),
    RuleSpec("post.no_channels", Severity.BLOCK, REF_CHANNELS),
    RuleSpec("post.unknown_channel", Severity.BLOCK, REF_CHANNELS),
    RuleSpec("post.empty", Severity.BLOCK, REF_CHANNELS),
    RuleSpec("post.not_analysed", Severity.BLOCK, REF_APPROVAL, can_disable=False),
    RuleSpec("post.public_record", Severity.INFO, REF_ARCHIVE),
    RuleSpec("registry.audit_broken", Severity.BLOCK, REF_AUDIT, can_disable=False),
    RuleSpec("registry.offline_copy_stale", Severity.BLOCK, REF_APPROVAL, can_disable=False),
)

ORG_RELATIONS = frozenset({"staff", "elected", "member"})


@dataclass
class Evaluation:
    """All findings for a draft, and the consents the post relies on (for the export record)."""

    findings: list[Finding] = field(default_factory=list)
    consent_ids: set[str] = field(default_factory=set)
    people: dict[str, Any] = field(default_factory=dict)  # person id -> registry person

    @property
    def blocks(self) -> list[Finding]:
        return [f for f in self.findings if f.blocks]


def evaluate_draft(draft: Draft, *, reports: Mapping[str, ImageReport], policy: Policy,
                   registry: Any = None, today: date | None = None,
                   text_check: Callable[..., Any] | None = None,
                   matches: Mapping[str, Mapping[int, Sequence[Any]]] | None = None) -> Evaluation:
    """Every finding for ``draft``. ``reports`` maps each image path to its analysis report;
    ``text_check(draft, reports=, policy=, today=)`` returns the text findings; by default
    :func:`text_findings` (the window passes one that returns nothing, because it runs
    :func:`text_findings` itself, live, as the user types);
    ``matches`` holds face-matching proposals (image path -> face index -> matches, best first)
    that are offered as the fix of an unresolved face, never applied."""
    today = today or clock.today()
    ev = Evaluation()
    if not draft.channels:
        _add(ev, make_finding("post.no_channels", policy, subject="post"))
    for ch in draft.channels:
        if not policy.knows_channel(ch):
            _add(ev, make_finding("post.unknown_channel", policy, subject="post", params={"channel": ch}))
    if not draft.images and not draft.text.strip():
        _add(ev, make_finding("post.empty", policy, subject="post"))
    _audit_chain(ev, registry, policy)
    if registry is not None:
        registry = _Prefetched(registry, draft, reports, policy=policy, today=today)
    for im in draft.images:
        rep = reports.get(im.path)
        if rep is None:
            _add(ev, make_finding("post.not_analysed", policy, subject=im.path))
            continue
        _evaluate_image(ev, draft, im, rep, policy=policy, registry=registry, today=today,
                        matches=(matches or {}).get(im.path, {}))
    _names_written_out(ev, draft, policy)
    ev.findings.extend(channel_fit_findings(draft, reports=reports, policy=policy))
    if policy.organisation.org_type == "authority":
        _add(ev, make_finding("post.public_record", policy, subject="post"))
    if text_check is None:
        ev.findings.extend(text_findings(draft, reports=reports, policy=policy, today=today).findings)
    else:
        ev.findings.extend(text_check(draft, reports=reports, policy=policy, today=today))
    return ev


def _audit_chain(ev: Evaluation, registry: Any, policy: Policy) -> None:
    """A consent registry whose audit log was rewritten cannot prove consent, and an offline copy
    of the team registry older than the policy allows may miss a withdrawal: nothing exports."""
    report = getattr(registry, "audit_chain", None) if registry is not None else None
    if report is not None and getattr(report, "ok", True) is False:
        _add(ev, audit_broken_finding(report, policy))
    too_old = getattr(registry, "too_old", None)
    if callable(too_old) and too_old():
        hours = registry.info.age().total_seconds() / 3600
        _add(ev, make_finding("registry.offline_copy_stale", policy, subject="post", params={
            "hours": round(hours), "max": policy.consent.offline_copy_max_age_hours}))


def audit_broken_finding(report: Any, policy: Policy | None = None) -> Finding | None:
    """The ``registry.audit_broken`` finding for a broken :class:`AuditChainReport`."""
    return make_finding("registry.audit_broken", policy, subject="post", params={
        "entry": report.broken_at, "code": f"audit_{report.reason}",
        "reason": _AUDIT_REASONS.get(report.reason, str(report.reason))})


_AUDIT_REASONS = {  # English fallbacks; the catalogue's reason.audit_* translate them
    "content": "the entry was changed after it was written",
    "link": "an entry before it was removed, inserted or re-sealed",
    "unsealed": "the entry has no hash",
}


# --- images --------------------------------------------------------------------------------------

def _evaluate_image(ev: Evaluation, draft: Draft, im: DraftImage, rep: ImageReport, *,
                    policy: Policy, registry: Any, today: date,
                    matches: Mapping[int, Sequence[Any]]) -> None:
    subject = im.path
    if rep.error is not None:  # the reader's own finding carries the reason's code (translated)
        own = [f for f in rep.findings if f.rule == "image.unreadable"]
        for f in own or [unreadable_finding(rep.error, policy=policy, subject=subject)]:
            _add(ev, f)
        return
    md = rep.metadata
    if md is not None:
        for f in metadata_findings(md, policy=policy, subject=subject):
            _add(ev, f)
    if policy.images.require_photographer and not _photographer(im, rep):
        _add(ev, make_finding("image.photographer_missing", policy, subject=subject,
                              fix=Fix(action="edit_field", params={"field": "photographer"})))
    if policy.images.require_context and not im.context.given:
        _add(ev, make_finding("image.context_missing", policy, subject=subject,
                              fix=Fix(action="edit_field", params={"field": "context"})))
    kind = (im.source.kind or "unknown").lower()
    if kind == "unknown":
        _add(ev, make_finding("image.source_unknown", policy, subject=subject,
                              fix=Fix(action="edit_field", params={"field": "source"})))
    elif kind in ("stock", "partner") and not im.source.licence.strip():
        _add(ev, make_finding("image.licence_missing", policy, subject=subject, params={"kind": kind},
                              fix=Fix(action="edit_field", params={"field": "licence"})))
    _alt_text(ev, draft, im, policy)
    _faces(ev, draft, im, rep, policy=policy, registry=registry, today=today, matches=matches)
    _trip(ev, draft, rep, policy=policy, today=today)


def _photographer(im: DraftImage, rep: ImageReport | None) -> str:
    if im.photographer.strip():
        return im.photographer.strip()
    if rep is not None and rep.metadata is not None and rep.metadata.photographer is not None:
        return str(rep.metadata.photographer.value).strip()
    return ""


def _alt_text(ev: Evaluation, draft: Draft, im: DraftImage, policy: Policy) -> None:
    subject = im.path
    alt = im.alt_text.strip()
    if not alt:
        if policy.images.require_alt_text:
            _add(ev, make_finding("image.alt_text_missing", policy, subject=subject,
                                  fix=Fix(action="edit_field", params={"field": "alt_text"})))
        return
    limits = [int(policy.images.alt_text_max)]
    limits += [int(policy.channel(c)["alt_text_max"]) for c in draft.channels
               if "alt_text_max" in policy.channel(c)]
    limit = min(limits)
    if len(alt) > limit:
        _add(ev, make_finding("image.alt_text_long", policy, subject=subject,
                              params={"length": len(alt), "max": limit},
                              fix=Fix(action="edit_field", params={"field": "alt_text"})))
    low = alt.lower()
    for lead in ("bild på", "bild av", "foto av", "foto på", "billede af", "foto af", "image of",
                 "picture of", "photo of"):
        if low.startswith(lead):
            _add(ev, make_finding("image.alt_text_redundant", policy, subject=subject,
                                  params={"start": alt[:len(lead)]}))
            break


def _is_crowd(faces: Sequence[Face], rep: ImageReport, policy: Policy) -> bool:
    """A crowd (situation) scene: more faces than a portrait and none of them large."""
    idf = [f for f in faces if identifiable(f, policy)]
    md = rep.metadata
    if not idf or md is None or not md.width or not md.height:
        return False
    share = max(f.width * f.height for f in idf) / float(md.width * md.height)
    return len(idf) > policy.consent.portrait_max_faces and \
        share < policy.consent.portrait_min_face_share


def _faces(ev: Evaluation, draft: Draft, im: DraftImage, rep: ImageReport, *, policy: Policy,
           registry: Any, today: date, matches: Mapping[int, Sequence[Any]]) -> None:
    subject = im.path
    crowd = _is_crowd(rep.faces, rep, policy)
    cons = policy.consent
    for face in rep.faces:
        if not identifiable(face, policy):
            continue
        dec = _decision_for(im, face)
        minor = face.possible_minor and not (dec is not None and dec.confirmed_adult)
        resolve = Fix(action="resolve_face", params={"face": face.index})
        if dec is None or dec.decision is None:
            proposal = list(matches.get(face.index, ()))
            if proposal:  # a proposal the user confirms, never an assignment
                best = proposal[0]
                resolve = Fix(action="confirm_person", params={
                    "face": face.index, "person_id": best.person_id, "name": best.name,
                    "distance": round(float(best.distance), 3)})
            if minor:
                _add(ev, make_finding("face.possible_minor", policy, subject=subject, face=face.index,
                                      params={"age": round(face.age or 0),
                                              "threshold": round(policy.minor_age_threshold)}, fix=resolve))
            elif crowd:
                _add(ev, make_finding("face.crowd_unresolved", policy, subject=subject, face=face.index,
                                      fix=resolve))
            else:
                _add(ev, make_finding("face.unresolved", policy, subject=subject, face=face.index,
                                      fix=resolve))
            continue
        if dec.decision == "blur":
            _add(ev, make_finding("face.blurred", policy, subject=subject, face=face.index))
            continue
        if dec.decision == "not_identifiable":
            if minor:  # a child the user calls unidentifiable is still blocked unless blurred
                _add(ev, make_finding("face.possible_minor", policy, subject=subject, face=face.index,
                                      params={"age": round(face.age or 0),
                                              "threshold": round(policy.minor_age_threshold)}, fix=resolve))
            continue
        # decision == "person"
        if registry is None:
            _add(ev, make_finding("face.no_registry", policy, subject=subject, face=face.index, fix=resolve))
            continue
        person = _get_person(registry, dec.person_id)
        if person is None or getattr(person, "erased", False):
            _add(ev, make_finding("face.person_unknown", policy, subject=subject, face=face.index,
                                  fix=resolve))
            continue
        ev.people[person.id] = person
        if getattr(person, "protected_identity", False):
            _add(ev, make_finding("face.protected_identity", policy, subject=subject, face=face.index,
                                  fix=Fix(action="blur_face", params={"face": face.index})))
            continue
        status = registry.consent_status(
            person.id, channels=list(draft.channels), on=today,
            guardian_consent_age=cons.guardian_consent_age,
            all_custodians_under=cons.all_custodians_under,
            today_age=_assumed_age(person, face, minor=minor, policy=policy, today=today))
        if not status.valid:
            reasons = list(status.reasons)
            guardian = any(r in ("guardian_required", "all_custodians_required") for r in reasons)
            rule = "face.guardian_consent_required" if guardian else "face.consent_missing"
            _add(ev, make_finding(rule, policy, subject=subject, face=face.index,
                                  params={"name": person.name, "reasons": ", ".join(reasons),
                                          "channels": ", ".join(status.missing_channels)},
                                  fix=resolve))
            continue
        ev.consent_ids.update(status.consent_ids)
        exp = status.expires_on
        if exp is not None and exp <= today + timedelta(days=cons.reminder_days):
            _add(ev, make_finding("face.consent_expiring", policy, subject=subject, face=face.index,
                                  params={"name": person.name, "date": exp.isoformat()}))


class _Prefetched:
    """The registry as one draft's evaluation sees it: every linked person read once, and every
    consent status in one :meth:`consent_statuses` call (a handful of queries per draft, not per
    face: on a team server across a network that is the difference between about 12 and 70 ms
    for a 10-face photo). Anything else goes to the registry itself."""

    def __init__(self, registry: Any, draft: Draft, reports: Mapping[str, ImageReport], *,
                 policy: Policy, today: date) -> None:
        self._registry = registry
        self._people: dict[str, Any] = {}
        self._statuses: dict[str, Any] = {}
        self._ages: dict[str, int | None] = {}
        for im in draft.images:
            rep = reports.get(im.path)
            if rep is None or rep.error is not None:
                continue
            for face in rep.faces:
                dec = _decision_for(im, face)
                if not identifiable(face, policy) or dec is None or dec.decision != "person":
                    continue
                person = self._lookup(dec.person_id)
                if person is None or getattr(person, "erased", False):
                    continue
                minor = face.possible_minor and not dec.confirmed_adult
                age = _assumed_age(person, face, minor=minor, policy=policy, today=today)
                known = self._ages.get(person.id)
                # the same person seen twice: the most cautious (youngest) assumption holds
                self._ages[person.id] = age if known is None else known if age is None else min(age, known)
        batch = getattr(registry, "consent_statuses", None)
        if self._ages and batch is not None:
            self._statuses = batch(list(self._ages), channels=list(draft.channels), on=today,
                                   guardian_consent_age=policy.consent.guardian_consent_age,
                                   all_custodians_under=policy.consent.all_custodians_under,
                                   today_ages=self._ages)

    def _lookup(self, person_id: str | None) -> Any:
        if not person_id:
            return None
        if person_id not in self._people:
            self._people[person_id] = _get_person(self._registry, person_id)
        return self._people[person_id]

    def get_person(self, person_id: str) -> Any:
        person = self._lookup(person_id)
        if person is None:
            raise LookupError(person_id)
        return person

    def consent_status(self, person_id: str, **kw: Any) -> Any:
        if person_id in self._statuses:
            return self._statuses[person_id]
        return self._registry.consent_status(person_id, **kw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._registry, name)


def _get_person(registry: Any, person_id: str | None) -> Any:
    if not person_id:
        return None
    try:
        return registry.get_person(person_id)
    except LookupError:
        return None


def _assumed_age(person: Any, face: Face, *, minor: bool, policy: Policy, today: date) -> int | None:
    """The age the consent rules should assume for a face linked to ``person``.

    What the registry knows (birth year, minor flag) wins. When it knows nothing and the face
    looks like a child, the child is treated as under the guardian-consent age (cautious: the
    estimate is a question, not a verdict), at the estimated age when that is lower.
    """
    if getattr(person, "birth_year", None) is not None or getattr(person, "is_minor", None) is not None:
        return None
    if not minor:
        return None
    limit = int(policy.consent.guardian_consent_age) - 1
    return max(0, min(limit, int(face.age if face.age is not None else limit)))


def _decision_for(im: DraftImage, face: Face) -> FaceDecision | None:
    """The user's decision for ``face``: by index when the box still matches, else by overlap."""
    best, best_iou = None, 0.0
    for d in im.faces:
        iou = _iou(tuple(d.box), face.box) if len(d.box) == 4 else 0.0
        if d.index == face.index and iou >= 0.5:
            return d
        if iou > best_iou:
            best, best_iou = d, iou
    return best if best_iou >= 0.5 else None


def _iou(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


# --- people named, trips -------------------------------------------------------------------------

def _names_written_out(ev: Evaluation, draft: Draft, policy: Policy) -> None:
    """People from the organisation shown in a photo must be named in full in text or caption."""
    texts = " ".join([draft.text, *draft.channel_texts.values(), *(i.caption for i in draft.images),
                      *(i.alt_text for i in draft.images)]).casefold()
    for pid, person in ev.people.items():
        if getattr(person, "relation", None) not in ORG_RELATIONS:
            continue
        if getattr(person, "is_minor", False):
            continue  # children are never named
        name = (person.name or "").strip()
        if name and name.casefold() not in texts:
            _add(ev, make_finding("post.person_not_named", policy, subject="text",
                                  params={"name": name}, fix=Fix(action="insert_name",
                                                                 params={"name": name})))


def _trip(ev: Evaluation, draft: Draft, rep: ImageReport, *, policy: Policy, today: date) -> None:
    md = rep.metadata
    if md is None or md.gps is None or md.taken_at is None or draft.trip_ended:
        return
    org = policy.organisation
    if org.home_lat is None or org.home_lon is None:
        return
    km = haversine_km(md.gps.lat, md.gps.lon, org.home_lat, org.home_lon)
    if km <= org.home_radius_km:
        return
    taken = md.taken_at.value
    taken_day = taken.date() if isinstance(taken, datetime) else taken
    days = (today - taken_day).days
    if 0 <= days <= int(policy.trip.ongoing_days):
        _add(ev, make_finding("location.trip", policy, subject=rep.path,
                              params={"km": round(km), "days": days, "home": org.home_name},
                              fix=Fix(action="confirm_trip_ended")))


def _add(ev: Evaluation, f: Finding | None) -> None:
    if f is not None:
        ev.findings.append(f)


@dataclass(frozen=True)
class TextFindings:
    """The text checks of a draft: every finding, and the report of the text the editor shows
    (LIX, language, channel counts), or None when there is no text."""

    findings: list[Finding]
    main: Any = None


def image_credits(draft: Draft, reports: Mapping[str, ImageReport]) -> list[Any]:
    """One :class:`~prepub.core.text.ImageCredit` per image, for the photo-credit rule: who took
    it (the draft's field, else the file's) and whether its caption already credits them."""
    from prepub.core.text import ImageCredit

    out = []
    for im in draft.images:
        who = _photographer(im, reports.get(im.path))
        out.append(ImageCredit(photographer=who, label=Path(im.path).name,
                               credited_in_caption=bool(who and im.caption.strip()
                                                        and who.casefold() in im.caption.casefold())))
    return out


def text_findings(draft: Draft, *, reports: Mapping[str, ImageReport], policy: Policy,
                  today: date, check: Callable[..., Any] | None = None) -> TextFindings:
    """The text checks of ``draft``: the one function the CLI's evaluation and the window's live
    checks both run. Each distinct text is checked once: the common text for the channels that
    use it, and each channel's own edit on its own (its findings get subject ``text:<channel>``).
    ``check`` has :func:`prepub.core.text.check_text`'s signature (the window passes the helper
    process's, which runs the same function there)."""
    if check is None:
        from prepub.core.text import check_text as check
    if not draft.text.strip() and not any(t.strip() for t in draft.channel_texts.values()):
        return TextFindings([])
    images = image_credits(draft, reports)
    groups: dict[str, list[str]] = {}
    for ch in draft.channels or [""]:
        groups.setdefault(draft.text_for(ch) if ch else draft.text, []).append(ch)
    out: list[Finding] = []
    main = None
    for text, chans in groups.items():
        chans = [c for c in chans if c]
        report = check(text, policy=policy, channels=chans, language=draft.language, images=images,
                       today=today, trip_ended=draft.trip_ended)
        own = text != draft.text and len(chans) == 1
        if text == draft.text or main is None:
            main = report
        for f in report.findings:
            if own and f.subject == "text":
                f = replace(f, subject=f"text:{chans[0]}")
            out.append(f)
    return TextFindings(out, main)
