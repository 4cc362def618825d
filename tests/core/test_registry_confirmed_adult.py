""""I have checked: an adult" remembered in the registry (issue 13): only for a person with a
live consent, never over a birth year or a minor flag, audit-logged, and on a team registry a
communicator may do exactly this and nothing more (the database refuses the rest)."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

import pytest

from pg import Team, memory_keyring, pg_cluster, registry_url, team  # noqa: F401 - fixtures
from prepub.core.checks.post import evaluate_draft
from prepub.core.consent import NotAllowedError, Registry, RegistryError, open_registry
from prepub.core.draft import Draft
from prepub.core.model import Face, ImageReport, Metadata
from prepub.core.policy import load_policy

TODAY = date(2026, 11, 23)
IMG = "/photos/a.jpg"


@pytest.fixture()
def reg(registry_url: str) -> Registry:
    r = open_registry(registry_url)
    yield r  # type: ignore[misc]
    r.close()


def _consent(reg: Any, pid: str) -> str:
    return reg.add_consent(person_id=pid, channels=["instagram"], purpose="Öppet hus",
                           given_on=date(2026, 11, 1), signed_by=["self"], logged_by="Pia",
                           verbal_note="ja").id


def _findings(reg: Any, pid: str, *, confirmed_adult: bool = False) -> list[str]:
    d = Draft(text="Välkommen till vårt öppna hus på lördag!", channels=["instagram"])
    im = d.add_image(IMG)
    im.photographer = "Anna Fotograf"
    im.context.what, im.context.where = "Öppet hus", "Stadshuset"
    im.alt_text = "En person framför stadshusets entré."
    im.decide(0, [100, 100, 300, 340], "person", person_id=pid, confirmed_adult=confirmed_adult)
    rep = ImageReport(path=IMG, metadata=Metadata(format="JPEG", width=2000, height=1500),
                      faces=(Face(index=0, box=(100, 100, 300, 340), score=0.9, age=17.0,
                                  possible_minor=True),))
    ev = evaluate_draft(d, reports={IMG: rep}, policy=load_policy(language="sv"), registry=reg,
                        today=TODAY, text_check=lambda *a, **k: [])
    return sorted(f.rule for f in ev.findings if f.blocks)


def test_a_remembered_adult_is_not_a_possible_child_in_the_next_post(reg: Registry) -> None:
    lisa = reg.add_person(name="Lisa Ek", relation="staff")
    _consent(reg, lisa.id)
    # looks young, registry knows nothing: treated as a child (a guardian's consent needed)
    assert _findings(reg, lisa.id) == ["face.guardian_consent_required"]
    assert _findings(reg, lisa.id, confirmed_adult=True) == []  # this draft's confirmation
    assert reg.confirm_adult(lisa.id, actor="kim") is True
    assert reg.get_person(lisa.id).is_minor is False
    assert _findings(reg, lisa.id) == []  # the next draft, nobody ticked anything
    entry = reg.audit_entries(limit=1, entity_id=lisa.id)[0]
    assert (entry.action, entry.entity_id, entry.actor) == ("person.confirmed_adult", lisa.id, "kim")
    assert reg.confirm_adult(lisa.id) is False  # already known: nothing written
    assert reg.verify_audit().ok


def test_what_the_registry_knows_is_never_overwritten(reg: Registry) -> None:
    kid = reg.add_person(name="Liten Ek", relation="public", birth_year=2016)
    flagged = reg.add_person(name="Ung Ek", relation="public", is_minor=True)
    for p in (kid, flagged):
        g = reg.add_guardian(child_id=p.id, name="Mor Ek")
        reg.add_consent(person_id=p.id, channels=["instagram"], purpose="p",
                        given_on=date(2026, 11, 1), signed_by=[g.id], logged_by="Pia",
                        verbal_note="ja")
        assert reg.confirm_adult(p.id) is False
    assert reg.get_person(kid.id).birth_year == 2016 and reg.get_person(kid.id).is_minor is None
    assert reg.get_person(flagged.id).is_minor is True


def test_never_for_someone_a_guardian_speaks_for(reg: Registry) -> None:
    signed = reg.add_person(name="Ung Ek", relation="public")  # no age known, guardian signed
    g = reg.add_guardian(child_id=signed.id, name="Mor Ek")
    reg.add_consent(person_id=signed.id, channels=["instagram"], purpose="p",
                    given_on=date(2026, 11, 1), signed_by=[g.id], logged_by="Pia",
                    verbal_note="ja")
    with pytest.raises(RegistryError, match="guardian"):
        reg.confirm_adult(signed.id)
    assert reg.get_person(signed.id).is_minor is None


def test_only_with_a_live_consent(reg: Registry) -> None:
    nobody = reg.add_person(name="Utan Samtycke", relation="public")
    with pytest.raises(RegistryError, match="consent"):
        reg.confirm_adult(nobody.id)
    gone = reg.add_person(name="Ångrad Person", relation="public")
    reg.withdraw_consent(_consent(reg, gone.id), reason="ångrat sig")
    with pytest.raises(RegistryError, match="consent"):
        reg.confirm_adult(gone.id)
    assert reg.get_person(nobody.id).is_minor is None and reg.get_person(gone.id).is_minor is None


def _sql(reg: Any, stmt: str) -> Callable[[], Any]:
    def run() -> Any:
        with reg._write() as conn:
            return conn.exec_driver_sql(stmt)
    return run


def test_a_communicator_may_remember_an_adult_and_nothing_more(team: Team) -> None:
    photo, comm, admin = (team.open(r) for r in ("photographer", "communicator", "admin"))
    try:
        lisa = photo.add_person(name="Lisa Ek", relation="staff")
        _consent(photo, lisa.id)
        bo = photo.add_person(name="Bo Ek", relation="staff")  # no consent
        ung = photo.add_person(name="Ung Ek", relation="public")  # a guardian signed
        gu = photo.add_guardian(child_id=ung.id, name="Far Ek")
        photo.add_consent(person_id=ung.id, channels=["instagram"], purpose="p",
                          given_on=date(2026, 11, 1), signed_by=[gu.id], logged_by="Pia",
                          verbal_note="ja")
        kid = photo.add_person(name="Liten Ek", relation="public", is_minor=True)
        g = photo.add_guardian(child_id=kid.id, name="Mor Ek")
        photo.add_consent(person_id=kid.id, channels=["instagram"], purpose="p",
                          given_on=date(2026, 11, 1), signed_by=[g.id], logged_by="Pia",
                          verbal_note="ja")
        with pytest.raises(NotAllowedError):  # a photographer has no UPDATE at all
            photo.confirm_adult(lisa.id)
        assert comm.confirm_adult(lisa.id, actor="kim") is True
        assert admin.get_person(lisa.id).is_minor is False
        # past the API: the database itself keeps a communicator to "unknown -> adult"
        for stmt in (f"UPDATE people SET is_minor = false WHERE id = '{kid.id}'",  # a child
                     f"UPDATE people SET updated_at = '2000-01-01' WHERE id = '{lisa.id}'",
                     f"UPDATE people SET is_minor = true WHERE id = '{lisa.id}'",
                     f"UPDATE people SET is_minor = false WHERE id = '{bo.id}'",  # no consent
                     f"UPDATE people SET is_minor = false WHERE id = '{ung.id}'",  # guardian
                     f"UPDATE people SET name = 'X' WHERE id = '{lisa.id}'",
                     f"UPDATE people SET birth_year = 1990 WHERE id = '{bo.id}'"):
            with pytest.raises(NotAllowedError):
                _sql(comm, stmt)()
        # an admin may still correct it either way
        admin.update_person(lisa.id, is_minor=None)
        admin.update_person(kid.id, is_minor=False)
        assert admin.get_person(kid.id).is_minor is False
        assert admin.verify_audit().ok
    finally:
        for r in (photo, comm, admin):
            r.close()
