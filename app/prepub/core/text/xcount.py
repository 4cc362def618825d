"""X's weighted length: how many of its 280 characters a post takes, counted the way X counts.

This module owns the one implementation of X's counting in Prepub; the text checks, the export's
limit check and the export dialog all call it. It follows twitter-text v3, X's reference
implementation (``config/v3.json`` in the public ``twitter/twitter-text`` repository, described
at docs.x.com "Counting characters"):

- the text is NFC-normalised first, so ``e`` + combining acute counts as the one ``é``;
- every code point weighs 2, except U+0000-U+10FF, U+2000-U+200D, U+2010-U+201F and
  U+2032-U+2037, which weigh 1 (Latin, Greek, Cyrillic, Arabic, Hebrew, most punctuation);
  so CJK, Hangul and most symbols weigh 2;
- an emoji weighs 2 however many code points it has (skin tones, ZWJ sequences, flags,
  keycaps, tag sequences), and ©/® count as emoji as twitter-text's list has them;
- every URL weighs 23 (``transformedURLLength``), with or without ``https://``.

Why not the ``twitter-text-parser`` package (a port of the same library): its last release is
from 2023 and it imports ``pkg_resources``, which current setuptools no longer ships, so it does
not even import in this project's environment. ``tests/core/test_export_xcount.py`` runs this
module on the official conformance cases (``conformance/validate.yml``, the v3 weighted-length
groups), copied into the test.

Deliberate simplifications (documented, tested): a URL without ``http(s)://`` is recognised only
with an ASCII host ending in a country code or one of :data:`GENERIC_TLDS` (twitter-text
uses the full IANA list; :data:`COUNTRY_TLDS` are all there); a URL with a scheme is recognised with any top-level domain of letters.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

LIMIT = 280
URL_LENGTH = 23
#: twitter-text v3: code point ranges that weigh 1; everything else weighs 2.
LIGHT_RANGES = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
EMOJI_WEIGHT = 2

#: Country-code top-level domains (IANA root zone): recognised without ``https://``. Only real
#: ones: Swedish "t.ex." is no link, as "ex" is no domain.
COUNTRY_TLDS = frozenset("""
ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt
bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er
es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr
ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk
lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf
ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc
sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv
tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw""".split())
#: Generic top-level domains recognised without ``https://``.
GENERIC_TLDS = frozenset("""
com org net info biz edu gov mil int app dev io ai museum name pro aero coop jobs mobi tel
travel xxx asia cat post shop store online site tech blog news art design eco ngo ong nordic
stockholm gotland cloud page link live media email health care school academy agency city
club events film green help land life love market network one photo place press radio social
solutions studio support team today tv video website wiki work world zone""".split())

# --- URLs (after twitter-text's extractUrlsWithIndices, simplified) --------------------------------

_PUNCT = r"!-/:-@\[-`{-~"  # ASCII punctuation: never inside a domain label
_SPACE = r"\s\u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_LABEL = rf"[^{_PUNCT}{_SPACE}\u202a-\u202e\u2066-\u2069\ufffe\uffff]+"
_LATIN = r"\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263" \
         r"\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
_PATH_CHAR = rf"[a-z\u0400-\u04ff0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&{_LATIN}]"
_PATH_END = rf"[+\-a-z\u0400-\u04ff0-9=_#/{_LATIN}]"
_PARENS = rf"\((?:{_PATH_CHAR}+|{_PATH_CHAR}*\({_PATH_CHAR}+\){_PATH_CHAR}*)\)"
_PATH = rf"(?:{_PATH_CHAR}*(?:{_PARENS}{_PATH_CHAR}*)*(?:{_PATH_END}|{_PARENS})|@{_PATH_CHAR}+/)"
_QUERY = r"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-z0-9\-_&=#/]"
_URL = re.compile(
    rf"(?<![A-Za-z0-9@\uff20$#\uff03])"
    rf"(?P<url>(?P<scheme>https?://)?"
    rf"(?P<host>(?:{_LABEL}(?:[-_]{_LABEL})*\.)+(?P<tld>{_LABEL}))"
    rf"(?=[^A-Za-z0-9@+\-]|$)"
    rf"(?::[0-9]+)?(?:/{_PATH}*)?(?:\?{_QUERY})?)",
    re.IGNORECASE)
_ASCII_HOST = re.compile(rf"^[-a-z0-9{_LATIN}.]+$", re.IGNORECASE)

# --- emoji (UTS #51 sequences; what twitter-text's emoji list counts as one) -----------------------

_PICTO = ("\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328\u23cf"
          "\u23e9-\u23f3\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe\u2600-\u27bf"
          "\u2934\u2935\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55\u3030\u303d\u3297\u3299"
          "\U0001f000-\U0001faff")
_ELEMENT = (rf"[{_PICTO}][\ufe0e\ufe0f]?[\U0001f3fb-\U0001f3ff]?"
            rf"(?:[\U000e0020-\U000e007e]+\U000e007f)?")
_EMOJI = re.compile(
    rf"[\U0001f1e6-\U0001f1ff]{{2}}"                   # a flag: two regional indicators
    rf"|[0-9#*]\ufe0f?\u20e3"                            # a keycap
    rf"|{_ELEMENT}(?:\u200d{_ELEMENT})*")                # a pictograph, modifiers, ZWJ sequence


class Unit(NamedTuple):
    """One counted piece of the text: where it starts and ends (offsets into the text as given)
    and what it weighs."""

    start: int
    end: int
    weight: int
    kind: str  # "url", "emoji" or "char"


def char_weight(ch: str) -> int:
    """The weight of one code point outside a URL or emoji."""
    cp = ord(ch)
    return 1 if any(lo <= cp <= hi for lo, hi in LIGHT_RANGES) else 2


def units(text: str, *, url_length: int | None = URL_LENGTH) -> list[Unit]:
    """Every counted unit of ``text`` in order. Offsets refer to ``text`` itself, so a caller can
    point at where a limit is passed; the weights are those of the NFC form."""
    url_length = URL_LENGTH if url_length is None else url_length
    out: list[Unit] = []
    taken = 0
    for m in _URL.finditer(text):
        if not _valid_url(m):
            continue
        out += _plain(text, taken, m.start())
        out.append(Unit(m.start(), m.end(), url_length, "url"))
        taken = m.end()
    out += _plain(text, taken, len(text))
    return out


def weighted_length(text: str, *, url_length: int | None = URL_LENGTH) -> int:
    """X's weighted length of ``text`` (what X compares with 280)."""
    return sum(u.weight for u in units(text, url_length=url_length))


def fits(text: str, limit: int = LIMIT, *, url_length: int | None = URL_LENGTH) -> bool:
    return weighted_length(text, url_length=url_length) <= limit


def overflow_at(text: str, limit: int = LIMIT, *, url_length: int | None = URL_LENGTH) -> int | None:
    """The offset of the first unit past ``limit``, or None when the text fits."""
    total = 0
    for u in units(text, url_length=url_length):
        total += u.weight
        if total > limit:
            return u.start
    return None


# --- internals -----------------------------------------------------------------------------------

def _valid_url(m: re.Match[str]) -> bool:
    host, tld = m.group("host"), m.group("tld")
    if m.group("scheme") is None:
        # without a scheme: ASCII hosts with a known top-level domain, not after - _ . /
        before = m.string[m.start() - 1:m.start()]
        if before in ("-", "_", ".", "/") or not _ASCII_HOST.match(host):
            return False
        t = tld.lower()
        if not (t in COUNTRY_TLDS or t in GENERIC_TLDS or t.startswith("xn--")):
            return False
    elif not (tld.isalpha() or tld.lower().startswith("xn--")):
        return False
    try:  # IDNA: every label at most 63 characters once punycoded (twitter-text's isValidUrl)
        encoded = host.encode("idna")
    except UnicodeError:
        return False
    return len(m.group("scheme") or "https://") + len(m.group("url")) + len(encoded) - len(host) <= 4096


def _plain(text: str, start: int, end: int) -> list[Unit]:
    """Units of a stretch without URLs: emoji sequences, then code points by weight."""
    out: list[Unit] = []
    pos = start
    for m in _EMOJI.finditer(text, start, end):
        out += _chars(text, pos, m.start())
        if m.group() in ("\u00a9", "\u00ae") or m.end() - m.start() > 1 or ord(m.group()[0]) > 0x10FF:
            out.append(Unit(m.start(), m.end(), EMOJI_WEIGHT, "emoji"))
        else:
            out += _chars(text, m.start(), m.end())
        pos = m.end()
    out += _chars(text, pos, end)
    return out


def _chars(text: str, start: int, end: int) -> list[Unit]:
    """Code points with their weights, taken in NFC: a base character and the combining marks
    after it are weighed together, as their composed form, and counted at the base's offset."""
    out: list[Unit] = []
    i = start
    while i < end:
        if text[i] == "\r" and text[i + 1:i + 2] == "\n" and i + 1 < end:
            out.append(Unit(i, i + 2, 1, "char"))  # one line break, as X stores it
            i += 2
            continue
        j = i + 1
        while j < end and (unicodedata.combining(text[j]) or 0x1160 <= ord(text[j]) <= 0x11FF):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j]) if j - i > 1 else text[i]
        out.append(Unit(i, j, sum(char_weight(c) for c in piece), "char"))
        i = j
    return out
