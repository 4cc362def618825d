"""Train the learned second opinion for the tone rules (``resources/models/text_tone.npz``).

    uv run python tools/train_text_tone.py            # cross-validate, choose, train, write the file
    uv run python tools/train_text_tone.py --cv-only  # only the cross-validation figures
    uv run python tools/train_text_tone.py --evaluate tests/data/text/dev_round5.jsonl
                                                      # rules alone vs rules + model on one set

How the weights are made (pure numpy, deterministic – the same data give the same file):

* data: ``tests/data/text/corpus.jsonl``, ``dev_generalise.jsonl``, ``dev_round4.jsonl``,
  ``train_r6a.jsonl``, ``train_r6b.jsonl``, ``train_r7a.jsonl``, ``train_r7b.jsonl``, ``train_r8a.jsonl`` and ``train_r8b.jsonl`` only (2,170 posts). ``dev_round5.jsonl`` is the blind validation set and ``fresh_heldout.jsonl`` the
  independent set: neither is read here, except ``--evaluate`` on a set named on the command line.
* features: :func:`prepub.core.text.learned.features` – casefolded words (URLs, @handles and
  digits normalised), word unigrams and bigrams and character 3-5-grams of the padded words,
  CRC-32 hashed into 2**20 buckets, each row of unit length.
* model: one logistic regression per rule (one-vs-rest, shared across sv/da/en), a label being
  "the rule is in ``expect``"; mean log-loss with positives weighted by ``pos_weight`` plus L2
  ``lam/2 * |w|^2``; full-batch Adam, fixed number of steps, weights start at zero.
* choice: each training file in turn is held out and the model trained on the others
  (cross-validation by file, one fold per file: posts within a file share ideas across languages, so a random
  split would leak). The hyper-parameters with the most out-of-fold true positives at the chosen
  thresholds win; per rule the threshold is the lowest probability on a grid at which the pooled
  out-of-fold predictions keep precision >= PRECISION and false alarms on clean posts <=
  CLEAN_ALARMS; a rule that reaches neither gets threshold 2.0 (off).
* the shipped model is then trained on all the files with the chosen values; only buckets with
  a non-zero weight are stored, as float16. Rules in ``OFF`` are stored with threshold 2.0.

Shipped (see resources/models/text_tone.md and batches 5-8 in tests/data/text/README.md): trained
on the nine files above (2,170 posts), lam 1e-5, pos_weight 10, PRECISION 0.95, CLEAN_ALARMS
0.005, thresholds from 0.55 up, threat and slur off; out of fold 396 tp / 18 fp of 853 labels. At
run time (``prepub.core.text.learned.check_tone_model``) a model hit only warns, only for a rule
the rules did not report, and not for abuse where the rules saw an abuse word and chose not to
report it, nor for hearsay the rules passed on (praise, our own news, a correction, play).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "app"))

from prepub import bench_text  # noqa: E402
from prepub.core.text import learned  # noqa: E402

DATA = ROOT / "tests" / "data" / "text"
TRAIN_FILES = ("corpus.jsonl", "dev_generalise.jsonl", "dev_round4.jsonl", "train_r6a.jsonl", "train_r6b.jsonl",
               "train_r7a.jsonl", "train_r7b.jsonl", "train_r8a.jsonl", "train_r8b.jsonl")
OUT = ROOT / "resources" / "models" / "text_tone.npz"
RULES = ("text.threat", "text.slur", "text.personal_attack", "text.insult", "text.rumour", "text.irony")
GRID = [{"lam": lam, "pos_weight": pw} for lam in (1e-5, 1e-4) for pw in (4.0, 10.0)]
# The model speaks only when it is fairly sure (>= 0.55): with the lowest thresholds the larger
# training set allowed (rumour 0.40, attack 0.50), two hard negatives of
# tests/core/test_text_understanding.py ("Many people say the new library is the best…",
# "Det lyder til at blive en dejlig dag…") scored 0.45-0.51 and warned.
THRESHOLDS = np.round(np.arange(0.55, 0.96, 0.05), 2)
PRECISION = 0.95
CLEAN_ALARMS = 0.005  # per rule, per clean post
# Rules trained and cross-validated but shipped switched off (threshold 2.0): the slur model reads
# group words as hate ("Muslimer, judar och kristna firade tillsammans", "Migrants are a vital part
# of our workforce" – hard negatives of tests/core/test_text_understanding.py), which the rules
# get right by construction.
# The threat model too: it finds few threats out of fold (recall 0.14-0.15 at 0.85-0.90) and with
# the r6 sets it warned on a benign look-alike ("Vi vet vilken skola ditt barn går på, så du
# behöver inte anmäla det igen"). With batch 8 both reach out-of-fold precision 0.95-0.96, but
# switched on they warned on 14 hard negatives of tests/core/test_text_understanding.py.
OFF = ("text.slur", "text.threat")
STEPS = 400
LR = 0.05


def load(files: tuple[str, ...] = TRAIN_FILES) -> list[tuple[str, bench_text.Post]]:
    return [(f, p) for f in files for p in bench_text.load_corpus(DATA / f)]


class Matrix:
    """Rows of hashed features as coordinate arrays over compact columns."""

    def __init__(self, texts: list[str]) -> None:
        rows, ids, vals = [], [], []
        for i, t in enumerate(texts):
            fid, fv = learned.features(t)
            rows.append(np.full(len(fid), i, dtype=np.int64))
            ids.append(fid)
            vals.append(fv.astype(np.float64))
        self.n = len(texts)
        self.rows = np.concatenate(rows)
        all_ids = np.concatenate(ids)
        self.buckets, self.cols = np.unique(all_ids, return_inverse=True)
        self.vals = np.concatenate(vals)
        self.m = len(self.buckets)

    def dot(self, w: np.ndarray) -> np.ndarray:  # X @ w, w [m, K] -> [n, K]
        return np.stack([np.bincount(self.rows, weights=self.vals * w[self.cols, k], minlength=self.n)
                         for k in range(w.shape[1])], axis=1)

    def tdot(self, g: np.ndarray) -> np.ndarray:  # X.T @ g, g [n, K] -> [m, K]
        return np.stack([np.bincount(self.cols, weights=self.vals * g[self.rows, k], minlength=self.m)
                         for k in range(g.shape[1])], axis=1)


def fit(x: Matrix, y: np.ndarray, lam: float, pos_weight: float) -> tuple[np.ndarray, np.ndarray]:
    k = y.shape[1]
    w, b = np.zeros((x.m, k)), np.zeros(k)
    sw = np.where(y > 0, pos_weight, 1.0)
    sw = sw / sw.mean(axis=0)
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for t in range(1, STEPS + 1):
        z = x.dot(w) + b
        p = 1.0 / (1.0 + np.exp(-z))
        g = sw * (p - y) / x.n
        gw = x.tdot(g) + lam * w
        gb = g.sum(axis=0)
        mw = b1 * mw + (1 - b1) * gw
        vw = b2 * vw + (1 - b2) * gw * gw
        mb = b1 * mb + (1 - b1) * gb
        vb = b2 * vb + (1 - b2) * gb * gb
        c1, c2 = 1 - b1 ** t, 1 - b2 ** t
        w -= LR * (mw / c1) / (np.sqrt(vw / c2) + eps)
        b -= LR * (mb / c1) / (np.sqrt(vb / c2) + eps)
    return w, b


def labels(posts: list[bench_text.Post]) -> np.ndarray:
    return np.array([[1.0 if r in p.expect else 0.0 for r in RULES] for p in posts])


def predict(buckets: np.ndarray, w: np.ndarray, b: np.ndarray, texts: list[str]) -> np.ndarray:
    model = learned.ToneModel(RULES, buckets, w.astype(np.float32), b.astype(np.float32), np.zeros(len(RULES)))
    return np.stack([model.probabilities(t) for t in texts])


def choose_thresholds(p: np.ndarray, y: np.ndarray, clean: np.ndarray) -> tuple[np.ndarray, list[str]]:
    out, lines = np.full(len(RULES), 2.0), []
    for k, rule in enumerate(RULES):
        for t in THRESHOLDS:
            hit = p[:, k] >= t
            tp, fp = int((hit & (y[:, k] > 0)).sum()), int((hit & (y[:, k] == 0)).sum())
            alarms = (hit & clean).sum() / max(1, clean.sum())
            if tp and tp / (tp + fp) >= PRECISION and alarms <= CLEAN_ALARMS:
                out[k] = t
                break
        lines.append(_rule_line(rule, p[:, k], y[:, k], out[k], clean))
    return out, lines


def _rule_line(rule: str, p: np.ndarray, y: np.ndarray, t: float, clean: np.ndarray) -> str:
    hit = p >= t
    tp, fp, fn = int((hit & (y > 0)).sum()), int((hit & (y == 0)).sum()), int((~hit & (y > 0)).sum())
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    return (f"  {rule:22} t={t:4.2f}  prec {prec:4.2f}  recall {rec:4.2f}  tp {tp:3d} fp {fp:3d} fn {fn:3d}"
            f"  clean alarms {int((hit & clean).sum())}")


def cross_validate() -> tuple[dict[str, float], np.ndarray]:
    data = load()
    posts = [p for _f, p in data]
    files = np.array([f for f, _p in data])
    texts = [p.text for p in posts]
    y = labels(posts)
    clean = np.array([p.clean for p in posts])
    best: tuple[int, dict[str, float], np.ndarray] | None = None
    for cfg in GRID:
        t0 = time.perf_counter()
        oof = np.zeros_like(y)
        for held in TRAIN_FILES:
            tr, te = files != held, files == held
            x = Matrix([t for t, m in zip(texts, tr) if m])
            w, b = fit(x, y[tr], **cfg)
            oof[te] = predict(x.buckets, w, b, [t for t, m in zip(texts, te) if m])
        th, lines = choose_thresholds(oof, y, clean)
        hits = oof >= th
        tp = int((hits & (y > 0)).sum())
        fp = int((hits & (y == 0)).sum())
        print(f"== {cfg}: out-of-fold {tp} tp, {fp} fp of {int(y.sum())} labels "
              f"({time.perf_counter() - t0:.0f} s)")
        print("\n".join(lines))
        for held in TRAIN_FILES:
            m = files == held
            h = hits[m]
            print(f"    held out {held:22} tp {int((h & (y[m] > 0)).sum()):3d} "
                  f"fp {int((h & (y[m] == 0)).sum()):3d} fn {int((~h & (y[m] > 0)).sum()):3d} "
                  f"clean alarms {int((h & clean[m][:, None]).sum())}/{int(clean[m].sum())}")
        if best is None or tp > best[0]:
            best = (tp, cfg, th)
    assert best is not None
    print(f"\nchosen: {best[1]}, thresholds {dict(zip(RULES, best[2].tolist()))}")
    return best[1], best[2]


def train(cfg: dict[str, float], thresholds: np.ndarray) -> None:
    posts = [p for _f, p in load()]
    x = Matrix([p.text for p in posts])
    w, b = fit(x, labels(posts), **cfg)
    thresholds = np.array([2.0 if r in OFF else t for r, t in zip(RULES, thresholds)])
    w16 = w.astype(np.float16)
    keep = np.any(w16 != 0, axis=1)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT, rules=np.array(RULES), ids=x.buckets[keep].astype(np.uint32), weights=w16[keep],
                        bias=b.astype(np.float32), thresholds=thresholds.astype(np.float32),
                        config=np.array([f"{k}={v}" for k, v in cfg.items()] + [f"steps={STEPS}", f"lr={LR}",
                                                                                f"bits={learned.BITS}"]))
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes, {int(keep.sum()):,} buckets)")


def evaluate(path: Path) -> None:
    """Rules alone vs rules + model on one labelled set (figures as the bench prints them)."""
    posts = bench_text.load_corpus(path)
    policies = bench_text.load_policies(path.parent, {p.org for p in posts})
    saved = list(learned._MODEL)
    try:
        learned._MODEL[:] = [None]
        alone = bench_text.score(bench_text.run(posts, policies))
    finally:
        learned._MODEL[:] = saved
    outcomes = bench_text.run(posts, policies)
    bench_text.print_score(f"{path.name}: rules alone", alone)
    bench_text.print_score(f"{path.name}: rules + model", bench_text.score(outcomes))
    print("\nmodel-only warnings (rule, post id, expected?):")
    for o in outcomes:
        model_rules = {r for r, _s, _t in o.alarms} - _rules_alone(o, policies)
        for r in sorted(model_rules):
            print(f"  {r:22} {o.post.id:12} {'TP' if r in o.post.expect else 'FP'}  {o.post.text[:90]!r}")


def _rules_alone(o: bench_text.Outcome, policies: dict) -> set[str]:
    saved = list(learned._MODEL)
    try:
        learned._MODEL[:] = [None]
        return set(bench_text.run_post(o.post, policies[o.post.org]).predicted)
    finally:
        learned._MODEL[:] = saved


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--evaluate", type=Path)
    args = ap.parse_args(argv)
    if args.evaluate:
        evaluate(args.evaluate)
        return 0
    cfg, th = cross_validate()
    if not args.cv_only:
        train(cfg, th)
    return 0


if __name__ == "__main__":
    sys.exit(main())
