"""Precision and recall of the text checks on the labelled corpus (a script that prints figures).

    uv run python -m prepub.bench text [--split tune|heldout|all] [--errors] [--corpus FILE]
    uv run python -m prepub.bench_text ...            (the same)

The corpus (``tests/data/text/corpus.jsonl``, described in the README beside it) holds posts in
Swedish, Danish and English, each labelled with the rule ids a communicator should see at block or
warn; a post with none is *clean*. Each post names the organisation it belongs to (``policy_se``
or ``policy_dk`` beside the corpus). For each split this prints precision and recall per rule and
overall at block+warn (a rule counts once per post), block/warn alarms per clean post, info notes
per clean post, blocks on posts that must not block (quoted or reported abuse), and the warm time
per post. ``--errors`` lists every miss and false alarm of the *tune* split only: the held-out
split is for measuring, not for tuning.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Sequence

from prepub.core.model import Severity
from prepub.core.policy import Policy, load_policy
from prepub.core.text import ImageCredit, check_text

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "data" / "text" / "corpus.jsonl"
TODAY = date(2025, 5, 20)  # the corpus's dates (weekdays) are written for this day
SPLITS = ("tune", "heldout", "all")


@dataclass
class Post:
    id: str
    lang: str
    org: str
    channels: list[str]
    text: str
    expect: frozenset[str]
    no_block: bool
    images: list[str]
    info: frozenset[str]
    split: str
    note: str
    batch: str = "1"

    @property
    def clean(self) -> bool:
        return not self.expect


@dataclass
class Outcome:
    post: Post
    alarms: list[tuple[str, str, str]]  # (rule, severity, flagged text) at block or warn
    infos: list[tuple[str, str]]  # (rule, flagged text)
    language: str
    seconds: float

    @property
    def predicted(self) -> frozenset[str]:
        return frozenset(r for r, _s, _t in self.alarms)

    @property
    def blocked(self) -> bool:
        return any(s == "block" for _r, s, _t in self.alarms)


@dataclass
class Score:
    posts: int = 0
    clean: int = 0
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    clean_alarms: int = 0
    clean_infos: int = 0
    info_rules: Counter[str] = field(default_factory=Counter)
    wrong_blocks: int = 0
    no_block_posts: int = 0
    languages_right: int = 0
    ms: list[float] = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def precision(self) -> float:
        return self._ratio(sum(self.tp.values()), sum(self.tp.values()) + sum(self.fp.values()))

    @property
    def recall(self) -> float:
        return self._ratio(sum(self.tp.values()), sum(self.tp.values()) + sum(self.fn.values()))

    @property
    def alarms_per_clean(self) -> float:
        return self.clean_alarms / self.clean if self.clean else 0.0

    @property
    def infos_per_clean(self) -> float:
        return self.clean_infos / self.clean if self.clean else 0.0

    def rule_figures(self, rule: str) -> tuple[float, float, int, int, int]:
        tp, fp, fn = self.tp[rule], self.fp[rule], self.fn[rule]
        return self._ratio(tp, tp + fp), self._ratio(tp, tp + fn), tp, fp, fn


def load_corpus(path: Path = CORPUS) -> list[Post]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        out.append(Post(id=d["id"], lang=d["lang"], org=d["org"], channels=list(d["channels"]), text=d["text"],
                        expect=frozenset(d["expect"]), no_block=bool(d.get("no_block")),
                        images=list(d.get("images", [])), info=frozenset(d.get("info", [])),
                        split=d["split"], note=d.get("note", ""), batch=str(d.get("batch", 1))))
    return out


def load_policies(folder: Path, orgs: set[str]) -> dict[str, Policy]:
    return {org: load_policy(folder / f"policy_{org}.toml") for org in sorted(orgs)}


def run_post(post: Post, policy: Policy) -> Outcome:
    t0 = time.perf_counter()
    report = check_text(post.text, policy=policy, channels=post.channels,
                        images=[ImageCredit(n) for n in post.images], today=TODAY)
    seconds = time.perf_counter() - t0
    alarms, infos = [], []
    for f in report.findings:
        flagged = post.text[f.span[0]:f.span[1]] if f.span else ""
        if f.severity is Severity.INFO:
            infos.append((f.rule, flagged))
        else:
            alarms.append((f.rule, f.severity.value, flagged))
    return Outcome(post, alarms, infos, report.language, seconds)


def run(posts: Sequence[Post], policies: dict[str, Policy]) -> list[Outcome]:
    """Every post checked twice: the first pass warms caches and models, the second is timed."""
    for p in posts:
        run_post(p, policies[p.org])
    return [run_post(p, policies[p.org]) for p in posts]


def score(outcomes: Sequence[Outcome]) -> Score:
    s = Score()
    for o in outcomes:
        p = o.post
        s.posts += 1
        s.ms.append(o.seconds * 1000)
        s.languages_right += o.language == p.lang
        pred = o.predicted
        for r in pred & p.expect:
            s.tp[r] += 1
        for r in pred - p.expect:
            s.fp[r] += 1
        for r in p.expect - pred:
            s.fn[r] += 1
        if p.clean:
            s.clean += 1
            s.clean_alarms += len(o.alarms)
            s.clean_infos += len(o.infos)
            s.info_rules.update(r for r, _t in o.infos)
        if p.no_block:
            s.no_block_posts += 1
            s.wrong_blocks += o.blocked
    return s


def evaluate(split: str = "all", corpus: Path = CORPUS) -> Score:
    """The figures for one split (tests hold them at their measured level)."""
    posts = [p for p in load_corpus(corpus) if split == "all" or p.split == split]
    return score(run(posts, load_policies(corpus.parent, {p.org for p in posts})))


def print_score(name: str, s: Score) -> None:
    print(f"== {name}: {s.posts} posts ({s.clean} clean)")
    rules = sorted(set(s.tp) | set(s.fp) | set(s.fn))
    print(f"  {'rule':26} {'prec':>6} {'recall':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for r in rules:
        prec, rec, tp, fp, fn = s.rule_figures(r)
        print(f"  {r:26} {prec:6.2f} {rec:6.2f} {tp:4d} {fp:4d} {fn:4d}")
    tp, fp, fn = sum(s.tp.values()), sum(s.fp.values()), sum(s.fn.values())
    print(f"  {'overall (block+warn)':26} {s.precision:6.2f} {s.recall:6.2f} {tp:4d} {fp:4d} {fn:4d}")
    print(f"  block/warn alarms per clean post  {s.alarms_per_clean:.2f} ({s.clean_alarms} on {s.clean})")
    top = ", ".join(f"{r} {n}" for r, n in s.info_rules.most_common(6))
    print(f"  info notes per clean post         {s.infos_per_clean:.2f} ({s.clean_infos}: {top or 'none'})")
    print(f"  blocks on quoted/reported abuse   {s.wrong_blocks} of {s.no_block_posts}")
    print(f"  language detected right           {s.languages_right}/{s.posts}")
    if s.ms:
        print(f"  ms per post (warm)                mean {statistics.fmean(s.ms):.2f}, "
              f"median {statistics.median(s.ms):.2f}, max {max(s.ms):.1f}")


def print_errors(outcomes: Sequence[Outcome]) -> None:
    print("\n== errors on the tune split (the held-out split is never listed)")
    for o in outcomes:
        p = o.post
        if p.split != "tune":
            continue
        missed, extra = p.expect - o.predicted, o.predicted - p.expect
        wrong_block = p.no_block and o.blocked
        noisy = [i for i in o.infos if p.clean and i[0] not in p.info]
        if not (missed or extra or wrong_block or noisy):
            continue
        print(f"- {p.id} [{p.lang}, {o.language}] {p.note}: {p.text[:140]!r}")
        for r in sorted(missed):
            print(f"    MISSED {r}")
        for r, sev, t in o.alarms:
            if r in extra or (wrong_block and sev == "block"):
                print(f"    FALSE  {r} ({sev}) on {t[:60]!r}")
        for r, t in noisy:
            print(f"    info   {r} on {t[:60]!r}")


def add_parser(sub: Any) -> None:
    """The ``text`` subcommand of ``python -m prepub.bench``."""
    t = sub.add_parser("text", help="precision and recall of the text checks on the labelled corpus")
    _arguments(t)
    t.set_defaults(func=cmd_text)


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--split", choices=SPLITS, default=None, help="one split (default: tune, held-out and all)")
    p.add_argument("--errors", action="store_true", help="list misses and false alarms (tune split only)")
    p.add_argument("--batch", default=None, help="only the posts of one batch (1, 2, 3; dev, dev2, dev3 in "
                                                  "dev_generalise.jsonl)")
    p.add_argument("--corpus", type=Path, default=CORPUS)


def cmd_text(args: argparse.Namespace) -> int:
    posts = [p for p in load_corpus(args.corpus) if args.batch is None or p.batch == args.batch]
    policies = load_policies(args.corpus.parent, {p.org for p in posts})
    t0 = time.perf_counter()
    outcomes = run(posts, policies)
    print(f"{len(posts)} posts from {args.corpus.name} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(Counter(p.lang for p in posts).items()))}); "
          f"checked twice in {time.perf_counter() - t0:.1f} s, the second pass timed\n")
    for split in ([args.split] if args.split else list(SPLITS)):
        print_score(split, score([o for o in outcomes if split == "all" or o.post.split == split]))
    if args.errors:
        print_errors(outcomes)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m prepub.bench_text", description=__doc__.split("\n")[0])
    _arguments(parser)
    return cmd_text(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
