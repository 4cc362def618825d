"""The text checks on the labelled corpus (tests/data/text): precision and recall at block+warn,
silence on clean posts and the warm time per post, held at their measured level so they cannot
regress. ``uv run python -m prepub.bench text`` prints the same figures per rule."""

from __future__ import annotations

import json

import pytest

from prepub.bench_text import CORPUS, Score, load_corpus, load_policies, run, score

MARGIN = 0.03  # the figures may move by this much before a test fails

# measured with `python -m prepub.bench text` when the checks were rebuilt for issue 12
MEASURED = {
    "tune": {"precision": 1.00, "recall": 1.00, "alarms": 0.00, "infos": 0.06},
    "heldout": {"precision": 1.00, "recall": 1.00, "alarms": 0.00, "infos": 0.08},
}


@pytest.fixture(scope="module")
def outcomes():
    posts = load_corpus()
    return run(posts, load_policies(CORPUS.parent, {p.org for p in posts}))


def _split(outcomes, split: str) -> Score:
    return score([o for o in outcomes if o.post.split == split])


def test_the_corpus_is_what_the_issue_asks_for() -> None:
    posts = load_corpus()
    langs = {lang: sum(1 for p in posts if p.lang == lang) for lang in ("sv", "da", "en")}
    assert len(posts) >= 200 and min(langs.values()) >= 50
    clean = sum(1 for p in posts if p.clean)
    assert 0.4 <= clean / len(posts) <= 0.6
    heldout = sum(1 for p in posts if p.split == "heldout")
    assert 0.25 <= heldout / len(posts) <= 0.35
    labelled = {r for p in posts for r in p.expect}
    for rule in ("text.threat", "text.slur", "text.insult", "text.personal_attack", "text.profanity",
                 "text.irony", "text.rumour", "text.internal_marker", "text.confidential", "text.trip_ongoing",
                 "text.person_first_name", "text.credit_missing", "text.abbreviation", "text.acronym_undefined",
                 "text.sentence_long", "text.lix", "text.date_weekday", "text.link_text",
                 "text.competitor_negative", "text.channel_length", "text.hashtags_max", "text.links_max"):
        assert rule in labelled, rule
    ids = [json.loads(line)["id"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("split", ["tune", "heldout"])
def test_precision_recall_and_silence_hold(outcomes, split: str) -> None:
    s = _split(outcomes, split)
    m = MEASURED[split]
    assert s.precision >= m["precision"] - MARGIN, s.fp
    assert s.recall >= m["recall"] - MARGIN, s.fn
    assert s.alarms_per_clean <= m["alarms"] + MARGIN
    assert s.infos_per_clean <= m["infos"] + 0.1, s.info_rules
    # the issue's targets, on the held-out split as well
    assert s.precision >= 0.9 and s.recall >= 0.9 and s.alarms_per_clean <= 0.1 and s.infos_per_clean <= 0.5


def test_quoted_or_reported_abuse_never_blocks(outcomes) -> None:
    s = score(list(outcomes))
    assert s.no_block_posts >= 8 and s.wrong_blocks == 0


def test_languages_are_detected(outcomes) -> None:
    s = score(list(outcomes))
    assert s.languages_right / s.posts >= 0.98


def test_warm_check_is_fast(outcomes) -> None:
    """The issue's target is 10 ms a post warm; measured ~1–2 ms on an idle core. The CI machine
    is shared, so the test allows twice the target."""
    s = score(list(outcomes))
    assert sorted(s.ms)[len(s.ms) // 2] <= 20


# --- the independent held-out set -----------------------------------------------------------------
# tests/data/text/fresh_heldout.jsonl was written by someone who had not seen the checks, their word
# lists or the tuning corpus, only the seed policies and the labelling rules. It is never tuned on:
# its figures are the honest ones. Measured when it was added (precision 0.95, recall 0.71, 0.04
# alarms and 0.05 notes per clean post) and once more after the tone rules were generalised on
# dev_generalise.jsonl (precision 0.95, recall 0.74, 0.04 alarms, 0.05 notes); its twelfth
# measurement, with batch 9 in the rules and the model and the model's threat and slur switched on:
# precision 0.94, recall 0.83, 0.04 alarms, 0.05 notes (0.82 at the thirteenth, with the model's
# threat floor raised to 0.93); the fourteenth, with batch 10 in the rules and the model: precision
# 0.96, recall 0.84, 0.03 alarms, 0.05 notes; the seventeenth, with batches 11 and 12 in the rules
# and the model (stop 26): precision 0.94, recall 0.88, 0.05 alarms, 0.05 notes. Recall still misses
# the issue's 0.9, and this test only keeps it from getting worse.
FRESH = {"precision": 0.94, "recall": 0.88, "alarms": 0.05, "infos": 0.05}


def test_independent_held_out_set_does_not_regress() -> None:
    posts = load_corpus(CORPUS.parent / "fresh_heldout.jsonl")
    s = score(run(posts, load_policies(CORPUS.parent, {p.org for p in posts})))
    assert len(posts) == 150
    assert s.precision >= FRESH["precision"] - MARGIN, s.fp
    assert s.recall >= FRESH["recall"] - MARGIN, s.fn
    assert s.alarms_per_clean <= FRESH["alarms"] + MARGIN
    assert s.infos_per_clean <= FRESH["infos"] + 0.1
    assert s.wrong_blocks == 0  # quoted or reported abuse never blocks


# --- the development set for generalising the tone rules ------------------------------------------
# tests/data/text/dev_generalise.jsonl (see the README beside it): posts written for the weak tone
# rules (personal attacks, threats, slurs and hate, rumours, competitors, insults) and their hard
# negatives, in three batches, each measured before the rules were changed on it. The rules were
# tuned on its tune split; its held-out split was only ever measured as a whole.
DEV = CORPUS.parent / "dev_generalise.jsonl"
DEV_MEASURED = {
    "tune": {"precision": 0.99, "recall": 1.00, "alarms": 0.01, "infos": 0.01},
    "heldout": {"precision": 0.95, "recall": 0.93, "alarms": 0.02, "infos": 0.00},
}


@pytest.fixture(scope="module")
def dev_outcomes():
    posts = load_corpus(DEV)
    return run(posts, load_policies(DEV.parent, {p.org for p in posts}))


def test_the_dev_set_is_what_the_brief_asks_for() -> None:
    posts = load_corpus(DEV)
    assert len(posts) >= 150 and {p.lang for p in posts} == {"sv", "da", "en"}
    assert 0.45 <= sum(p.clean for p in posts) / len(posts) <= 0.55
    labelled = {r for p in posts for r in p.expect}
    for rule in ("text.personal_attack", "text.threat", "text.slur", "text.rumour", "text.competitor_negative",
                 "text.insult"):
        assert sum(rule in p.expect for p in posts) >= 10, rule
        assert rule in labelled
    ids = [p.id for p in posts]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("split", ["tune", "heldout"])
def test_the_dev_set_figures_hold(dev_outcomes, split: str) -> None:
    s = _split(dev_outcomes, split)
    m = DEV_MEASURED[split]
    assert s.precision >= m["precision"] - MARGIN, s.fp
    assert s.recall >= m["recall"] - MARGIN, s.fn
    assert s.alarms_per_clean <= m["alarms"] + MARGIN
    assert s.infos_per_clean <= m["infos"] + 0.1, s.info_rules
    assert s.wrong_blocks == 0  # quoted or reported abuse never blocks


# --- batch 5: dev_round5.jsonl, the blind validation set of the learned model ---------------------
# Never tuned on (the README beside it). Rules + model: precision 0.97, recall 0.80, one alarm on its
# 76 clean posts (with the batch-9 model 0.97 / 0.77, the batch-8 model 0.98 / 0.70).
R5_MEASURED = {"precision": 0.97, "recall": 0.80, "alarms": 0.01}


def test_the_round5_figures_hold() -> None:
    posts = load_corpus(CORPUS.parent / "dev_round5.jsonl")
    s = score(run(posts, load_policies(CORPUS.parent, {p.org for p in posts})))
    assert s.precision >= R5_MEASURED["precision"] - MARGIN, s.fp
    assert s.recall >= R5_MEASURED["recall"] - MARGIN, s.fn
    assert s.alarms_per_clean <= R5_MEASURED["alarms"] + MARGIN
    assert s.wrong_blocks == 0  # quoted or reported abuse never blocks


# --- batch 4: dev_round4.jsonl --------------------------------------------------------------------
# tests/data/text/dev_round4.jsonl (README, "batch 4"): 214 posts written before the rule code was
# read, all in the tune split. Before any change: precision 0.91, recall 0.72, 0.04 alarms per clean
# post. The rules were then generalised on it (reported threats quoted in a post that reports them,
# incitement to violence, warnings beside a condition, hate as illness/ruin/exclusion, sarcasm as
# praise beside trouble, informants who "told me", compounds read by their last part).
R4 = CORPUS.parent / "dev_round4.jsonl"
R4_MEASURED = {"precision": 0.98, "recall": 1.00, "alarms": 0.01, "infos": 0.02}


@pytest.fixture(scope="module")
def r4_outcomes():
    posts = load_corpus(R4)
    return run(posts, load_policies(R4.parent, {p.org for p in posts}))


def test_the_round4_set_is_what_the_brief_asks_for() -> None:
    posts = load_corpus(R4)
    assert len(posts) >= 180 and {p.lang for p in posts} == {"sv", "da", "en"}
    assert 0.4 <= sum(p.clean for p in posts) / len(posts) <= 0.6
    ids = [p.id for p in posts]
    assert len(ids) == len(set(ids))


def test_the_round4_figures_hold(r4_outcomes) -> None:
    s = score(list(r4_outcomes))
    assert s.precision >= R4_MEASURED["precision"] - MARGIN, s.fp
    assert s.recall >= R4_MEASURED["recall"] - MARGIN, s.fn
    assert s.alarms_per_clean <= R4_MEASURED["alarms"] + MARGIN
    assert s.infos_per_clean <= R4_MEASURED["infos"] + 0.1, s.info_rules
    assert s.wrong_blocks == 0  # quoted or reported abuse never blocks
