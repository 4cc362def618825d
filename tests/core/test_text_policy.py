"""Policy words (confidential partners, internal markers, competitors, people, trips), policy
overrides of rules, organisation word lists, spans and fixes, and the message catalogue."""

from __future__ import annotations

import string
from datetime import date

import pytest

from prepub.core.messages import catalogue, help_text, message
from prepub.core.policy import PolicyError, default_policy_path, load_policy, parse_policy
from prepub.core.rules import all_rules
from prepub.core.text import apply_fix, apply_fixes, check_text
from prepub.core.text.checks import RULE_IDS
from prepub.core.text.engine import benchmark_text

BASE = '''
[policy]
name = "Testkommunen"
[organisation]
languages = ["sv", "da", "nb", "en"]
home_name = "Sundsvall"
people = ["Anna Svensson", "Lars Andersson", "Anna Berg"]
competitors = ["Konkurrentbolaget", "Rival A/S"]
[text]
confidential = ["Partnerorg AB", "Projekt Ljus"]
internal_markers = ["internt", "får ej spridas", "fortroligt", "internal only"]
accept = ["SSCO"]
'''
POLICY = parse_policy(BASE)


def _spans(text: str, rule: str, policy=POLICY, **kw) -> list[str]:
    r = check_text(text, policy=policy, channels=kw.pop("channels", []), **kw)
    return [text[f.span[0]:f.span[1]] for f in r.findings if f.rule == rule]


@pytest.mark.parametrize("text,flagged", [
    ("Vi samarbetar med Partnerorg AB i Kenya.", "Partnerorg AB"),
    ("Tack till #PartnerorgAB för en fin dag!", "#PartnerorgAB"),
    ("Tack till #partnerorg_ab!", "#partnerorg_ab"),
    ("Hälsningar till @partnerorg och alla andra.", "@partnerorg"),
    ("Partnerorgs personal var på plats.", "Partnerorgs"),
    ("Vi träffade Partnerorgen i går.", "Partnerorgen"),
    ("Partnerorg AB:s rapport är klar.", "Partnerorg AB:s"),
    ("Partnerorgprojektet går vidare.", "Partnerorgprojektet"),
    ("Mer om #ProjektLjus snart.", "#ProjektLjus"),
    ("Mer om projekt ljus snart.", "projekt ljus"),
])
def test_confidential_partner_names_block(text: str, flagged: str) -> None:
    r = check_text(text, policy=POLICY, channels=[], language="sv")
    hits = [f for f in r.findings if f.rule == "text.confidential"]
    assert [text[f.span[0]:f.span[1]] for f in hits] == [flagged]
    assert hits[0].severity.value == "block" and hits[0].policy_ref.startswith("VIF 5")


@pytest.mark.parametrize("text", ["Vi har många partner i Kenya.", "Projektet ljusnar.", "Ljus i mörkret."])
def test_confidential_false_alarms(text: str) -> None:
    assert _spans(text, "text.confidential", language="sv") == []


def test_internal_markers() -> None:
    text = "INTERNT – får ej spridas: budgeten för 2026."
    assert _spans(text, "text.internal_marker", language="sv") == ["INTERNT", "får ej spridas"]
    assert _spans("Vi jobbar med intern utbildning.", "text.internal_marker", language="sv") == []


def test_competitor_with_a_negative_word_in_the_same_sentence() -> None:
    text = "Konkurrentbolaget har en usel service. Vi gör det bättre."
    assert _spans(text, "text.competitor_negative", language="sv") == ["Konkurrentbolaget har en usel"]
    da = "Rival er helt useriøse. Vælg os."
    assert _spans(da, "text.competitor_negative", language="da") == ["Rival er helt useriøse"]
    fine = "Vi samarbetar med Konkurrentbolaget. Det var en dålig dag för fotboll."
    assert _spans(fine, "text.competitor_negative", language="sv") == []


def test_people_named_by_first_name_only() -> None:
    text = "Lars berättar om projektet. Lars Anderssons team och Lars har bjudit in."
    r = check_text(text, policy=POLICY, channels=[], language="sv")
    [f] = [f for f in r.findings if f.rule == "text.person_first_name"]
    assert text[f.span[0]:f.span[1]] == "Lars" and f.span[0] == 0  # later "Lars" follows the full name
    assert apply_fix(text, f).startswith("Lars Andersson berättar")
    ambiguous = "Anna leder mötet."
    [a] = [f for f in check_text(ambiguous, policy=POLICY, channels=[], language="sv").findings
           if f.rule == "text.person_first_name"]
    assert a.fix is None and "Anna Svensson" in a.params["full"] and "Anna Berg" in a.params["full"]
    one = parse_policy('[organisation]\npeople = ["Anna Svensson"]\n')
    [g] = [f for f in check_text("Annas bok är klar.", policy=one, channels=[], language="sv").findings
           if f.rule == "text.person_first_name"]
    assert apply_fix("Annas bok är klar.", g) == "Anna Svenssons bok är klar."
    assert _spans("Anna Karlsson (inte vår Anna Svensson) talar.", "text.person_first_name", policy=one) == []


TRIPS = [
    ("sv", "Just nu i Bryssel för möten om klimatet.", "Just nu i Bryssel"),
    ("sv", "Vi är på plats i Almedalen hela veckan.", "på plats i Almedalen"),
    ("sv", "Vi är i Nairobi idag och träffar partner.", "Vi är i Nairobi idag"),
    ("sv", "Har precis landat i Kampala!", "Har precis landat i Kampala"),
    ("da", "Vi er netop ankommet til Kampala.", "er netop ankommet til Kampala"),
    ("da", "Lige nu i Bruxelles til topmøde.", "Lige nu i Bruxelles"),
    ("en", "Live from Brussels at the summit!", "Live from Brussels"),
    ("en", "We just landed in Nairobi.", "just landed in Nairobi"),
    ("nb", "Vi har akkurat landet i Bergen.", "har akkurat landet i Bergen"),
]


@pytest.mark.parametrize("lang,text,flagged", TRIPS)
def test_ongoing_trip_blocks_unless_the_trip_has_ended(lang: str, text: str, flagged: str) -> None:
    r = check_text(text, policy=POLICY, channels=[], language=lang)
    hits = [f for f in r.findings if f.rule == "text.trip_ongoing"]
    assert [text[f.span[0]:f.span[1]] for f in hits] == [flagged]
    assert hits[0].severity.value == "block" and r.blocked
    after = check_text(text, policy=POLICY, channels=[], language=lang, trip_ended=True)
    assert not [f for f in after.findings if f.rule == "text.trip_ongoing"]


@pytest.mark.parametrize("text", [
    "Just nu i Sundsvall: fritt inträde på museet.",
    "Just nu i sommar har biblioteket längre öppettider.",
    "Vi är på väg till ett mer hållbart samhälle.",
    "Förra veckan var vi i Bryssel och pratade klimat.",
])
def test_trip_false_alarms(text: str) -> None:
    assert _spans(text, "text.trip_ongoing", language="sv") == []


def test_policy_changes_severity_and_disables_rules() -> None:
    text = "Vi ses t.ex. i parken. Ja, verkligen! Fan också."
    default = {f.rule: f.severity.value for f in check_text(text, policy=POLICY, channels=[], language="sv").findings}
    assert default["text.abbreviation"] == "warn" and "text.irony" in default and default["text.profanity"] == "warn"
    strict = parse_policy(BASE + '''
[rules."text.abbreviation"]
severity = "block"
[rules."text.irony"]
enabled = false
[rules."text.profanity"]
severity = "info"
ref = "Vår egen policy 3.1"
''')
    r = check_text(text, policy=strict, channels=[], language="sv")
    got = {f.rule: f for f in r.findings}
    assert got["text.abbreviation"].severity.value == "block"
    assert "text.irony" not in got
    assert got["text.profanity"].severity.value == "info" and got["text.profanity"].policy_ref == "Vår egen policy 3.1"
    # a word list's own severity ("kuk": block) yields to the policy's setting as well
    [k] = [f for f in check_text("Kukhuvud.", policy=strict, channels=[], language="sv").findings
           if f.rule == "text.profanity"]
    assert k.severity.value == "info"


def test_threats_cannot_be_switched_off() -> None:
    with pytest.raises(PolicyError, match="cannot be switched off"):
        parse_policy('[rules."text.threat"]\nenabled = false\n')
    with pytest.raises(PolicyError, match="cannot be lowered"):
        parse_policy('[rules."text.threat"]\nseverity = "warn"\n')


def test_accept_list_silences_words() -> None:
    assert _spans("SSCO:s styrelse och KUB möts.", "text.acronym_undefined", language="sv") == ["KUB"]


def test_organisation_word_lists(tmp_path) -> None:
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "abuse.tsv").write_text("bajskorv\tinsult\twarn\tsv\tboth\tbajskorvar\n", encoding="utf-8")
    (tmp_path / "lists" / "stiff.toml").write_text('[sv]\n"medborgare" = "invånare"\n', encoding="utf-8")
    path = tmp_path / "policy.toml"
    path.write_text(BASE + '\n[text.lists]\nabuse = "lists/abuse.tsv"\nstiff = "lists/stiff.toml"\n'
                    'allow = "lists/missing.tsv"\n', encoding="utf-8")
    policy = load_policy(path)
    text = "Alla medborgare är välkomna, även kommunbajskorvar."
    r = check_text(text, policy=policy, channels=[], language="sv")
    got = {f.rule: text[f.span[0]:f.span[1]] for f in r.findings}
    assert got["text.insult"] == "kommunbajskorvar"
    assert got["text.stiff_word"] == "medborgare"
    [bad] = [f for f in r.findings if f.rule == "text.wordlist_unreadable"]
    assert bad.params["path"].endswith("missing.tsv") and bad.span == (0, 0)


SAMPLES = [
    "Välkommen till sommarens fest i parken! Vi bjuder bl.a. på musik, t.ex. jazz. Läs mer här: "
    "https://sundsvall.se/fest @kommunen #sommarlovisundsvall 🎉🎉🎉\n✅ Gratis\n✅ För alla",
    "Just nu i Bryssel med Partnerorg AB. Anna säger att 45 procent är nöjda. Det är skitbra!!!",
    "Vi glæder os til at se jer, fx på lørdag. Rival er elendige. Del før det slettes 🙄",
    "We are currently in Nairobi, e.g. with #partnerorgab. You idiot. Thanks for nothing /s",
    "",
    "   \n\n  ",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_every_span_indexes_the_original_text_and_every_fix_applies(text: str) -> None:
    r = check_text(text, policy=POLICY, channels=["x", "instagram", "facebook", "bluesky"],
                   today=date(2025, 5, 20))
    for f in r.findings:
        s, e = f.span
        assert 0 <= s <= e <= len(text), f
        assert f.subject == "text" or f.subject.startswith("text:")
        if f.fix is not None and f.fix.replacement is not None:
            fixed = apply_fix(text, f)
            assert fixed[:s] == text[:s] and fixed[s:s + len(f.fix.replacement)] == f.fix.replacement
    fixed_all = apply_fixes(text, r.findings)
    assert isinstance(fixed_all, str)


def test_apply_fixes_applies_several_and_rechecking_is_cleaner() -> None:
    text = "Vi erbjuder t.ex. simskola samt bad, bl.a. på lördagar."
    r = check_text(text, policy=POLICY, channels=[], language="sv")
    fixed = apply_fixes(text, r.findings)
    assert fixed == "Vi erbjuder till exempel simskola och bad, bland annat på lördagar."
    again = check_text(fixed, policy=POLICY, channels=[], language="sv")
    assert not {f.rule for f in again.findings} & {"text.abbreviation", "text.stiff_word"}


def test_apply_fix_refuses_findings_without_a_fix_or_outside_the_text() -> None:
    r = check_text("Vi vet var du bor.", policy=POLICY, channels=[], language="sv")
    [threat] = [f for f in r.findings if f.rule == "text.threat"]
    with pytest.raises(ValueError):
        apply_fix("Vi vet var du bor.", threat)
    [abbr] = [f for f in check_text("Se t.ex. här.", policy=POLICY, channels=[], language="sv").findings
              if f.rule == "text.abbreviation"]
    with pytest.raises(ValueError):
        apply_fix("Se", abbr)


def test_every_text_rule_is_registered_and_has_messages_in_three_languages() -> None:
    rules = all_rules()
    cat = catalogue()
    for rule in RULE_IDS:
        assert rule in rules and rules[rule].ref
        for key in ("sv", "en", "da", "help_sv", "help_en", "help_da"):
            assert cat.get(rule, {}).get(key), f"{rule} lacks {key}"


def test_messages_render_with_the_findings_params() -> None:
    seen: set[str] = set()
    for text in SAMPLES[:4]:
        r = check_text(text, policy=POLICY, channels=["x", "instagram", "facebook"], today=date(2025, 5, 20),
                       images=[])
        for f in r.findings:
            seen.add(f.rule)
            for lang in ("sv", "en", "da"):
                msg = message(f, lang)
                fields = {name for _lit, name, _spec, _conv in string.Formatter().parse(msg) if name}
                assert not fields, f"{f.rule} [{lang}] leaves {fields} unfilled: {msg}"
                assert help_text(f, lang)
    assert len(seen) >= 15


def test_a_large_post_is_checked() -> None:
    text = benchmark_text(10_000)
    assert len(text) >= 10_000
    policy = load_policy(default_policy_path("sv"))
    r = check_text(text, policy=policy, channels=["x", "instagram", "facebook", "linkedin"], language="sv")
    assert r.words > 1000 and r.channel("x").over and not r.channel("facebook").over
    assert all(0 <= f.span[0] <= f.span[1] <= len(text) for f in r.findings)
