from __future__ import annotations

import pytest

from prepub.core.policy import PolicyError, default_policy_path, load_policy, parse_policy


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_default_policies_load(lang: str) -> None:
    p = load_policy(default_policy_path(lang))
    assert p.get("policy", "language") == lang
    assert "instagram" in p.channels
    assert p.channel("x")["max_chars"] == 280
    assert p.matching_enabled is False  # biometric matching is off by default
    assert 18 <= p.minor_age_threshold <= 40


BAD = [
    ("[faces]\nminor_age_threshold = \"young\"\n", 2, "must be a number"),
    ("[policy]\nname = \"x\"\n\n[faces]\nmatching = true\nfoo = 1\n", 6, "unknown setting 'foo'"),
    ("[nonsense]\na = 1\n", 1, "unknown section [nonsense]"),
    ("[policy]\nname = \n", 2, "not valid TOML"),
    ("[channels.x]\nmax_chars = 280\nfold = \"a\"\n", 3, "'fold' in [channels.x] must be a whole number"),
    ("[rules.\"gps.present\"]\nseverity = \"fatal\"\n", 2, "must be one of \"block\", \"warn\" or \"info\""),
    ("[faces]\nmatching = 1\n", 2, "must be true or false"),
]


@pytest.mark.parametrize("text,line,needle", BAD)
def test_policy_errors_name_the_line(text: str, line: int, needle: str) -> None:
    with pytest.raises(PolicyError) as e:
        parse_policy(text, "org.toml")
    assert e.value.line == line, str(e.value)
    assert needle in str(e.value)
    assert str(e.value).startswith(f"org.toml:{line}:")


def test_missing_policy_file(tmp_path) -> None:
    with pytest.raises(PolicyError, match="does not exist"):
        load_policy(tmp_path / "nope.toml")


# --- one declaration ------------------------------------------------------------------------------

import ast  # noqa: E402
from pathlib import Path  # noqa: E402

from prepub.core.policy import SECTIONS, PolicySettings, declaration  # noqa: E402

APP = Path(__file__).resolve().parents[2] / "app" / "prepub"
POLICY_SECTIONS = set(SECTIONS) | {"policy"}


def _policy_reads_with_defaults(tree: ast.AST) -> list[str]:
    """``x.get("section", "key", default)`` calls and ``x.section(...)`` reads, where the section
    is a policy section: a default of the caller's own."""
    bad = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        args = node.args
        if node.func.attr == "get" and len(args) >= 3 and all(isinstance(a, ast.Constant) for a in args[:2]) \
                and args[0].value in POLICY_SECTIONS and isinstance(args[1].value, str):
            bad.append(f"line {node.lineno}: get({args[0].value!r}, {args[1].value!r}, <default>)")
        if node.func.attr == "section" and args and isinstance(args[0], ast.Constant) \
                and args[0].value in POLICY_SECTIONS:
            bad.append(f"line {node.lineno}: section({args[0].value!r})")
    return bad


def test_no_module_passes_its_own_policy_default() -> None:
    offenders = {}
    for path in APP.rglob("*.py"):
        found = _policy_reads_with_defaults(ast.parse(path.read_text(encoding="utf-8")))
        if found:
            offenders[str(path.relative_to(APP))] = found
    assert offenders == {}


def test_the_scan_finds_a_literal_default() -> None:
    tree = ast.parse('x = policy.get("consent", "all_custodians_under", 0)\ny = p.section("faces")')
    assert len(_policy_reads_with_defaults(tree)) == 2


def test_child_protection_options_agree_everywhere() -> None:
    """The child-protection options have one value everywhere: declared, and in every shipped file."""
    for lang in ("sv", "en"):
        p = load_policy(default_policy_path(lang))
        assert p.consent.all_custodians_under == PolicySettings().consent.all_custodians_under == 13
        assert p.minor_age_threshold == PolicySettings().faces.minor_age_threshold
        assert p.consent.guardian_consent_age == PolicySettings().consent.guardian_consent_age


def test_a_missing_option_takes_the_declared_default() -> None:
    p = parse_policy("[policy]\nname = \"x\"\n")
    assert p.consent.all_custodians_under == 13
    assert p.minor_age_threshold == 32.0
    assert p.get("trip", "ongoing_days") == 14
    assert declaration()["consent"]["all_custodians_under"][0] == 13


@pytest.mark.parametrize("text,line,needle", [
    ("[faces]\nminor_age_threshold = -1\n", 2, "between 18"),
    ("[faces]\nmatching = \"false\"\n", 2, "must be true or false"),
    ("[consent]\nall_custodians_under = 99\n", 2, "between 0 and 18"),
    ("[export]\njpeg_quality = 7\n", 2, "between 50 and 100"),
    ("[organisation]\ncountry = \"SE\"\nlanguages = [\"sv\", \"xx\"]\n", 3, "one of"),
    ("[images]\nrequire_credit = \"no\"\n", 2, "true or false"),
    ("[trip]\nongoing_days = 3.5\n", 2, "whole number"),
])
def test_ranges_and_strict_types(text: str, line: int, needle: str) -> None:
    with pytest.raises(PolicyError) as e:
        parse_policy(text, "org.toml")
    assert e.value.line == line, str(e.value)
    assert needle in str(e.value)


def test_a_danish_organisation_checks_danish_posts_by_default() -> None:
    assert parse_policy('[organisation]\ncountry = "DK"\n').post_languages == ("da", "en")
    assert parse_policy('[organisation]\ncountry = "SE"\n').post_languages == ("sv", "en")
