"""Rule tables for the draft policy engine (prepub.core.checks.post), with a registry stand-in.

The real registry is exercised end to end in test_end_to_end.py; here a small in-memory
implementation of the two calls the engine makes lets each rule be tested in isolation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

import pytest

from prepub.core.checks.gate import gate
from prepub.core.checks.post import evaluate_draft, haversine_km


def unresolved_blocks(findings, draft, policy):  # noqa: ANN001, ANN201 - the one gate's answer
    return list(gate(draft, findings, policy).blocking)
from prepub.core.draft import Draft, Override
from prepub.core.model import Face, GpsFix, ImageReport, Metadata, Tagged
from prepub.core.policy import load_policy, parse_policy

TODAY = date(2026, 11, 23)
IMG = "/photos/a.jpg"


@pytest.fixture(scope="module")
def policy():
    return load_policy(language="sv")  # the Swedish default


@dataclass
class Person:
    id: str
    name: str
    relation: str = "public"
    protected_identity: bool = False
    is_minor: bool | None = None
    birth_year: int | None = None
    erased: bool = False


@dataclass
class Status:
    valid: bool
    reasons: tuple[str, ...] = ()
    missing_channels: tuple[str, ...] = ()
    consent_ids: tuple[str, ...] = ()
    expires_on: date | None = None


@dataclass
class FakeRegistry:
    people: dict[str, Person] = field(default_factory=dict)
    statuses: dict[str, Status] = field(default_factory=dict)
    calls: list[dict] = field(default_factory=list)

    def get_person(self, pid: str) -> Person:
        if pid not in self.people:
            raise LookupError(pid)
        return self.people[pid]

    def consent_status(self, pid: str, **kw) -> Status:
        self.calls.append({"person": pid, **kw})
        st = self.statuses[pid]
        if kw.get("today_age") is not None and kw["today_age"] < kw["guardian_consent_age"] \
                and st.valid and "guardian" not in ",".join(st.consent_ids):
            return Status(valid=False, reasons=("guardian_required",))
        return st


def face(i: int, box=(100, 100, 300, 340), minor=False, age=35.0) -> Face:
    return Face(index=i, box=box, score=0.9, age=age, possible_minor=minor)


def report(faces=(), *, gps=None, taken=None, w=2000, h=1500, error=None, photographer=None) -> ImageReport:
    md = Metadata(format="JPEG", width=w, height=h, gps=gps, gps_present=gps is not None,
                  taken_at=None if taken is None else Tagged(taken, "EXIF:DateTimeOriginal"),
                  photographer=None if photographer is None else Tagged(photographer, "EXIF:Artist"))
    return ImageReport(path=IMG, metadata=None if error else md, faces=tuple(faces), error=error)


def complete_draft(**kw) -> Draft:
    d = Draft(text="Välkommen till vårt öppna hus på lördag!", channels=["instagram"], **kw)
    im = d.add_image(IMG)
    im.photographer = "Anna Fotograf"
    im.context.what = "Öppet hus"
    im.context.where = "Stadshuset"
    im.alt_text = "Två personer skakar hand framför stadshusets entré."
    return d


def rules_of(ev, severity=None):
    return sorted(f.rule for f in ev.findings if severity is None or f.severity.value == severity)


def no_text(draft, **kw):
    return []


def run(draft, rep, policy, registry=None):
    return evaluate_draft(draft, reports={IMG: rep}, policy=policy, registry=registry, today=TODAY,
                          text_check=no_text)


def test_complete_draft_without_faces_passes(policy) -> None:
    ev = run(complete_draft(), report(), policy)
    assert [f for f in ev.findings if f.blocks] == []


@pytest.mark.parametrize("mutate,rule", [
    (lambda im: setattr(im, "photographer", ""), "image.photographer_missing"),
    (lambda im: setattr(im.context, "what", ""), "image.context_missing"),
    (lambda im: (setattr(im.context, "where", ""), setattr(im.context, "when", "")), "image.context_missing"),
    (lambda im: setattr(im.source, "kind", "unknown"), "image.source_unknown"),
    (lambda im: setattr(im.source, "kind", "stock"), "image.licence_missing"),
    (lambda im: setattr(im.source, "kind", "partner"), "image.licence_missing"),
])
def test_required_fields_block(policy, mutate, rule) -> None:
    d = complete_draft()
    mutate(d.images[0])
    ev = run(d, report(), policy)
    assert rule in rules_of(ev, "block")


def test_photographer_from_metadata_is_enough(policy) -> None:
    d = complete_draft()
    d.images[0].photographer = ""
    ev = run(d, report(photographer="Kalle Kamera"), policy)
    assert "image.photographer_missing" not in rules_of(ev)


def test_stock_with_licence_passes(policy) -> None:
    d = complete_draft()
    d.images[0].source.kind = "stock"
    d.images[0].source.licence = "Getty 123456"
    assert "image.licence_missing" not in rules_of(run(d, report(), policy))


@pytest.mark.parametrize("alt,rule,sev", [
    ("", "image.alt_text_missing", "warn"),
    ("x" * 300, "image.alt_text_long", "warn"),
    ("Bild på två personer som skakar hand.", "image.alt_text_redundant", "info"),
])
def test_alt_text(policy, alt, rule, sev) -> None:
    d = complete_draft()
    d.images[0].alt_text = alt
    assert rule in rules_of(run(d, report(), policy), sev)


def test_unresolved_face_in_portrait_blocks_and_crowd_warns(policy) -> None:
    d = complete_draft()
    ev = run(d, report([face(0)]), policy)
    assert "face.unresolved" in rules_of(ev, "block")
    # six small faces (each < 5% of the frame) make a crowd scene: a warning, not a block
    crowd = [face(i, box=(i * 300, 100, i * 300 + 60, 180)) for i in range(6)]
    ev = run(d, report(crowd), policy)
    assert rules_of(ev, "block") == []
    assert rules_of(ev, "warn").count("face.crowd_unresolved") == 6


def test_possible_minor_blocks_even_in_a_crowd(policy) -> None:
    crowd = [face(i, box=(i * 300, 100, i * 300 + 60, 180), minor=(i == 2), age=9) for i in range(6)]
    ev = run(complete_draft(), report(crowd), policy)
    assert [f.face for f in ev.findings if f.rule == "face.possible_minor"] == [2]


def test_small_faces_are_not_identifiable(policy) -> None:
    ev = run(complete_draft(), report([face(0, box=(10, 10, 30, 35))]), policy)
    assert rules_of(ev, "block") == []


@pytest.mark.parametrize("decision,minor,confirmed,expect_block", [
    ("blur", False, False, None),
    ("blur", True, False, None),
    ("not_identifiable", False, False, None),
    ("not_identifiable", True, False, "face.possible_minor"),
    (None, True, True, "face.unresolved"),  # confirmed adult but still undecided
])
def test_face_decisions(policy, decision, minor, confirmed, expect_block) -> None:
    d = complete_draft()
    f = face(0, minor=minor, age=12 if minor else 35)
    d.images[0].decide(0, list(f.box), decision, confirmed_adult=confirmed)
    blocks = rules_of(run(d, report([f]), policy), "block")
    assert blocks == ([] if expect_block is None else [expect_block])


def test_decision_follows_the_face_by_box_when_indices_shift(policy) -> None:
    d = complete_draft()
    d.images[0].decide(0, [100, 100, 300, 340], "blur")
    # re-analysis found another face to the left, so our face is now index 1
    ev = run(d, report([face(0, box=(5, 100, 60, 160)), face(1)]), policy)
    assert [f.face for f in ev.findings if f.rule == "face.unresolved"] == [0]


def _person_draft(pid="p1"):
    d = complete_draft()
    d.images[0].decide(0, [100, 100, 300, 340], "person", person_id=pid)
    return d


def test_person_with_valid_consent_passes_and_records_consent(policy) -> None:
    reg = FakeRegistry({"p1": Person("p1", "Lisa Ek")}, {"p1": Status(True, consent_ids=("c1",))})
    ev = run(_person_draft(), report([face(0)]), policy, reg)
    assert rules_of(ev, "block") == []
    assert ev.consent_ids == {"c1"}
    call = reg.calls[0]
    assert call["channels"] == ["instagram"] and call["on"] == TODAY
    assert call["guardian_consent_age"] == 15 and call["all_custodians_under"] == 13


@pytest.mark.parametrize("status,rule", [
    (Status(False, ("expired",)), "face.consent_missing"),
    (Status(False, ("withdrawn",)), "face.consent_missing"),
    (Status(False, ("channel_missing",), ("instagram",)), "face.consent_missing"),
    (Status(False, ("guardian_required",)), "face.guardian_consent_required"),
    (Status(False, ("all_custodians_required",)), "face.guardian_consent_required"),
])
def test_invalid_consent_blocks(policy, status, rule) -> None:
    reg = FakeRegistry({"p1": Person("p1", "Lisa Ek")}, {"p1": status})
    ev = run(_person_draft(), report([face(0)]), policy, reg)
    assert rules_of(ev, "block") == [rule]


def test_possible_minor_linked_to_person_needs_guardian(policy) -> None:
    reg = FakeRegistry({"p1": Person("p1", "Lisa Ek")}, {"p1": Status(True, consent_ids=("c1",))})
    ev = run(_person_draft(), report([face(0, minor=True, age=11)]), policy, reg)
    assert rules_of(ev, "block") == ["face.guardian_consent_required"]
    assert reg.calls[0]["today_age"] == 11


def test_protected_identity_blocks_unless_blurred(policy) -> None:
    reg = FakeRegistry({"p1": Person("p1", "X", protected_identity=True)}, {"p1": Status(True)})
    assert rules_of(run(_person_draft(), report([face(0)]), policy, reg), "block") == ["face.protected_identity"]


@pytest.mark.parametrize("registry,rule", [(None, "face.no_registry"),
                                           (FakeRegistry(), "face.person_unknown")])
def test_person_without_registry_or_unknown(policy, registry, rule) -> None:
    assert rules_of(run(_person_draft(), report([face(0)]), policy, registry), "block") == [rule]


def test_consent_expiring_soon_is_noted(policy) -> None:
    reg = FakeRegistry({"p1": Person("p1", "Lisa Ek")},
                       {"p1": Status(True, consent_ids=("c1",), expires_on=TODAY + timedelta(days=10))})
    assert "face.consent_expiring" in rules_of(run(_person_draft(), report([face(0)]), policy, reg), "info")


@pytest.mark.parametrize("relation,text,expected", [
    ("staff", "Välkommen! /Lisa", True),
    ("staff", "Lisa Ek hälsar välkommen.", False),
    ("elected", "lisa ek hälsar välkommen.", False),
    ("public", "Välkommen!", False),
])
def test_org_people_named_in_full(policy, relation, text, expected) -> None:
    reg = FakeRegistry({"p1": Person("p1", "Lisa Ek", relation=relation)}, {"p1": Status(True)})
    d = _person_draft()
    d.text = text
    got = "post.person_not_named" in rules_of(run(d, report([face(0)]), policy, reg))
    assert got is expected


STOCKHOLM = GpsFix(59.33, 18.07)
BANGKOK = GpsFix(13.75, 100.50)


@pytest.mark.parametrize("gps,days_ago,ended,blocks", [
    (BANGKOK, 2, False, True),
    (BANGKOK, 14, False, True),
    (BANGKOK, 40, False, False),  # an old trip
    (BANGKOK, 2, True, False),  # the user states the trip has ended
    (STOCKHOLM, 1, False, False),  # at home
])
def test_ongoing_trip(policy, gps, days_ago, ended, blocks) -> None:
    d = complete_draft(trip_ended=ended)
    taken = datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time()).replace(
        hour=12, tzinfo=timezone(timedelta(hours=7)))
    ev = run(d, report(gps=gps, taken=taken), policy)
    assert ("location.trip" in rules_of(ev, "block")) is blocks
    assert "gps.present" in rules_of(ev, "info")  # removed on export: a note


def test_trip_override_needs_allowed_rule_and_reason(policy) -> None:
    d = complete_draft()
    taken = datetime(2026, 11, 22, 10, 0)
    ev = run(d, report(gps=BANGKOK, taken=taken), policy)
    assert [f.rule for f in unresolved_blocks(ev.findings, d, policy)] == ["location.trip"]
    d.overrides.append(Override(rule="location.trip", reason="Resan avslutad, bekräftat av GS"))
    assert unresolved_blocks(ev.findings, d, policy) == []
    # a face block is never overridable, even with a reason
    d2 = complete_draft()
    d2.overrides.append(Override(rule="face.unresolved", reason="vill"))
    ev2 = run(d2, report([face(0)]), policy)
    assert [f.rule for f in unresolved_blocks(ev2.findings, d2, policy)] == ["face.unresolved"]


def test_post_level_rules(policy) -> None:
    d = Draft(text="", channels=[])
    ev = evaluate_draft(d, reports={}, policy=policy, today=TODAY, text_check=no_text)
    assert {"post.no_channels", "post.empty"} <= set(rules_of(ev, "block"))
    d2 = Draft(text="Hej", channels=["myspace"])
    ev2 = evaluate_draft(d2, reports={}, policy=policy, today=TODAY, text_check=no_text)
    assert "post.unknown_channel" in rules_of(ev2, "block")
    d3 = complete_draft()
    ev3 = evaluate_draft(d3, reports={}, policy=policy, today=TODAY, text_check=no_text)
    assert "post.not_analysed" in rules_of(ev3, "block")


def test_unreadable_image_blocks(policy) -> None:
    ev = run(complete_draft(), report(error="the file is truncated"), policy)
    assert rules_of(ev, "block") == ["image.unreadable"]
    assert ev.findings[0].params["reason"] == "the file is truncated"


def test_policy_can_raise_gps_to_block_but_not_disable_face_rules() -> None:
    base = open(load_policy(language="sv").path, encoding="utf-8").read()

    def with_rule(rule: str, setting: str) -> str:  # the default names every rule in its own table
        head = f'[rules."{rule}"]\n'
        return base.replace(head, head + setting + "\n", 1) if head in base else base + "\n" + head + setting + "\n"

    strict = parse_policy(with_rule("gps.present", 'severity = "block"'))
    ev = run(complete_draft(), report(gps=STOCKHOLM), strict)
    assert "gps.present" in rules_of(ev, "block")
    from prepub.core.policy import PolicyError

    with pytest.raises(PolicyError, match="cannot be switched off"):
        parse_policy(with_rule("face.unresolved", "enabled = false"))
    with pytest.raises(PolicyError, match="cannot be lowered"):
        parse_policy(with_rule("face.possible_minor", 'severity = "warn"'))


def test_haversine() -> None:
    assert haversine_km(59.3293, 18.0686, 55.6761, 12.5683) == pytest.approx(522, abs=3)  # Sthlm–Köpenhamn
    assert haversine_km(0, 0, 0, 0) == 0


def test_every_rule_has_messages_in_three_languages() -> None:
    from prepub.core.messages import catalogue
    from prepub.core.rules import all_rules

    cat = catalogue()
    missing = [(r, lang) for r in all_rules() for lang in ("sv", "en", "da") if lang not in cat.get(r, {})]
    assert missing == []


def test_registry_birth_year_outranks_the_age_estimate(policy) -> None:
    reg = FakeRegistry({"p1": Person("p1", "Lisa Ek", birth_year=1980)}, {"p1": Status(True, consent_ids=("c1",))})
    ev = run(_person_draft(), report([face(0, minor=True, age=16)]), policy, reg)
    assert rules_of(ev, "block") == []
    assert reg.calls[0]["today_age"] is None  # the registry decides from the birth year


def test_match_proposal_is_offered_not_applied(policy) -> None:
    @dataclass
    class M:
        person_id: str
        name: str
        distance: float

    ev = evaluate_draft(complete_draft(), reports={IMG: report([face(0)])}, policy=policy, today=TODAY,
                        text_check=no_text, matches={IMG: {0: [M("p1", "Lisa Ek", 0.41)]}})
    (f,) = [f for f in ev.findings if f.blocks]
    assert f.rule == "face.unresolved"  # still blocks until the user confirms
    assert f.fix.action == "confirm_person" and f.fix.params["person_id"] == "p1"
    assert f.fix.params["distance"] == 0.41


def test_text_checks_run_on_the_draft_text(policy) -> None:
    d = complete_draft()
    d.text = "Just nu i Bangkok! Vi träffar bl.a. partners. Foto: Anna Fotograf"
    ev = evaluate_draft(d, reports={IMG: report()}, policy=policy, today=TODAY)
    rules = rules_of(ev)
    assert "text.trip_ongoing" in rules and "text.abbreviation" in rules
    abbrev = next(f for f in ev.findings if f.rule == "text.abbreviation")
    assert d.text[abbrev.span[0]:abbrev.span[1]] == "bl.a."
    d.trip_ended = True
    assert "text.trip_ongoing" not in rules_of(evaluate_draft(d, reports={IMG: report()}, policy=policy,
                                                              today=TODAY))


def test_channel_edit_is_checked_on_its_own(policy) -> None:
    d = complete_draft()
    d.channels = ["instagram", "x"]
    d.channel_texts["x"] = "Kort text t.ex. för X. Foto: Anna Fotograf"
    ev = evaluate_draft(d, reports={IMG: report()}, policy=policy, today=TODAY)
    own = [f for f in ev.findings if f.rule == "text.abbreviation"]
    assert [f.subject for f in own] == ["text:x"]


def test_rules_that_protect_people_are_never_overridden_even_if_listed(policy) -> None:
    base = open(policy.path, encoding="utf-8").read()
    lax = parse_policy(base.replace('overrides_allowed = [', 'overrides_allowed = ["face.unresolved", '))
    d = complete_draft()
    d.overrides.append(Override(rule="face.unresolved", reason="brådskande"))
    ev = run(d, report([face(0)]), lax)
    assert [f.rule for f in unresolved_blocks(ev.findings, d, lax)] == ["face.unresolved"]


def test_a_stale_offline_copy_of_the_team_registry_blocks(policy) -> None:
    """Issue 16: a communicator offline works from a read-only copy; older than the policy's
    limit, a withdrawal may be missing, so the post blocks (and no one may override that)."""
    from datetime import timedelta
    from types import SimpleNamespace

    class Copy:
        info = SimpleNamespace(age=lambda now=None: timedelta(hours=30))

        def too_old(self) -> bool:
            return True

    d = complete_draft()
    ev = evaluate_draft(d, reports={IMG: report()}, policy=policy, registry=Copy(), today=TODAY,
                        text_check=no_text)
    stale = [f for f in ev.findings if f.rule == "registry.offline_copy_stale"]
    assert stale and stale[0].blocks and stale[0].params == {"hours": 30, "max": 24}
