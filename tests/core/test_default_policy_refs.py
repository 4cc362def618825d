"""The shipped default policies name every rule themselves, in their own language (issue 15).

A finding's policy reference comes from the policy the user runs with, so a Swedish user reads
Swedish and an English user English. The seed policy a rule is based on (VIF, XX, S Stockholm …)
is only a detail in parentheses at the end.
"""

from __future__ import annotations

import re

import pytest

from prepub.core.policy import default_policy_path, load_policy
from prepub.core.rules import all_rules, make_finding

LANGS = ("sv", "en", "da")
SOURCE = {"sv": " (grund: ", "en": " (source: ", "da": " (kilde: "}
# words of the other Scandinavian language, looked for in the name (before the source detail)
FOREIGN = {
    "sv": ("og", "ikke", "Fortrolighed", "af"),
    "en": ("og", "ikke", "Fortrolighed", "och", "inte", "att", "av"),
    "da": ("och", "inte", "att", "inga", "av"),
}


def _with_ref() -> list[str]:
    return sorted(r for r, s in all_rules().items() if s.ref)


def _refs(lang: str) -> dict[str, str]:
    policy = load_policy(default_policy_path(lang))
    out = {}
    for rule in _with_ref():
        f = make_finding(rule, policy)
        if f is not None:  # a rule the policy switches off has no finding to carry a ref
            out[rule] = f.policy_ref or ""
    return out


def _name(ref: str) -> str:
    return ref.split(" (", 1)[0]


def test_the_catalogue_is_complete() -> None:
    assert len(_with_ref()) >= 80  # every rule module was imported


@pytest.mark.parametrize("lang", LANGS)
def test_every_rule_is_named_by_the_default_policy(lang: str) -> None:
    policy = load_policy(default_policy_path(lang))
    assert policy.get("policy", "language") == lang
    missing = [r for r in _with_ref() if not policy.rule_config(r).get("ref")]
    assert missing == []
    builtin = {r: s.ref for r, s in all_rules().items()}
    refs = _refs(lang)
    assert refs and all(ref != builtin[r] for r, ref in refs.items())


@pytest.mark.parametrize("lang", LANGS)
def test_the_name_is_in_the_policys_own_language(lang: str) -> None:
    for rule, ref in _refs(lang).items():
        name = _name(ref)
        for word in FOREIGN[lang]:
            assert not re.search(rf"\b{re.escape(word)}\b", name, re.IGNORECASE), (rule, word, ref)


@pytest.mark.parametrize("lang", LANGS)
def test_the_source_is_a_detail_at_the_end(lang: str) -> None:
    for rule, ref in _refs(lang).items():
        assert ref.endswith(")") and ref.count(SOURCE[lang]) == 1, (rule, ref)
        head, source = ref.split(SOURCE[lang])
        assert head == _name(ref) and source[:-1].strip(), (rule, ref)


@pytest.mark.parametrize("lang", LANGS)
def test_a_section_reads_the_same_everywhere(lang: str) -> None:
    """The section part (\"Bilder\", \"Photos\" …) comes from a small, consistent set."""
    sections = {_name(ref).split(": ", 1)[0] for ref in _refs(lang).values()}
    assert 5 <= len(sections) <= 20, sections
    assert all(": " in _name(ref) for ref in _refs(lang).values())


def test_the_languages_name_the_same_sections() -> None:
    def section(lang: str) -> dict[str, str]:
        return {r: _name(ref).split(": ", 1)[0] for r, ref in _refs(lang).items()}

    sv, en, da = section("sv"), section("en"), section("da")
    # rules in one section in one language are in one section in the others
    for rule in sv:
        same_sv = {r for r in sv if sv[r] == sv[rule]}
        assert same_sv == {r for r in en if en[r] == en[rule]} == {r for r in da if da[r] == da[rule]}, rule


def test_the_policy_ref_is_what_a_finding_carries() -> None:
    sv = load_policy(default_policy_path("sv"))
    f = make_finding("image.photographer_missing", sv)
    assert f is not None
    assert f.policy_ref == "Bilder: känt sammanhang och namngiven fotograf (grund: VIF 2 & 4)"
    en = make_finding("image.photographer_missing", load_policy(default_policy_path("en")))
    assert en is not None and en.policy_ref == (
        "Photos: known context and a named photographer (source: VIF 2 & 4)")
    da = make_finding("image.photographer_missing", load_policy(default_policy_path("da")))
    assert da is not None and da.policy_ref == (
        "Billeder: kendt sammenhæng og navngiven fotograf (kilde: VIF 2 & 4)")
