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
    ("[rules.\"gps.present\"]\nseverity = \"fatal\"\n", 2, "must be \"block\", \"warn\" or \"info\""),
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
