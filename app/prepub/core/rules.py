"""The catalogue of rules: every rule id, its default severity and the policy paragraph it enforces.

Check modules declare their rules with :func:`register` at import time. The organisation's policy
may switch a rule off or change its severity (``[rules."gps.present"] severity = "block"``);
:func:`make_finding` applies that, so check code never hard-codes a severity the policy can change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping

from prepub.core.model import Finding, Fix, Severity

if TYPE_CHECKING:
    from prepub.core.policy import Policy


@dataclass(frozen=True)
class RuleSpec:
    rule: str
    severity: Severity
    ref: str  # the policy paragraph, e.g. "VIF 2 §4: bilder på barn"
    overridable: bool = False  # may a user export past it with a reason, if the policy allows?
    can_disable: bool = True


_RULES: dict[str, RuleSpec] = {}


def register(*specs: RuleSpec) -> None:
    for s in specs:
        _RULES[s.rule] = s


def spec(rule: str) -> RuleSpec:
    return _RULES[rule]


def all_rules() -> dict[str, RuleSpec]:
    _load_all()
    return dict(_RULES)


def _load_all() -> None:
    """Import every module that registers rules, so the catalogue is complete."""
    import importlib

    for mod in ("prepub.core.checks.image", "prepub.core.checks.post", "prepub.core.text.checks",
                "prepub.core.export.bundle"):
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as e:  # a subsystem not built yet
            if e.name != mod:
                raise


def make_finding(
    rule: str,
    policy: "Policy | None" = None,
    *,
    params: Mapping[str, Any] | None = None,
    subject: str | None = None,
    face: int | None = None,
    span: tuple[int, int] | None = None,
    fix: Fix | None = None,
    severity: Severity | None = None,
) -> Finding | None:
    """A finding for ``rule`` at the severity the policy sets, or None when the policy disables it.

    ``severity`` overrides the catalogue default for rules whose severity depends on the case
    (e.g. a portrait blocks where a crowd scene warns); the policy's own setting still wins.
    """
    s = _RULES.get(rule)
    if s is None:
        raise KeyError(f"unregistered rule {rule!r}")
    sev = severity or s.severity
    ref = s.ref
    if policy is not None:
        cfg = policy.rule_config(rule)
        if cfg.get("enabled", True) is False:
            return None
        if "severity" in cfg:
            sev = Severity(cfg["severity"])
        ref = cfg.get("ref", ref)
    return Finding(rule=rule, severity=sev, params=dict(params or {}), subject=subject, face=face,
                   span=span, fix=fix, policy_ref=ref)
