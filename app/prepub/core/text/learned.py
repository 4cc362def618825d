"""A small learned second opinion for the tone rules: hashed character and word n-grams and one
logistic regression per rule, trained on the labelled posts in ``tests/data/text`` by
``tools/train_text_tone.py`` (which documents how the shipped weights were made).

The model only ever *adds* a warning for a rule the hand-written checks did not report on the
post; it never blocks (whatever the policy's severity for the rule) and never removes or changes
a finding of the rules. Its weights (``resources/models/text_tone.npz``) are read once, on first
use. Featurisation lives here so that training and inference cannot drift apart.

Pure numpy and the standard library; deterministic (CRC-32 hashing, no randomness at run time).
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import tomllib
import zlib
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from prepub.core.model import Severity
from prepub.core.resources import resource
from prepub.core.text.context import Context

MODEL_FILE = ("models", "text_tone.npz")
CUES_FILE = ("models", "text_tone_cues.toml")  # the cue classes (see that file); part of the model
CUE_VALUE = 0.3  # a cue feature's value beside the n-grams' 1/sqrt(n) (chosen on batch 17, stop 29)
# The rules whose weights may read the cue features (tools/train_text_tone.py keeps the others' at 0):
# the classes are evidence of irony (praise beside trouble); given to every rule they moved rumour and
# slur on look-alikes without helping them.
CUE_RULES = ("text.irony",)
BITS = 20  # hashed feature space: 2**20 buckets (only the buckets seen in training are stored)
CHAR_NGRAMS = (3, 4, 5)
ABUSE = frozenset({"text.slur", "text.insult", "text.personal_attack"})

_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_HANDLE = re.compile(r"@\w+")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W_]+|@user", re.UNICODE)


def words(text: str) -> list[str]:
    t = _URL.sub(" url ", text.casefold())
    t = _HANDLE.sub(" @user ", t)
    t = _DIGITS.sub("0", t)
    return _WORD.findall(t)


def _h(s: str) -> int:
    return zlib.crc32(s.encode("utf-8")) & ((1 << BITS) - 1)


def features(text: str, with_cues: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique hashed feature ids of ``text`` and their values: word unigrams and bigrams,
    and character 3-5-grams of the words padded with spaces (together of unit length); and
    (``with_cues``) the cue classes of :func:`cues`, each of value ``CUE_VALUE``."""
    ws = words(text)
    grams: set[str] = set()
    for w in ws:
        grams.add("w:" + w)
    for a, b in zip(ws, ws[1:]):
        grams.add("b:" + a + " " + b)
    for w in ws:
        padded = f" {w} "
        for n in CHAR_NGRAMS:
            for i in range(len(padded) - n + 1):
                grams.add("c:" + padded[i:i + n])
    if not grams:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    ids = np.unique(np.fromiter((_h(g) for g in grams), dtype=np.int64, count=len(grams)))
    vals = np.full(len(ids), 1.0 / np.sqrt(len(ids)), dtype=np.float32)
    if not with_cues:
        return ids, vals
    extra = np.setdiff1d(np.array(sorted({_h(c) for c in cues(text)}), dtype=np.int64), ids)
    if not len(extra):
        return ids, vals
    all_ids = np.concatenate([ids, extra])
    order = np.argsort(all_ids)
    return all_ids[order], np.concatenate([vals, np.full(len(extra), CUE_VALUE, dtype=np.float32)])[order]


_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+|\n+")


def cues(text: str) -> set[str]:
    """The cue classes of ``resources/models/text_tone_cues.toml`` that ``text`` has ("q:praise"),
    each pair of them met in one sentence ("q:praise&trouble") and each class of a sentence with
    each of the next sentence's ("q:praise>trouble": "Genialt. Kommunen lukker svømmehallen …")."""
    patterns = _cue_patterns()
    out: set[str] = set()
    before: list[str] = []
    for sentence in _SENTENCE_BREAK.split(text):
        if not sentence.strip():
            continue
        present = [name for name, rx in patterns if rx.search(sentence)]
        out.update("q:" + name for name in present)
        out.update(f"q:{a}&{b}" for i, a in enumerate(present) for b in present[i + 1:])
        out.update(f"q:{a}>{b}" for a in before for b in present)  # this sentence's and the next's
        before = present
    return out


def cue_names() -> list[str]:
    """Every cue feature :func:`cues` can give: each class and each pair of classes."""
    names = [name for name, _rx in _cue_patterns()]
    return ["q:" + n for n in names] + [f"q:{a}&{b}" for i, a in enumerate(names) for b in names[i + 1:]] \
        + [f"q:{a}>{b}" for a in names for b in names]


def cue_digest() -> str:
    """A digest of the cue file's classes and words (not its comments): the model stores the one
    it was trained with."""
    doc = tomllib.loads(resource(*CUES_FILE).read_text(encoding="utf-8"))
    return hashlib.sha256(json.dumps(doc, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    doc = tomllib.loads(resource(*CUES_FILE).read_text(encoding="utf-8"))
    out = []
    for name, table in doc.items():
        plain = [w for key, items in table.items() if not key.endswith("_re") for w in items]
        parts = [f"(?:{p})" for key, items in table.items() if key.endswith("_re") for p in items]
        if plain:
            alts = sorted({_cue_word(w) for w in plain}, key=len, reverse=True)
            parts.insert(0, r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)")
        out.append((name, re.compile("|".join(parts), re.IGNORECASE)))
    return tuple(out)


def _cue_word(word: str) -> str:
    body = r"\s+".join(re.escape(part) for part in word.strip("*").split())
    return (r"\w*" if word.startswith("*") else "") + body + (r"\w*" if word.endswith("*") else "")


@dataclass(frozen=True)
class ToneModel:
    rules: tuple[str, ...]
    ids: np.ndarray  # sorted hashed feature ids that have a weight
    weights: np.ndarray  # [len(ids), len(rules)]
    bias: np.ndarray  # [len(rules)]
    thresholds: np.ndarray  # [len(rules)] probability at which the model warns
    cue_digest: str = ""  # the cue file it was trained with ("" = trained without cue features)

    @classmethod
    def load(cls, path: Path) -> "ToneModel":
        with np.load(path, allow_pickle=False) as z:
            return cls(rules=tuple(str(r) for r in z["rules"]), ids=z["ids"].astype(np.int64),
                       weights=z["weights"].astype(np.float32), bias=z["bias"].astype(np.float32),
                       thresholds=z["thresholds"].astype(np.float32),
                       cue_digest=str(z["cues"]) if "cues" in z.files else "")

    def probabilities(self, text: str) -> np.ndarray:
        ids, vals = features(text, with_cues=bool(self.cue_digest))
        pos = np.searchsorted(self.ids, ids)
        pos[pos >= len(self.ids)] = 0
        hit = self.ids[pos] == ids if len(self.ids) else np.zeros(len(ids), dtype=bool)
        z = self.bias + vals[hit] @ self.weights[pos[hit]]
        return 1.0 / (1.0 + np.exp(-z))


_LOCK = threading.Lock()
_MODEL: list[ToneModel | None] = []


def model() -> ToneModel | None:
    """The shipped model, loaded once (None when the file is missing)."""
    if not _MODEL:
        with _LOCK:
            if not _MODEL:
                path = resource(*MODEL_FILE)
                _MODEL.append(ToneModel.load(path) if path.is_file() else None)
    return _MODEL[0]


def check_tone_model(ctx: Context, rules: Sequence[str] | None = None) -> None:
    """Warn for each modelled rule whose probability reaches its threshold on a post where the
    rules found nothing for it; the warning points at the sentence the model scores highest."""
    m = model()
    if m is None or not ctx.text.strip():
        return
    probs = m.probabilities(ctx.text)
    found = {f.rule for f in ctx.findings if f.severity is not Severity.INFO}
    for k, rule in enumerate(m.rules):
        if rules is not None and rule not in rules:
            continue
        if probs[k] < m.thresholds[k] or rule in found:
            continue
        if rule in ABUSE and _rules_passed_on_abuse(ctx, found) \
                and not _sure_attack_on_a_role(ctx, rule, probs[k], found):
            continue
        if rule in ABUSE and ctx.discourse.condemns and not ctx.discourse.quotes \
                and not _said_beside_condemnation(ctx, m, k):
            continue  # "Someone sprayed racist graffiti on the mosque. We condemn it": names no words
        if rule == "text.rumour" and _rules_passed_on_rumour(ctx):
            continue
        if rule == "text.threat" and (ctx.discourse.cue_anywhere("threat_care") or ctx.discourse.cue_anywhere("threat_encourage")):
            continue  # "Hvis du er nybegynder, vil vores trænere tage dig med silkehandsker": care, not menace; "Fortsätt
            # läsa med barnen varje kväll så får du se hur ordförrådet växer": encouragement
        if rule == "text.slur" and (_things_sent_back(ctx) or _plight_with_help(ctx)):
            continue  # "Library reminder: time to send them back where they came from 📚", "… living like
            # animals in the mud. Please donate": what the rules read as no hate
        start, end = _best_sentence(ctx, m, k)
        phrase = ctx.text[start:end]
        before = len(ctx.findings)
        ctx.emit(rule, (start, end), severity=Severity.WARN,
                 params={"word": phrase, "phrase": phrase, "marker": phrase, "reason": "",
                         "source": "model", "score": round(float(probs[k]), 3)})
        # never a block, whatever the policy sets for the rule: the model is a second opinion
        ctx.findings[before:] = [replace(f, severity=Severity.WARN) if f.severity is Severity.BLOCK else f
                                 for f in ctx.findings[before:]]


def _said_beside_condemnation(ctx: Context, m: ToneModel, k: int) -> bool:
    """Whether a sentence of a condemning post that condemns nothing itself reaches the model's
    threshold on its own ("Vi fordømmer hærværket. Men lad os være ærlige: de folk hører ikke
    hjemme i Danmark")."""
    rx = ctx.lists.phrase_regex("condemn", ctx.phrase_languages)
    for sent in ctx.sentences:
        seg = ctx.text[sent.start:sent.end]
        if not seg.strip() or (rx is not None and rx.search(seg)):
            continue
        if len(ctx.sentences) > 1 and m.probabilities(seg)[k] >= m.thresholds[k]:
            return True
    return False


def _rules_passed_on_abuse(ctx: Context, found: set[str]) -> bool:
    """Whether the rules saw an abuse word in the post and chose not to report it (negated, about
    a thing, a title: "ingen är en idiot", "en patetisk ursäkt för en tidtabell"). The model reads
    words, not constructions, so it stays silent there: it only speaks where the rules' word list
    is silent."""
    if found & ABUSE:
        return True  # the rules reported the abuse; a second abuse id from the model is noise
    langs = ctx.abuse_languages
    for t in ctx.tokens:
        if t.kind not in ("word", "hashtag"):
            continue
        body = t.text.lstrip("#")
        for part in [body] + (body.split("-") if "-" in body else []):
            if part and ctx.lists.abuse.match(part, langs) is not None:
                return True
    return False


#: How sure the model must be to warn of a personal attack where the rules saw an abuse word and passed on it.
SURE_ATTACK = 0.95


def _sure_attack_on_a_role(ctx: Context, rule: str, prob: float, found: set[str]) -> bool:
    """Whether the model may warn of a personal attack although the rules passed on an abuse word in
    the post: it is very sure, the rules reported no abuse, no abuse word is negated, and the post
    names one person by a role the lexicon knows ("Färjans nya trafikchef … Hopplöst inkompetent,
    varje dag": the rules read "inkompetent" as said of no one). A role the lexicon does not know
    ("Vår kära parkchef …") keeps the model silent, and so does a post about a show, a party or an
    animal (``attack_literal``), where the rules read the word as meant literally."""
    if rule != "text.personal_attack" or prob < SURE_ATTACK or found & ABUSE:
        return False
    langs = ctx.abuse_languages
    words = [t for t in ctx.tokens if t.kind == "word"]
    if any(ctx.lists.abuse.match(t.text, langs) is not None and ctx.discourse.negated(t.start) for t in words):
        return False  # "Ingen här är inkompetent"
    if ctx.discourse.cue_anywhere("attack_literal"):
        return False  # "Foreningens pressechef er en sand klovn – han optræder til børnefesten søndag!": a clown at
        # a children's party is a clown (the retrained model of stop 31 put it at 0.952)
    return any(ctx.lists.person_kind(t.text.casefold(), ctx.phrase_languages) == "person" for t in words)


def _things_sent_back(ctx: Context) -> bool:
    from prepub.core.text.hate import things_sent_back

    return things_sent_back(ctx)


def _plight_with_help(ctx: Context) -> bool:
    from prepub.core.text.hate import plight_with_help

    return plight_with_help(ctx)


def _rules_passed_on_rumour(ctx: Context) -> bool:
    """Whether the rules saw hearsay and chose not to report it because the post corrects a
    rumour, passes on praise, speaks of ourselves, plays or asks the reader ("många säger att
    biblioteket är länets finaste", "det sägs att ingen kan stå emot våra kanelbullar"): the same
    per-match reading :func:`~prepub.core.text.irony.check_rumour` makes, so the model stays
    silent exactly there."""
    from prepub.core.text.irony import rumour_readings

    reported, passed = rumour_readings(ctx)
    return not reported and bool(passed)


def _best_sentence(ctx: Context, m: ToneModel, k: int) -> tuple[int, int]:
    spans = [(s.start, s.end) for s in ctx.sentences if ctx.text[s.start:s.end].strip()]
    if len(spans) <= 1:
        text = ctx.text
        return len(text) - len(text.lstrip()), len(text.rstrip())
    best = max(spans, key=lambda sp: m.probabilities(ctx.text[sp[0]:sp[1]])[k])
    s, e = best
    seg = ctx.text[s:e]
    return s + len(seg) - len(seg.lstrip()), s + len(seg.rstrip())
