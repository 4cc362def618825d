"""Tokens, sentences, LIX (hand-computed) and language detection for the text checks."""

from __future__ import annotations

import pytest

from prepub.core.policy import default_policy_path, load_policy, parse_policy
from prepub.core.text import check_text, detect_language
from prepub.core.text.readability import lix_band
from prepub.core.text.tokens import Tokenizer, graphemes, is_emoji, sentences


@pytest.fixture(scope="module")
def sv_policy():
    return load_policy(default_policy_path("sv"))


@pytest.fixture(scope="module")
def nordic_policy():
    return parse_policy('[organisation]\nlanguages = ["sv", "da", "nb", "en"]\n')


def _kinds(text: str) -> list[tuple[str, str]]:
    tk = Tokenizer(["t.ex.", "bl.a.", "kl.", "t. ex."])
    return [(t.kind, t.text) for t in tk.tokens(text)]


def test_tokens_keep_urls_mentions_hashtags_emoji_and_abbreviations_whole() -> None:
    text = "Hej @anna_s! Se https://sundsvall.se/a, t.ex. #SommarISundsvall 🎉 kl. 18.30 SSCO:s 10-åringar 👍🏽 🇸🇪 x@y.se"
    kinds = _kinds(text)
    assert ("mention", "@anna_s") in kinds
    assert ("url", "https://sundsvall.se/a") in kinds  # the comma after the URL is not part of it
    assert ("abbrev", "t.ex.") in kinds and ("abbrev", "kl.") in kinds
    assert ("hashtag", "#SommarISundsvall") in kinds
    assert ("number", "18.30") in kinds
    assert ("word", "SSCO:s") in kinds and ("word", "10-åringar") in kinds
    assert ("emoji", "👍🏽") in kinds and ("emoji", "🇸🇪") in kinds and ("emoji", "🎉") in kinds
    assert ("email", "x@y.se") in kinds
    assert ("word", "sundsvall") not in kinds


def test_bare_domains_are_links_but_abbreviations_are_not() -> None:
    kinds = _kinds("Läs på sundsvall.se eller www.aarhus.dk, t. ex. i dag.")
    assert ("url", "sundsvall.se") in kinds and ("url", "www.aarhus.dk") in kinds
    assert ("abbrev", "t. ex.") in kinds


def test_graphemes_and_emoji() -> None:
    family = "👨\u200d👩\u200d👧"
    assert len(graphemes(family + "🇸🇪" + "e\u0301")) == 3
    assert is_emoji(family) and is_emoji("🇸🇪") and is_emoji("1\ufe0f\u20e3") and is_emoji("❤\ufe0f")
    assert not is_emoji("©") and not is_emoji("→") and not is_emoji("a") and not is_emoji("•")


def test_sentences_end_at_terminators_colons_and_line_breaks_but_not_abbreviations() -> None:
    text = "Obs: fr.o.m. måndag stänger vi kl. 16. Anledningen är bl.a. sjukdom!\nVälkomna\n#tagg 🎉"
    tk = Tokenizer(["fr.o.m.", "kl.", "bl.a."])
    got = [text[s.start:s.end] for s in sentences(text, tk.tokens(text))]
    assert got == ["Obs:", "fr.o.m. måndag stänger vi kl. 16.", "Anledningen är bl.a. sjukdom!", "Välkomna"]


# LIX = O/M + 100·L/O (O words, M sentences, L words with more than six letters), arithmetic below.
LIX_CASES = [
    # O: Välkommen till sommarens stora fest i parken (7) + Vi bjuder på musik t.ex. jazz och folkmusik (8)
    #    + Läs mer på (3) = 18; URL, @mention, #hashtag and emoji are not words.
    # M: "!" "." and the last line = 3.  L: Välkommen, sommarens, folkmusik = 3 (parken, bjuder: 6).
    # LIX = 18/3 + 100·3/18 = 6 + 16.67 = 22.7 -> very easy (< 30)
    ("sv", "Välkommen till sommarens stora fest i parken! Vi bjuder på musik, t.ex. jazz och folkmusik. "
           "Läs mer på https://sundsvall.se/fest @sundsvallskommun #sommarfest 🎉", 18, 3, 3, 22.7, "very_easy"),
    # "Obs:" (1 word; a colon before a space ends a sentence) | fr.o.m. måndag stänger biblioteket kl. 16.
    # (6 words; fr.o.m. and kl. do not end it) | Anledningen är bl.a. personalbrist. (4 words)
    # O = 11, M = 3, L = stänger, biblioteket, Anledningen, personalbrist = 4
    # LIX = 11/3 + 100·4/11 = 3.67 + 36.36 = 40.0 -> medium (40–50)
    ("sv", "Obs: fr.o.m. måndag stänger biblioteket kl. 16. Anledningen är bl.a. personalbrist.",
     11, 3, 4, 40.0, "medium"),
    # Vi glæder os til at se jer! (7) | Kom forbi biblioteket, f.eks. lørdag. (5) | Læs mere: (2) |
    # www.aarhus.dk 😀😀 (no words, no sentence). O = 14, M = 3, L = biblioteket = 1 (glæder, lørdag: 6)
    # LIX = 14/3 + 100·1/14 = 4.67 + 7.14 = 11.8 -> Danish very easy (< 25)
    ("da", "Vi glæder os til at se jer! Kom forbi biblioteket, f.eks. lørdag. Læs mere: www.aarhus.dk 😀😀",
     14, 3, 1, 11.8, "very_easy"),
    # Our new climate report is out today. (7) | line break | Read the summary, i.e. the key findings,
    # here: (8; i.e. is one word and ends nothing) | URL, #hashtag, @mention: no words.
    # O = 15, M = 2, L = climate, summary, findings = 3. LIX = 15/2 + 100·3/15 = 7.5 + 20 = 27.5
    ("en", "Our new climate report is out today.\nRead the summary, i.e. the key findings, here: "
           "https://example.org/report #ClimateWeek @unep", 15, 2, 3, 27.5, "very_easy"),
    # Line breaks end sentences without punctuation: Sommarlov (1) | Gratis bad för alla barn (5) |
    # Välkomna (1). O = 7, M = 3, L = Sommarlov, Välkomna = 2. LIX = 7/3 + 200/7 = 2.33 + 28.57 = 30.9
    ("sv", "Sommarlov\nGratis bad för alla barn\nVälkomna", 7, 3, 2, 30.9, "easy"),
    # Only letters count: 10-åringar has 7 letters (long), e-post 5 (not long).
    # O = 4, M = 1, L = 1. LIX = 4/1 + 100·1/4 = 4 + 25 = 29.0
    ("sv", "Alla 10-åringar får e-post.", 4, 1, 1, 29.0, "very_easy"),
]


@pytest.mark.parametrize("lang,text,words,sents,long_words,lix,band", LIX_CASES)
def test_lix_hand_computed(sv_policy, lang: str, text: str, words: int, sents: int, long_words: int,
                           lix: float, band: str) -> None:
    r = check_text(text, policy=sv_policy, channels=[], language=lang)
    assert (r.words, r.sentences, r.long_words) == (words, sents, long_words)
    assert r.lix == lix
    assert r.lix_band == band
    assert r.lix_indicative  # all under 30 words


def test_lix_is_not_indicative_for_a_long_post_and_reports_the_longest_sentence(sv_policy) -> None:
    text = ("Kommunen bjuder in till ett öppet möte om den nya översiktsplanen. "
            "Där berättar vi om hur staden kan växa de kommande tjugo åren och vad det betyder för dig "
            "som bor här. Mötet hålls i stadshuset. Alla är välkomna, och det finns kaffe.")
    r = check_text(text, policy=sv_policy, channels=[], language="sv")
    assert r.words >= 30 and not r.lix_indicative
    s, e = r.longest_sentence
    assert text[s:e].startswith("Där berättar vi") and text[s:e].endswith("bor här.")
    assert r.longest_sentence_words == 21


@pytest.mark.parametrize("lix,lang,band", [
    (24.9, "da", "very_easy"), (25.0, "da", "easy"), (44.9, "da", "medium"), (55.0, "da", "very_hard"),
    (29.9, "sv", "very_easy"), (30.0, "sv", "easy"), (55.0, "sv", "hard"), (60.0, "sv", "very_hard"),
])
def test_bands(lix: float, lang: str, band: str) -> None:
    assert lix_band(lix, lang) == band


def test_a_text_without_words_has_no_lix(sv_policy) -> None:
    r = check_text("🎉 #fest https://sundsvall.se", policy=sv_policy, channels=[])
    assert r.lix is None and r.words == 0 and r.sentences == 0 and r.language == "unknown"


LANGUAGE_CASES = [
    ("sv", "Nu öppnar vi äntligen det nya biblioteket i centrum. Välkommen in och låna en bok!"),
    ("sv", "Kommunfullmäktige har beslutat att bygga en ny förskola i Ljustadalen."),
    ("da", "Nu åbner vi endelig det nye bibliotek i midtbyen. Kom indenfor og lån en bog!"),
    ("da", "Byrådet har besluttet at bygge en ny børnehave, og den står klar til næste sommer."),
    ("nb", "Nå åpner vi endelig det nye biblioteket i sentrum. Kom inn og lån en bok!"),
    ("nb", "Kommunestyret har vedtatt å bygge en ny barnehage som skal stå ferdig neste sommer."),
    ("en", "We are finally opening the new library in the town centre. Come in and borrow a book!"),
]


@pytest.mark.parametrize("lang,text", LANGUAGE_CASES)
def test_language_detection(nordic_policy, lang: str, text: str) -> None:
    r = check_text(text, policy=nordic_policy, channels=[])
    assert r.language == lang
    assert 0.0 < r.language_confidence <= 1.0
    assert not r.language_overridden


@pytest.mark.parametrize("text", ["Hej då", "Tack!", "Kom og se", "🎉 #fest @kommunen"])
def test_very_short_text_is_unknown(nordic_policy, text: str) -> None:
    r = check_text(text, policy=nordic_policy, channels=[])
    assert r.language == "unknown" and r.language_confidence == 0.0


def test_detection_is_limited_to_the_policys_languages() -> None:
    sv_en = parse_policy('[organisation]\nlanguages = ["sv", "en"]\n')
    got = detect_language("Vi glæder os til at se jer i parken på lørdag".split(), languages=["sv", "en"])
    assert got.language in ("sv", "unknown")
    r = check_text("Vi glæder os til at se jer i parken på lørdag", policy=sv_en, channels=[])
    assert r.language != "da"


def test_user_override(nordic_policy) -> None:
    r = check_text("Hej då", policy=nordic_policy, channels=[], language="da")
    assert r.language == "da" and r.language_overridden and r.language_confidence == 1.0


def test_an_emoji_before_a_capital_ends_a_sentence() -> None:
    """Posts end sentences with an emoji as often as with a full stop ("… next spring 🖼️ They are back
    in two weeks"); an emoji that opens a line, or one before a small letter, ends nothing."""
    text = "Our conservators work on the altarpiece we will show next spring 🖼️ They are back in two weeks.\n" \
           "🎉 Välkommen alla! Vi ses i parken 🌳 och fikar."
    tk = Tokenizer([])
    got = [text[s.start:s.end] for s in sentences(text, tk.tokens(text))]
    assert got == ["Our conservators work on the altarpiece we will show next spring 🖼️", "They are back in two weeks.",
                   "🎉 Välkommen alla!", "Vi ses i parken 🌳 och fikar."]
