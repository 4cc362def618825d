"""Whether a person's recorded consents cover the channels of a post on a given day.

A pure function over registry records, so the rules are testable without a database. The
thresholds come from the organisation's policy (``[consent] guardian_consent_age`` and
``all_custodians_under``); the registry never decides them.

Age: a ``today_age`` the caller knows wins; else the birth year gives the *younger* possible age
(``on.year - birth_year - 1``: the birthday may not have passed), the cautious reading; else a
person flagged ``is_minor`` with no birth year is treated as under every threshold. A consent
counts for a child under ``guardian_consent_age`` only when a registered guardian signed it, and
under ``all_custodians_under`` only when every registered guardian did (with none registered it
cannot count). Consent that is not yet given, expired (after ``expires_on``, which is the last
valid day) or withdrawn on or before ``on`` never counts.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from prepub.core.consent.types import (
    REASONS, SELF, Consent, ConsentStatus, Guardian, Person,
)


def normalise_channels(channels: Sequence[str]) -> tuple[str, ...]:
    """Lower-case, stripped, de-duplicated channel keys in their given order."""
    out: list[str] = []
    for c in channels:
        k = str(c).strip().lower()
        if k and k not in out:
            out.append(k)
    return tuple(out)


def assumed_age(person: Person, *, on: date, today_age: int | None = None) -> int | None:
    """The age the rules use, or None when unknown (see the module docstring)."""
    if today_age is not None:
        return today_age
    if person.birth_year is not None:
        return max(0, on.year - person.birth_year - 1)
    return None


def guardian_rules(person: Person, *, on: date, guardian_consent_age: int, all_custodians_under: int,
                   today_age: int | None = None) -> tuple[bool, bool]:
    """(a guardian must sign, every registered guardian must sign) for ``person`` on ``on``."""
    age = assumed_age(person, on=on, today_age=today_age)
    if age is None:
        minor = bool(person.is_minor)
        return minor and guardian_consent_age > 0, minor and all_custodians_under > 0
    need = age < guardian_consent_age
    return need, need and age < all_custodians_under


def evaluate(*, person_id: str, person: Person | None, guardians: Sequence[Guardian],
             consents: Sequence[Consent], channels: Sequence[str], on: date,
             guardian_consent_age: int, all_custodians_under: int,
             today_age: int | None = None) -> ConsentStatus:
    """The :class:`ConsentStatus` of ``person`` for ``channels`` on ``on``.

    With no channels asked for, any one counting consent is enough.
    """
    wanted = normalise_channels(channels)
    reasons: set[str] = set()
    if person is None:
        return ConsentStatus(person_id=person_id, valid=False, missing_channels=wanted,
                             reasons=("unknown_person",), consent_ids=(), expires_on=None)
    if person.erased:
        reasons.add("person_erased")
    if person.protected_identity:
        reasons.add("protected_identity")
    need_guardian, need_all = guardian_rules(
        person, on=on, guardian_consent_age=guardian_consent_age,
        all_custodians_under=all_custodians_under, today_age=today_age)
    guardian_ids = frozenset(g.id for g in guardians)

    def failures(c: Consent) -> set[str]:
        bad: set[str] = set()
        if c.given_on > on:
            bad.add("not_yet_given")
        if c.expires_on is not None and c.expires_on < on:
            bad.add("expired")
        if c.withdrawn_at is not None and c.withdrawn_at.astimezone().date() <= on:
            bad.add("withdrawn")
        signers = c.signers
        if need_all:
            if not guardian_ids or not guardian_ids <= signers:
                bad.add("all_custodians_required")
        elif need_guardian:
            if not (signers & guardian_ids):
                bad.add("guardian_required")
        elif not (SELF in signers or signers & guardian_ids):
            bad.add("guardian_required")  # signed only by someone no longer registered
        return bad

    counting = [c for c in consents if not failures(c)]
    if not consents:
        reasons.add("no_consent")
    relied: list[Consent] = []
    missing: list[str] = []
    if wanted:
        for ch in wanted:
            covering = [c for c in counting if ch in c.channels]
            if covering:
                best = max(covering, key=lambda c: (c.expires_on or date.max, c.given_on, c.id))
                if best not in relied:
                    relied.append(best)
                continue
            missing.append(ch)
            if consents:
                tried = [c for c in consents if ch in c.channels]
                if not tried:
                    reasons.add("channel_missing")
                for c in tried:
                    reasons |= failures(c)
    elif counting:
        relied.append(max(counting, key=lambda c: (c.expires_on or date.max, c.given_on, c.id)))
    else:
        for c in consents:
            reasons |= failures(c)
    expiries = [c.expires_on for c in relied if c.expires_on is not None]
    ordered = tuple(r for r in REASONS if r in reasons)
    return ConsentStatus(
        person_id=person_id, valid=not ordered, missing_channels=tuple(missing), reasons=ordered,
        consent_ids=tuple(c.id for c in relied), expires_on=min(expiries) if expiries else None,
        guardian_required=need_guardian, all_custodians_required=need_all)
