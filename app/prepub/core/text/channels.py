"""Per-channel checks: the length as each network counts it, hashtags (how many, CamelCase for
multi-word tags), links, emoji (density, bullets, runs), what falls after the "more" fold, and link
texts that do not say where they go. Limits come from the policy's ``[channels.<name>]`` tables.

Counting: X weighs characters (most Latin text 1, CJK and emoji 2, every URL ``url_length`` = 23);
Bluesky counts graphemes; every other network counts Unicode code points, with a URL counted as
``url_length`` when the channel sets one (Mastodon does).
"""

from __future__ import annotations

from dataclasses import dataclass

from prepub.core.text import xcount
from prepub.core.model import Fix
from prepub.core.text.context import Context
from prepub.core.text.tokens import Token, graphemes, is_emoji

X_URL_LENGTH = 23
_X_LIGHT = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))  # twitter-text v3: weight 1
MAX_HASHTAG_PIECE = 24


@dataclass(frozen=True)
class ChannelCount:
    """How long the post is on one channel, counted the way that network counts."""

    channel: str
    chars: int
    limit: int | None
    method: str  # "weighted" (X), "graphemes" (Bluesky) or "codepoints"
    hashtags: int
    links: int

    @property
    def over(self) -> bool:
        return self.limit is not None and self.chars > self.limit

    def to_dict(self) -> dict[str, object]:
        return {"channel": self.channel, "chars": self.chars, "limit": self.limit, "method": self.method,
                "hashtags": self.hashtags, "links": self.links}


def count_method(channel: str) -> str:
    c = channel.lower()
    return "weighted" if c in ("x", "twitter") else "graphemes" if c == "bluesky" else "codepoints"


def _x_weight(cluster: str) -> int:
    if len(cluster) == 1 and ord(cluster) <= 4351:
        return 1
    if is_emoji(cluster):
        return 2
    total = 0
    for ch in cluster:
        cp = ord(ch)
        total += 1 if any(lo <= cp <= hi for lo, hi in _X_LIGHT) else 2
    return total


def units(ctx: Context, method: str, url_length: int | None) -> list[tuple[int, int]]:
    """(start offset, weight) of every counted unit of the text, in order: a code point, a
    grapheme or a weighted grapheme, and a URL as one unit of ``url_length`` when that is set."""
    key = ("units", method, url_length)
    if key in ctx.memo:
        return ctx.memo[key]  # type: ignore[no-any-return]
    if method == "weighted":  # X's own counting, the one implementation the export uses too
        return ctx.memo.setdefault(key, [(u.start, u.weight) for u in
                                         xcount.units(ctx.text, url_length=url_length)])  # type: ignore[no-any-return]
    text = ctx.text
    urls = [(t.start, t.end) for t in ctx.of_kind("url")]
    if method == "codepoints":
        clusters: list[tuple[int, int]] = [(i, i + 1) for i in range(len(text))]
    else:
        if "graphemes" not in ctx.memo:
            ctx.memo["graphemes"] = graphemes(text)
        clusters = ctx.memo["graphemes"]
    out: list[tuple[int, int]] = []
    ui = 0
    for s, e in clusters:
        while ui < len(urls) and urls[ui][1] <= s:
            ui += 1
        if ui < len(urls) and urls[ui][0] <= s:
            if not url_length:
                out.append((s, 1))
            elif s == urls[ui][0]:
                out.append((s, url_length))
            continue
        out.append((s, _x_weight(text[s:e]) if method == "weighted" else 1))
    ctx.memo[key] = out
    return out


def _total(ctx: Context, method: str, url_length: int | None) -> int:
    if method == "codepoints":  # no need to walk the text
        urls = ctx.of_kind("url")
        return len(ctx.text) + (sum(url_length - (t.end - t.start) for t in urls) if url_length else 0)
    return sum(w for _s, w in units(ctx, method, url_length))


def count_channel(ctx: Context, channel: str) -> ChannelCount:
    cfg = ctx.policy.channel(channel)
    method = count_method(channel)
    url_length = cfg.get("url_length") or (X_URL_LENGTH if method == "weighted" else None)
    limit = cfg.get("max_chars")
    count = ChannelCount(channel, _total(ctx, method, url_length), limit, method,
                         len(ctx.of_kind("hashtag")), len(ctx.of_kind("url")))
    subject = f"text:{channel}"
    label = str(cfg.get("label") or channel)
    if count.over and limit is not None:
        total = 0
        for start, w in units(ctx, method, url_length):
            total += w
            if total > limit:
                ctx.emit("text.channel_length", (start, len(ctx.text)), subject=subject,
                         params={"channel": channel, "label": label, "chars": count.chars, "max": limit,
                                 "over": count.chars - limit})
                break
    _check_counts(ctx, channel, label, cfg, subject)
    fold = cfg.get("fold")
    if fold and ctx.sentences and ctx.sentences[0].end > fold and fold < len(ctx.text):
        ctx.emit("text.after_fold", (fold, ctx.sentences[0].end), subject=subject,
                 params={"channel": channel, "label": label, "fold": fold,
                         "first_sentence_end": ctx.sentences[0].end})
    return count


def _check_counts(ctx: Context, channel: str, label: str, cfg: dict[str, object], subject: str) -> None:
    tags = ctx.of_kind("hashtag")
    max_tags, suggested = cfg.get("max_hashtags"), cfg.get("suggested_hashtags")
    if isinstance(max_tags, int) and len(tags) > max_tags:
        ctx.emit("text.hashtags_max", (tags[max_tags].start, tags[-1].end), subject=subject,
                 params={"channel": channel, "label": label, "count": len(tags), "max": max_tags})
    elif isinstance(suggested, int) and len(tags) > suggested:
        ctx.emit("text.hashtags_many", (tags[suggested].start, tags[-1].end), subject=subject,
                 params={"channel": channel, "label": label, "count": len(tags), "suggested": suggested})
    links = ctx.of_kind("url")
    max_links = cfg.get("max_links")
    if isinstance(max_links, int) and len(links) > max_links:
        ctx.emit("text.links_max", (links[max_links].start, links[-1].end), subject=subject,
                 params={"channel": channel, "label": label, "count": len(links), "max": max_links})


# --- checks on the text itself, once per post ---------------------------------------------

def split_hashtag(body: str, words: frozenset[str], singles: frozenset[str]) -> list[str] | None:
    """The split of a lowercase hashtag into the fewest known words, or None."""
    n = len(body)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(1, n + 1):
        for j in range(max(0, i - MAX_HASHTAG_PIECE), i):
            prev = best[j]
            piece = body[j:i]
            if prev is None or not ((len(piece) >= 2 and piece in words) or piece in singles):
                continue
            if best[i] is None or len(prev) + 1 < len(best[i]):  # type: ignore[arg-type]
                best[i] = [*prev, piece]
    return best[n]


def check_hashtag_case(ctx: Context) -> None:
    lists = ctx.lists
    function = frozenset().union(*lists.function_words.values()) if lists.function_words else frozenset()
    words = frozenset().union(*lists.lexicon.values()) | function | frozenset(lists.places)
    singles = frozenset(w for w in function if len(w) == 1)
    english = lists.lexicon.get("en", frozenset()) | lists.function_words.get("en", frozenset())
    for t in ctx.of_kind("hashtag"):
        body = t.text[1:]
        if not body.isalpha() or not body.islower() or len(body) < 6:
            continue
        pieces = split_hashtag(body, words, singles)
        if not pieces or len(pieces) < 2:
            continue
        multi = any(p in function or p in lists.places for p in pieces) or all(p in english for p in pieces)
        if not multi:
            continue  # a Swedish or Danish compound is one word: #kulturnatten stays as it is
        camel = "#" + "".join(lists.places.get(p, p[:1].upper() + p[1:]) for p in pieces)
        ctx.emit("text.hashtag_camelcase", (t.start, t.end), params={"hashtag": t.text, "suggestion": camel},
                 fix=Fix(replacement=camel))


def check_emoji(ctx: Context) -> None:
    emoji = ctx.of_kind("emoji")
    if not emoji:
        return
    words = sum(1 for t in ctx.tokens if t.wordish)
    ratio_max = float(ctx.policy.text.emoji_max_ratio)
    if len(emoji) >= 3 and len(emoji) / max(words, 1) > ratio_max:
        ctx.emit("text.emoji_density", (emoji[0].start, emoji[-1].end),
                 params={"emoji": len(emoji), "words": words, "max_ratio": ratio_max})
    bullets = [e for e in emoji if _is_bullet(ctx.text, e.start, e.end)]
    if len(bullets) >= 2:
        for b in bullets:
            ctx.emit("text.emoji_bullet", (b.start, b.end), params={"emoji": b.text, "count": len(bullets)},
                     fix=Fix(replacement="–"))
    run: list[Token] = []
    for e in [*emoji, None]:
        if e is not None and run and ctx.text[run[-1].end:e.start].strip() == "":
            run.append(e)
            continue
        if len(run) >= 3:
            ctx.emit("text.emoji_run", (run[0].start, run[-1].end),
                     params={"count": len(run), "emoji": ctx.text[run[0].start:run[-1].end]},
                     fix=Fix(replacement=run[0].text))
        run = [e] if e is not None else []


def _is_bullet(text: str, start: int, end: int) -> bool:
    """An emoji that starts a line and is followed by words on that line."""
    line_end = text.find("\n", end)
    rest = text[end:len(text) if line_end < 0 else line_end]
    return text[text.rfind("\n", 0, start) + 1:start].strip() == "" and any(ch.isalpha() for ch in rest)


def check_link_text(ctx: Context) -> None:
    rx = ctx.lists.phrase_regex("link_text", ctx.phrase_languages)
    if rx is None:
        return
    for m in rx.finditer(ctx.text):
        if not ctx.inside(m.start(), m.end()):
            ctx.emit("text.link_text", (m.start(), m.end()), params={"phrase": m.group()})

