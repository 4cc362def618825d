"""The learned second opinion for the tone rules (``prepub.core.text.learned``,
``resources/models/text_tone.npz``, made by ``tools/train_text_tone.py``) and batch 5,
``tests/data/text/dev_round5.jsonl``: a blind validation set written before the model was trained
and never trained or tuned on (README beside it)."""

from __future__ import annotations

from typing import Any
from pathlib import Path

import numpy as np
import pytest

from prepub.bench_text import load_corpus, load_policies, run, score
from prepub.core.model import Severity
from prepub.core.policy import parse_policy
from prepub.core.resources import resource
from prepub.core.text import check_text, learned

R5 = Path(__file__).resolve().parents[1] / "data" / "text" / "dev_round5.jsonl"
MARGIN = 0.03
# measured on dev_round5.jsonl with the shipped model (rules alone: precision 0.98, recall 0.57,
# 0.00 alarms per clean post; the batch-6 model gave 0.98 / 0.68)
R5_MEASURED = {"precision": 0.96, "recall": 0.70, "alarms": 0.00}
R5_RULES_ALONE_RECALL = 0.57


@pytest.fixture(scope="module")
def r5_outcomes():
    posts = load_corpus(R5)
    return run(posts, load_policies(R5.parent, {p.org for p in posts}))


def test_the_round5_set_is_what_the_brief_asks_for() -> None:
    posts = load_corpus(R5)
    assert len(posts) >= 140 and {p.lang for p in posts} == {"sv", "da", "en"}
    assert 0.4 <= sum(p.clean for p in posts) / len(posts) <= 0.6
    ids = [p.id for p in posts]
    assert len(ids) == len(set(ids))


def test_the_round5_figures_hold(r5_outcomes) -> None:
    s = score(list(r5_outcomes))
    assert s.precision >= R5_MEASURED["precision"] - MARGIN, s.fp
    assert s.recall >= R5_MEASURED["recall"] - MARGIN, s.fn
    assert s.recall > R5_RULES_ALONE_RECALL  # the model must keep earning its place
    assert s.alarms_per_clean <= R5_MEASURED["alarms"] + MARGIN
    assert s.wrong_blocks == 0


def test_the_model_ships_small_and_loads_once() -> None:
    path = resource(*learned.MODEL_FILE)
    # 2.14 MB with batch 20, 2.03 with batch 19 (1.93 with 17 and 18 and the cue features, 1.77 with 14 and 16, 1.58 with 13,
    # 1.44 with 12, 1.09 with 10)
    assert path.is_file() and path.stat().st_size < 2_500_000
    m = learned.model()
    assert m is not None and m is learned.model()
    assert set(m.rules) <= {"text.threat", "text.slur", "text.personal_attack", "text.insult", "text.rumour",
                            "text.irony"}
    assert np.all(np.diff(m.ids) > 0)  # sorted, for the look-up


def test_features_are_deterministic_and_normalised() -> None:
    a = learned.features("@kalle Du är en lögnhals! https://x.se/a 2025")
    b = learned.features("@kalle Du är en lögnhals! https://x.se/a 2025")
    assert np.array_equal(a[0], b[0]) and np.allclose(np.linalg.norm(a[1]), 1.0)
    assert learned.features("")[0].size == 0
    assert learned.words("@Kalle ser www.x.se 12") == ["@user", "ser", "url", "0"]


def test_the_model_was_trained_with_the_cue_file_that_ships() -> None:
    # the cue classes are part of the features: a changed cue file needs a retrained model
    m = learned.model()
    assert m is not None and m.cue_digest == learned.cue_digest(), \
        "resources/models/text_tone_cues.toml changed: retrain with tools/train_text_tone.py"


@pytest.mark.parametrize("text, expected", [
    # praise and something gone wrong in one sentence: the combination a linear model cannot add up
    ("Tusind tak til kommunen for at lukke skøjtebanen i den eneste uge med frost.",
     {"q:thanks", "q:trouble", "q:thanks&trouble"}),
    # and each class of a sentence with each of the next sentence's ("q:little>praise")
    ("Nu tar det bara 14 klick att boka en tid. Fantastiskt!",
     {"q:little", "q:duration", "q:little&duration", "q:praise", "q:exclaim", "q:praise&exclaim",
      "q:little>praise", "q:little>exclaim", "q:duration>praise", "q:duration>exclaim"}),
    ("The lift was promised 'within a week' … in February.",
     {"q:quoted", "q:duration", "q:ellipsis", "q:quoted&ellipsis", "q:duration&quoted", "q:duration&ellipsis"}),
    # everyday intensifiers and fillers are no cue ("verkligen glada", "bare rolig", "just a reminder")
    ("Vi är verkligen glada. Bare rolig, just a reminder", {"q:delight"}),
    # an apostrophe inside words is no quotation; a plain sentence has no cue
    ("Don't park there, it's the fire lane", set()),
    ("Biblioteket har öppet klockan nio i morgon", set()),
])
def test_cue_classes_and_their_pairs_per_sentence(text: str, expected: set[str]) -> None:
    assert learned.cues(text) == expected


def test_cue_features_come_on_top_of_the_ngrams() -> None:
    text = "Tusind tak til kommunen for at lukke skøjtebanen."
    plain_ids, plain_vals = learned.features(text)
    ids, vals = learned.features(text, with_cues=True)
    assert set(plain_ids.tolist()) < set(ids.tolist()) and np.all(np.diff(ids) > 0)
    extra = ~np.isin(ids, plain_ids)
    assert extra.sum() == len(learned.cues(text)) and np.allclose(vals[extra], learned.CUE_VALUE)


def _policy(attack_setting: str) -> Any:
    return parse_policy(f'''
[policy]
name = "Test"
version = 1
language = "sv"
[organisation]
country = "SE"
[rules."text.personal_attack"]
{attack_setting}
''')


SE = _policy('severity = "block"')

ATTACK = "Vår ordförande Ove har visat sig vara en riktig lögnhals i den här frågan."  # dev_round5: the rules miss it


def test_a_model_hit_warns_and_never_blocks() -> None:
    m = learned.model()
    assert m is not None
    r = check_text(ATTACK, policy=SE, channels=[], language="sv")
    model_hits = [f for f in r.findings if f.params.get("source") == "model"]
    assert [f.rule for f in model_hits] == ["text.personal_attack"]
    assert all(f.severity is Severity.WARN for f in model_hits) and not r.blocked
    s, e = model_hits[0].span
    assert ATTACK[s:e] == ATTACK.rstrip()


def test_the_model_stays_silent_where_the_rules_passed_on_a_word() -> None:
    for text in ("Ingen är en idiot för att hen frågar.", "Det här är en patetisk ursäkt för en tidtabell."):
        r = check_text(text, policy=SE, channels=[], language="sv")
        assert not [f for f in r.findings if f.params.get("source") == "model"], text


def test_the_model_adds_nothing_where_the_rules_already_report_the_rule() -> None:
    r = check_text("@kalle du är en jävla idiot.", policy=SE, channels=[], language="sv")
    assert not [f for f in r.findings if f.params.get("source") == "model" and f.rule == "text.personal_attack"]


def test_the_model_can_be_switched_off_by_policy() -> None:
    off = _policy("enabled = false")
    r = check_text(ATTACK, policy=off, channels=[], language="sv")
    assert not [f for f in r.findings if f.rule == "text.personal_attack"]


def test_the_model_loads_once_and_answers_every_post() -> None:
    """Loaded once and shared (its speed is a benchmark figure: ``prepub.bench text`` prints ms
    per post; no test depends on the machine's speed)."""
    m = learned.model()
    assert m is not None and learned.model() is m
    for p in load_corpus(R5):
        probs = m.probabilities(p.text)
        assert probs.shape == (len(m.rules),) and np.all((probs >= 0) & (probs <= 1))
