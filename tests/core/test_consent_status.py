"""Whether consent is valid: channels, expiry, withdrawal, guardians (SE 13 all custodians, DK 15)."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from prepub.core.consent import Registry, open_registry

ON = date(2025, 6, 1)
SE = {"guardian_consent_age": 15, "all_custodians_under": 13}
DK = {"guardian_consent_age": 15, "all_custodians_under": 0}


@pytest.fixture()
def reg(tmp_path: Path) -> Registry:
    r = open_registry(f"sqlite:///{tmp_path / 'r.db'}")
    yield r  # type: ignore[misc]
    r.close()


def _born_for_age(age: int) -> int:
    """A birth year whose cautious (younger) age on ON is ``age``."""
    return ON.year - age - 1


def _child(reg: Registry, *, age: int | None, guardians: int, is_minor: bool | None = None,
           ) -> tuple[str, list[str]]:
    p = reg.add_person(name="Barn Barnsson", relation="public",
                       birth_year=None if age is None else _born_for_age(age), is_minor=is_minor)
    gids = [reg.add_guardian(child_id=p.id, name=f"Förälder {i}").id for i in range(guardians)]
    return p.id, gids


def _consent(reg: Registry, pid: str, signed_by: list[str], **kw: object) -> str:
    args: dict[str, object] = dict(person_id=pid, channels=["website", "facebook"], purpose="fest",
                                   given_on=date(2025, 1, 1), signed_by=signed_by, logged_by="Pia",
                                   verbal_note="ja")
    args.update(kw)
    return reg.add_consent(**args).id  # type: ignore[arg-type]


# age, registered guardians, who signed (indexes of guardians or "self"), rules, valid, reason
GUARDIAN_CASES = [
    (30, 0, ["self"], SE, True, None),
    (16, 2, ["self"], SE, True, None),          # 15-17 consent themselves
    (16, 2, ["self"], DK, True, None),
    (14, 2, ["self"], SE, False, "guardian_required"),
    (14, 2, [0], SE, True, None),               # one guardian is enough from 13
    (14, 2, [0], DK, True, None),
    (14, 2, ["self"], DK, False, "guardian_required"),  # DK: under 15 needs the custodian
    (10, 2, [0], SE, False, "all_custodians_required"),  # SE municipality: all under 13
    (10, 2, [0, 1], SE, True, None),
    (10, 2, [0], DK, True, None),               # DK policy: one custodian suffices
    (12, 1, [0], SE, True, None),               # the only registered custodian signed
    (10, 0, ["self"], SE, False, "all_custodians_required"),  # no guardian registered at all
    (10, 0, ["self"], DK, False, "guardian_required"),
]


@pytest.mark.parametrize("age,n_guardians,signed,rules,valid,reason", GUARDIAN_CASES)
def test_guardian_rules(reg: Registry, age: int, n_guardians: int, signed: list[object],
                        rules: dict[str, int], valid: bool, reason: str | None) -> None:
    pid, gids = _child(reg, age=age, guardians=n_guardians)
    _consent(reg, pid, [s if s == "self" else gids[s] for s in signed])  # type: ignore[index]
    st = reg.consent_status(pid, channels=["website"], on=ON, **rules)
    assert st.valid is valid, st
    assert st.reasons == (() if reason is None else (reason,))
    assert st.missing_channels == (() if valid else ("website",))


def test_minor_flag_without_birth_year_is_treated_cautiously(reg: Registry) -> None:
    pid, gids = _child(reg, age=None, guardians=2, is_minor=True)
    _consent(reg, pid, [gids[0]])
    se = reg.consent_status(pid, channels=["website"], on=ON, **SE)
    assert not se.valid and se.reasons == ("all_custodians_required",)
    assert se.guardian_required and se.all_custodians_required
    dk = reg.consent_status(pid, channels=["website"], on=ON, **DK)
    assert dk.valid
    # the caller knows better (the user stated the age): a 16-year-old's own consent counts
    own, _ = _child(reg, age=None, guardians=1, is_minor=True)
    _consent(reg, own, ["self"])
    assert reg.consent_status(own, channels=["website"], on=ON, today_age=16, **SE).valid
    assert not reg.consent_status(own, channels=["website"], on=ON, **SE).valid


def test_birth_year_is_read_as_the_younger_possible_age(reg: Registry) -> None:
    p = reg.add_person(name="Born 2010", relation="public", birth_year=2010)
    _consent(reg, p.id, ["self"])
    # in 2025 they are 14 or 15: their own consent does not count until 2026
    assert not reg.consent_status(p.id, channels=["website"], on=date(2025, 12, 31), **DK).valid
    assert reg.consent_status(p.id, channels=["website"], on=date(2026, 1, 1), **DK).valid


def test_channels_expiry_withdrawal_and_what_is_relied_on(reg: Registry) -> None:
    p = reg.add_person(name="Vuxen", relation="staff", birth_year=1980).id
    web = _consent(reg, p, ["self"], channels=["website"], expires_on=date(2025, 12, 31))
    both = _consent(reg, p, ["self"], channels=["Instagram", "website"], expires_on=date(2025, 8, 1))
    st = reg.consent_status(p, channels=["website", "instagram"], on=ON, **SE)
    assert st.valid and set(st.consent_ids) == {web, both}
    assert st.expires_on == date(2025, 8, 1)  # the soonest expiry among those relied on
    st = reg.consent_status(p, channels=["website", "instagram", "x"], on=ON, **SE)
    assert not st.valid and st.missing_channels == ("x",) and st.reasons == ("channel_missing",)
    st = reg.consent_status(p, channels=["instagram"], on=date(2025, 8, 2), **SE)
    assert st.reasons == ("expired",)
    assert reg.consent_status(p, channels=["instagram"], on=date(2025, 8, 1), **SE).valid
    assert reg.consent_status(p, channels=["website"], on=date(2024, 12, 31), **SE).reasons == \
        ("not_yet_given",)
    reg.withdraw_consent(both, at=datetime(2025, 5, 20, 12, tzinfo=timezone.utc), reason="flyttat")
    st = reg.consent_status(p, channels=["website", "instagram"], on=ON, **SE)
    assert not st.valid and st.missing_channels == ("instagram",) and st.reasons == ("withdrawn",)
    assert st.consent_ids == (web,)
    # before the withdrawal the same question had a yes
    assert reg.consent_status(p, channels=["instagram"], on=date(2025, 5, 1), **SE).valid


def test_person_level_reasons(reg: Registry) -> None:
    assert reg.consent_status("nobody", channels=["website"], on=ON, **SE).reasons == \
        ("unknown_person",)
    p = reg.add_person(name="Utan Samtycke", relation="member").id
    assert reg.consent_status(p, channels=["website"], on=ON, **SE).reasons == ("no_consent",)
    hidden = reg.add_person(name="Skyddad", relation="member", protected_identity=True).id
    _consent(reg, hidden, ["self"])
    st = reg.consent_status(hidden, channels=["website"], on=ON, **SE)
    assert not st.valid and st.reasons == ("protected_identity",) and st.missing_channels == ()
    gone = reg.add_person(name="Borta", relation="member").id
    _consent(reg, gone, ["self"])
    reg.delete_person(gone)
    st = reg.consent_status(gone, channels=["website"], on=ON, **SE)
    assert not st.valid and st.reasons[0] == "person_erased"


def test_guardian_added_later_invalidates_an_all_custodians_consent(reg: Registry) -> None:
    pid, gids = _child(reg, age=8, guardians=1)
    _consent(reg, pid, [gids[0]])
    assert reg.consent_status(pid, channels=["website"], on=ON, **SE).valid
    reg.add_guardian(child_id=pid, name="Den andra vårdnadshavaren", relation="custodian")
    st = reg.consent_status(pid, channels=["website"], on=ON, **SE)
    assert not st.valid and st.reasons == ("all_custodians_required",)
