"""The word lists the text checks use, loaded from ``resources/wordlists`` plus the organisation's own.

This module owns reading the lists (TSV and TOML, described in ``resources/wordlists/SOURCES.md``),
merging in the lists a policy names under ``[text.lists]`` (paths relative to the policy file),
and matching abusive words on inflected forms and compounds with an allow-list against false
alarms. Loaded lists are cached per set of files and modification times. A list that cannot be
read is recorded in :attr:`WordLists.problems` (the checks turn that into a finding), never raised.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from prepub.core.inputfiles import read_regular
from prepub.core.resources import resource
from prepub.core.text.tokens import Tokenizer

MAX_LIST_BYTES = 16 * 1024 * 1024  # a word list larger than this is not a word list

if TYPE_CHECKING:
    from prepub.core.policy import Policy

SEVERITY_RANK = {"info": 0, "warn": 1, "block": 2}
MATCH_KINDS = ("word", "inflect", "start", "head", "both", "any")
CATEGORIES = ("profanity", "slur", "insult", "derogatory")
MIN_COMPOUND_PART = 3  # letters the other part of a compound must have
MIN_COMPOUND_FORM = 5  # letters an inflected form needs to count inside a compound
MAX_COMPOUND_WORD = 64  # longer "words" (a run of letters) are not split into compound parts
# Inflectional endings of Swedish, Danish, Norwegian and English nouns and adjectives. An entry that
# compounds (match start or both) also matches its stem plus one of these, so a list holds lemmas:
# "kärring" finds "kärringar", "perker" finds "perkerne". Whole-word entries ("fan") never do.
INFLECTION_ENDINGS = ("arnas", "ernas", "arna", "erna", "orna", "ornas", "erne", "ene", "ens", "ets", "ars",
                      "ers", "na", "ar", "er", "or", "en", "et", "ne", "es", "ed", "s", "n", "t", "e")
# An "inflect" entry is a whole word in any of its inflected forms but never part of a compound:
# the noun and adjective endings above plus the adjective and adverb ones ("värdelösa", "tåbelige",
# "cowardly"), on the term itself or, for a term ending in a vowel, on its stem ("lögnare" ->
# "lögnarna", "tåbe" -> "tåberne").
INFLECT_ENDINGS = INFLECTION_ENDINGS + ("a", "at", "ade", "ast", "aste", "este", "ere", "est", "ly", "ies",
                                        "eren", "erens", "erne", "ernes", "ene", "ane")
MIN_STEM = 3
#: Person nouns that never end a compound naming a person ("kundservice", "självservice").
_NOT_HEADS = frozenset({"vice"})
_SINGULAR_ENDINGS = frozenset({"en", "et", "n", "t", "ens", "ets"})  # definite singular: "kommunalrådet"
ORG_LISTS = ("abuse", "allow", "abbreviations", "stiff", "acronyms")


@dataclass(frozen=True)
class AbuseEntry:
    term: str
    category: str
    severity: str
    langs: frozenset[str]
    match: str
    forms: frozenset[str]
    pos: str = "n"  # "n" a noun for a person, "adj" an adjective, "lit" a noun with an everyday sense too

    def applies(self, langs: frozenset[str] | None) -> bool:
        return langs is None or "*" in self.langs or bool(self.langs & langs)


class AbuseMatcher:
    """Finds the most severe abuse entry a word matches, on whole forms and compound parts."""

    def __init__(self, entries: Iterable[AbuseEntry], allow_exact: Iterable[str],
                 allow_prefix: Iterable[str]) -> None:
        self.entries = tuple(entries)
        self.allow_exact = frozenset(allow_exact)
        self.allow_prefix = tuple(sorted(set(allow_prefix)))
        self._exact: dict[str, list[AbuseEntry]] = {}
        self._start: dict[str, list[AbuseEntry]] = {}
        self._head: dict[str, list[AbuseEntry]] = {}
        self._any: list[tuple[str, AbuseEntry]] = []
        self._inflect: dict[str, list[AbuseEntry]] = {}
        self._memo: dict[tuple[str, frozenset[str] | None], AbuseEntry | None] = {}
        for e in self.entries:
            for form in e.forms | {e.term}:
                self._exact.setdefault(form, []).append(e)
                # a short irregular form is a whole word only ("sket", not in "rullstolsbasket")
                part = form == e.term or len(form) >= MIN_COMPOUND_FORM
                if e.match in ("start", "both") and part:
                    self._start.setdefault(form, []).append(e)
                if e.match in ("head", "both") and part:
                    self._head.setdefault(form, []).append(e)
                if e.match == "any":
                    self._any.append((form, e))
                if e.match == "inflect":
                    self._inflect.setdefault(form, []).append(e)
                    if form[-1:] in "ae" and len(form) > MIN_STEM + 1:
                        self._inflect.setdefault(form[:-1], []).append(e)

    def allowed(self, word: str) -> bool:
        return word in self.allow_exact or any(word.startswith(p) for p in self.allow_prefix)

    def match(self, word: str, langs: frozenset[str] | None) -> AbuseEntry | None:
        """The most severe entry ``word`` (any case) matches for ``langs`` (None: every language)."""
        key = (word, langs)
        if key not in self._memo:
            if len(self._memo) > 50_000:
                self._memo.clear()
            self._memo[key] = self._match(word, langs)
        return self._memo[key]

    def foreign_slur(self, word: str, *, called: bool = False) -> AbuseEntry | None:
        """A slur of any language that ``word`` is, for a post in another ("two of our staff were
        called 'perkere'"): only distinctive ones (a word and a term of six letters or more, not matched by inflection,
        where a short stem may be an everyday word elsewhere: Danish "mongol" is English "Mongol").
        ``called``: the word is quoted as what someone was called ("kallades ”paki”"), which no
        everyday word of four letters or more is, so four letters are enough."""
        least = 4 if called else 6
        if len(word) < least:
            return None  # Danish "fag" (a trade) is no English "fag"
        e = self.match(word, None)
        return e if e is not None and e.category == "slur" and len(e.term) >= least and e.match != "inflect" else None

    def unmask(self, word: str, langs: frozenset[str] | None) -> AbuseEntry | None:
        """The slur or profanity a word with letters starred out stands for ("f*ggot", "sk**t"): the
        whole forms of the list with one to three letters where the stars are, same first letter."""
        pieces = re.split(r"([*#@•]+)", word.casefold())  # letters, stars, letters, …
        letters, stars = pieces[0::2], pieces[1::2]
        if not stars or not letters[0] or sum(len(x) for x in letters) < 1:
            return None
        # one star may hide one to three letters ("f*ck", "f*cking"), more stars about as many as they are
        gaps = ["[^\\W\\d_]{1,3}" if len(g) == 1 else f"[^\\W\\d_]{{{len(g) - 1},{len(g) + 1}}}" for g in stars]
        rx = re.compile("".join(re.escape(x) + (gaps[i] if i < len(gaps) else "") for i, x in enumerate(letters)) + "$")
        found = [e for form, entries in self._exact.items() if rx.match(form)
                 for e in entries if e.category in ("slur", "profanity") and e.applies(langs)]
        return max(found, key=lambda e: (SEVERITY_RANK.get(e.severity, 1), len(e.term)), default=None)

    def _match(self, word: str, langs: frozenset[str] | None) -> AbuseEntry | None:
        w = word.casefold().replace("’", "'")
        if not w or self.allowed(w):
            return None
        found: list[AbuseEntry] = list(self._exact.get(w, ()))
        n = len(w) if len(w) <= MAX_COMPOUND_WORD else 0  # no word is this long: skip compound parts
        for ending in INFLECTION_ENDINGS:
            if n - len(ending) >= MIN_STEM and w.endswith(ending):
                found.extend(self._start.get(w[:-len(ending)], ()))
        if self._inflect:
            for ending in INFLECT_ENDINGS:
                if len(w) - len(ending) >= MIN_STEM and w.endswith(ending):
                    found.extend(self._inflect.get(w[:-len(ending)], ()))
        for cut in range(2, n - MIN_COMPOUND_PART + 1):
            found.extend(self._start.get(w[:cut], ()))
        for cut in range(MIN_COMPOUND_PART, n - 1):
            found.extend(self._head.get(w[cut:], ()))
        found.extend(e for form, e in self._any if form in w)
        found = [e for e in found if e.applies(langs)]
        if not found:
            return None
        best = max(found, key=lambda e: (SEVERITY_RANK.get(e.severity, 1), len(e.term)))
        slurs = [e for e in found if e.category == "slur"]
        if slurs and best.category != "slur":
            # a word with a slur in it is a slur ("luderkællinger"), as severe as its worst part
            slur = max(slurs, key=lambda e: (SEVERITY_RANK.get(e.severity, 1), len(e.term)))
            return replace(slur, severity=best.severity)
        return best


@dataclass(frozen=True)
class WordLists:
    abuse: AbuseMatcher
    abbreviations: dict[str, dict[str, str]]  # language -> abbreviation (lower case) -> written out
    final_abbreviations: frozenset[str]
    no_break: frozenset[str]
    stiff: dict[str, dict[str, str]]
    acronym_allow: frozenset[str]
    acronym_expand: dict[str, str]
    phrases: dict[str, dict[str, tuple[str, ...]]]  # section -> language (or language_re) -> items
    lexicon: dict[str, frozenset[str]]
    function_words: dict[str, frozenset[str]]
    person_verbs: dict[str, frozenset[str]]  # verbs that, after a first name, show it names a person
    person_nouns: dict[str, frozenset[str]]  # roles and titles ("kommunalråd", "mayor"): a person
    group_nouns: dict[str, frozenset[str]]  # groups of people ("tjänstemännen", "politicians", "byrådet")
    places: dict[str, str]  # lower case -> as written
    home_places: dict[str, frozenset[str]]  # country code (SE, DK) -> its places, lower case
    common_words: dict[str, frozenset[str]]  # language -> frequent words of 4-6 letters (common.toml)
    problems: tuple[tuple[str, str], ...] = ()
    _regex_cache: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    def is_person_noun(self, word: str, langs: Iterable[str]) -> bool:
        """Whether ``word`` is a role or title, in any inflected form ("kommunalrådet", "mayors")."""
        w = word.casefold()
        nouns = [self.person_nouns.get(lang, frozenset()) for lang in langs]
        if any(w in n for n in nouns):
            return True
        return any(w.endswith(e) and w[:-len(e)] in n for e in INFLECTION_ENDINGS for n in nouns
                   if len(w) - len(e) >= MIN_STEM)

    def person_kind(self, word: str, langs: Iterable[str]) -> str | None:
        """``"person"`` for one person named by role ("kommunalrådet", "the mayor"), ``"group"`` for
        several ("politikerna", "officials", "byrådet"), None for anything else. A compound is read
        by its last part ("byrådspolitikerne" is a group, "oppositionsrådet" a person)."""
        w = word.casefold()
        langs = tuple(langs)
        key = ("person_kind", w, langs)
        if key not in self._regex_cache:
            kind = self._person_kind(w, langs)
            if kind is None and len(w) >= 2 * MIN_STEM + 3 and "en" not in langs[:1]:
                for i in range(MIN_STEM, len(w) - MIN_STEM):  # "beredskabs|chef": a last part of four letters or more
                    if w[i:] in _NOT_HEADS:
                        continue  # "kundser|vice" is a service, not a deputy
                    kind = self._person_kind(w[i:], langs)
                    if kind is not None:
                        break
            self._regex_cache[key] = kind
        return self._regex_cache[key]  # type: ignore[no-any-return]

    def _person_kind(self, w: str, langs: tuple[str, ...]) -> str | None:
        if any(w in self.group_nouns.get(lang, frozenset()) for lang in langs):
            return "group"
        nouns = [self.person_nouns.get(lang, frozenset()) for lang in langs]
        if any(w in n for n in nouns):
            return "person"
        for e in INFLECTION_ENDINGS:
            if len(w) - len(e) >= MIN_STEM and w.endswith(e) and any(w[:-len(e)] in n for n in nouns):
                return "person" if e in _SINGULAR_ENDINGS else "group"
        return None

    def all_abbreviations(self) -> set[str]:
        return {a for table in self.abbreviations.values() for a in table} | set(self.no_break)

    def cached(self, key: Any, factory: Callable[[], Any]) -> Any:
        """A value built once per word lists (compiled patterns and the like)."""
        if key not in self._regex_cache:
            self._regex_cache[key] = factory()
        return self._regex_cache[key]

    def tokenizer(self) -> Tokenizer:
        """A tokenizer that keeps every listed abbreviation as one token (built once)."""
        tk = self._regex_cache.get("tokenizer")
        if not isinstance(tk, Tokenizer):
            tk = Tokenizer(self.all_abbreviations())
            self._regex_cache["tokenizer"] = tk  # type: ignore[assignment]
        return tk

    def phrase_items(self, section: str, langs: Iterable[str], *, regex: bool = False) -> list[str]:
        table = self.phrases.get(section, {})
        suffix = "_re" if regex else ""
        out: list[str] = []
        for lang in [*langs, "*"]:
            out.extend(table.get(lang + suffix, ()))
        return out

    def phrase_regex(self, section: str, langs: Iterable[str]) -> re.Pattern[str] | None:
        """One case-insensitive pattern for a phrase section's plain phrases and its ``_re``
        patterns in ``langs`` (and ``*``); None when there are none."""
        langs = tuple(langs)
        key = (section, langs)
        if key not in self._regex_cache:
            parts = [f"(?:{p})" for p in self.phrase_items(section, langs, regex=True)]
            parts.sort(key=len, reverse=True)
            plain = self.phrase_items(section, langs)
            if plain:
                parts.insert(0, phrases_pattern(plain))
            self._regex_cache[key] = re.compile("|".join(parts), re.IGNORECASE) if parts else None
        return self._regex_cache[key]


def phrases_pattern(phrases: Iterable[str]) -> str:
    """One pattern for many plain phrases, longest first. The whole-word guards stand once around
    the phrases that begin and end with a letter or digit, not in every branch: Python's regex
    engine then rejects most positions at once (ten times faster on a long post)."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    bounded = [p for p in ordered if p[:1].isalnum() and p[-1:].isalnum()]
    other = [phrase_pattern(p) for p in ordered if p not in bounded]
    parts = []
    if bounded:
        body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in bounded)
        parts.append(rf"(?<!\w)(?:{body})(?!\w)")
    return "|".join(parts + other)


def phrase_pattern(phrase: str) -> str:
    """A whole-word, any-whitespace pattern for a plain phrase."""
    body = r"\s+".join(re.escape(w) for w in phrase.split())
    left = r"(?<!\w)" if phrase[:1].isalnum() or phrase[:1] in "#/" else ""
    right = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return f"{left}{body}{right}"


# --- loading -------------------------------------------------------------------------------

def load_wordlists(policy: "Policy | None") -> WordLists:
    """The built-in lists merged with the organisation's ``[text.lists]`` files (cached)."""
    extra: dict[str, Any] = dict(policy.text.lists or {}) if policy is not None else {}
    base = Path(policy.path).parent if policy is not None and not policy.path.startswith("<") else Path.cwd()
    key: list[tuple[str, str, float]] = []
    for name, value in sorted(extra.items()):
        p = Path(os.path.expanduser(str(value)))
        p = p if p.is_absolute() else base / p
        try:
            mtime = p.stat().st_mtime
        except OSError:
            mtime = -1.0
        key.append((str(name), str(p), mtime))
    return _load(tuple(key))


@lru_cache(maxsize=8)
def _load(extra: tuple[tuple[str, str, float], ...]) -> WordLists:
    problems: list[tuple[str, str]] = []
    folder = resource("wordlists")
    entries = _read_abuse(folder / "abuse.tsv", problems)
    allow_exact, allow_prefix = _read_allow(folder / "allow.tsv", problems)
    abbrev_doc = _read_toml(folder / "abbreviations.toml", problems)
    stiff_doc = _read_toml(folder / "stiff.toml", problems)
    acr_doc = _read_toml(folder / "acronyms.toml", problems)
    for name, path, _mtime in extra:
        p = Path(path)
        if name not in ORG_LISTS:
            problems.append((path, f"unknown list '{name}'; known: {', '.join(ORG_LISTS)}"))
        elif not p.is_file():
            problems.append((path, "the file does not exist"))
        elif name == "abuse":
            entries += _read_abuse(p, problems)
        elif name == "allow":
            e, pre = _read_allow(p, problems)
            allow_exact |= e
            allow_prefix |= pre
        else:
            doc = _read_toml(p, problems)
            target = {"abbreviations": abbrev_doc, "stiff": stiff_doc, "acronyms": acr_doc}[name]
            for k, v in doc.items():
                if isinstance(v, dict) and isinstance(target.get(k), dict):
                    target[k].update(v)
                elif isinstance(v, list) and isinstance(target.get(k), list):
                    target[k] = [*target[k], *v]
                else:
                    target[k] = v
    phrases_doc = _read_toml(folder / "phrases.toml", problems)
    lex_doc = _read_toml(folder / "lexicon.toml", problems)
    common_doc = _read_toml(folder / "common.toml", problems)
    meta = abbrev_doc.pop("meta", {}) if isinstance(abbrev_doc.get("meta"), dict) else {}
    return WordLists(
        abuse=AbuseMatcher(entries, allow_exact, allow_prefix),
        abbreviations={lang: {str(k).lower(): str(v) for k, v in table.items()}
                       for lang, table in abbrev_doc.items() if isinstance(table, dict)},
        final_abbreviations=frozenset(str(a).lower() for a in meta.get("final", [])),
        no_break=frozenset(str(a).lower() for a in meta.get("no_break", [])),
        stiff={lang: {str(k).lower(): str(v) for k, v in table.items()}
               for lang, table in stiff_doc.items() if isinstance(table, dict)},
        acronym_allow=frozenset(str(a).upper() for a in acr_doc.get("allow", [])),
        acronym_expand={str(k).upper(): str(v) for k, v in dict(acr_doc.get("expand", {})).items()},
        phrases={sec: {str(k): tuple(str(x) for x in v) for k, v in table.items() if isinstance(v, list)}
                 for sec, table in phrases_doc.items() if isinstance(table, dict)},
        lexicon={lang: frozenset(str(t.get("words", "")).lower().split()) for lang, t in lex_doc.items()
                 if isinstance(t, dict) and lang != "places"},
        function_words={lang: frozenset(str(t.get("function", "")).lower().split())
                        for lang, t in lex_doc.items() if isinstance(t, dict) and lang != "places"},
        person_verbs={lang: frozenset(str(t.get("verbs", "")).lower().split())
                      for lang, t in lex_doc.items() if isinstance(t, dict) and lang != "places"},
        person_nouns={lang: frozenset(str(t.get("persons", "")).lower().split())
                      for lang, t in lex_doc.items() if isinstance(t, dict) and lang != "places"},
        group_nouns={lang: frozenset(str(t.get("groups", "")).lower().split())
                     for lang, t in lex_doc.items() if isinstance(t, dict) and lang != "places"},
        places={w.lower(): w for w in str(dict(lex_doc.get("places", {})).get("names", "")).split()},
        home_places={k: frozenset(str(v).lower().split()) for k, v in dict(lex_doc.get("places", {})).items()
                     if k != "names"},
        common_words={lang: frozenset(str(t.get("words", "")).split()) for lang, t in common_doc.items()
                      if isinstance(t, dict)},
        problems=tuple(problems),
    )


def _lines(path: Path, problems: list[tuple[str, str]]) -> list[tuple[int, list[str]]]:
    try:  # a word list the policy names: a regular file, never a FIFO that blocks
        text = read_regular(path, limit=MAX_LIST_BYTES).decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        problems.append((str(path), f"cannot be read ({e.__class__.__name__})"))
        return []
    out = []
    for no, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            out.append((no, [c.strip() for c in line.split("\t")]))
    return out


def _read_abuse(path: Path, problems: list[tuple[str, str]]) -> list[AbuseEntry]:
    out: list[AbuseEntry] = []
    for no, cols in _lines(path, problems):
        if len(cols) < 5:
            problems.append((f"{path}:{no}", "needs term, category, severity, langs and match, tab-separated"))
            continue
        term, category, severity, langs, match = cols[:5]
        forms = cols[5] if len(cols) > 5 else ""
        pos = cols[6] if len(cols) > 6 and cols[6] else "n"
        if severity not in SEVERITY_RANK or match not in MATCH_KINDS or category not in CATEGORIES \
                or pos not in ("n", "adj", "lit"):
            problems.append((f"{path}:{no}", f"unknown category, severity or match in {cols[:5]}"))
            continue
        out.append(AbuseEntry(
            term=term.casefold(), category=category, severity=severity,
            langs=frozenset(x.strip() for x in langs.split(",") if x.strip()), match=match,
            forms=frozenset(f.strip().casefold() for f in forms.split(",") if f.strip()), pos=pos))
    return out


def _read_allow(path: Path, problems: list[tuple[str, str]]) -> tuple[set[str], set[str]]:
    exact: set[str] = set()
    prefix: set[str] = set()
    for no, cols in _lines(path, problems):
        kind = cols[1] if len(cols) > 1 and cols[1] else "exact"
        if kind not in ("exact", "prefix"):
            problems.append((f"{path}:{no}", f"kind must be exact or prefix, not {kind!r}"))
            continue
        (prefix if kind == "prefix" else exact).add(cols[0].casefold())
    return exact, prefix


def _read_toml(path: Path, problems: list[tuple[str, str]]) -> dict[str, Any]:
    try:
        return tomllib.loads(read_regular(path, limit=MAX_LIST_BYTES).decode("utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        problems.append((str(path), f"cannot be read ({e})"))
        return {}
