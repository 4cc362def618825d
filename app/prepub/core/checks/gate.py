"""The one export gate: which blocking findings remain once a draft's overrides are applied.

The CLI's ``check`` and ``export``, the window's Export button and its "what blocks" panel all
ask :func:`gate`; nothing else decides whether a post may go out. A user may export past a
blocking rule only with a reason, only when the policy lists the rule in ``[export]
overrides_allowed``, and never past a rule that protects people (``can_disable=False``),
whatever the policy says.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from prepub.core.draft import Draft, Override
from prepub.core.model import Finding
from prepub.core.policy import Policy
from prepub.core.rules import all_rules


@dataclass(frozen=True)
class Gate:
    """``blocking`` stops the export; ``overridden`` pairs each overridden finding with the
    override that lets it through; ``refused_overrides`` were given for rules the policy does not
    let anyone override."""

    blocking: tuple[Finding, ...]
    overridden: tuple[tuple[Finding, Override], ...]
    refused_overrides: tuple[Override, ...]

    @property
    def ok(self) -> bool:
        return not self.blocking


def override_allowed(rule: str, policy: Policy) -> bool:
    """May a user export past ``rule`` with a reason? Only when the policy lists it in
    ``[export] overrides_allowed`` and the rule is not one that protects people."""
    if rule not in policy.overrides_allowed:
        return False
    spec = all_rules().get(rule)
    return spec is None or spec.can_disable


def gate(draft: Draft, findings: Sequence[Finding], policy: Policy) -> Gate:
    blocking: list[Finding] = []
    overridden: list[tuple[Finding, Override]] = []
    refused: list[Override] = []
    for f in findings:
        if not f.blocks:
            continue
        o = draft.override_for(f.rule, f.subject)
        if o is not None and o.reason.strip() and override_allowed(f.rule, policy):
            overridden.append((f, o))
            continue
        if o is not None and o not in refused:
            refused.append(o)
        blocking.append(f)
    return Gate(tuple(blocking), tuple(overridden), tuple(refused))
