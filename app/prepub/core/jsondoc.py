"""The JSON documents Prepub reads (post drafts, consent sheets): strict parsing, and mistakes
reported with the field and the line they are on.

Python's ``json`` module accepts things no Prepub file ever holds: ``NaN`` and ``Infinity``,
numbers that overflow to infinity, the same key twice (the last one silently wins) and nesting
thousands of levels deep. :func:`parse` refuses all of them. The typed declaration of each
format lives with its reader (:mod:`prepub.core.draft`, :mod:`prepub.core.consent.sheetfile`)
as pydantic models; :func:`explain` turns pydantic's first complaint into a
:class:`Problem`: the line, the field (``images[0].faces[1].confirmed_adult``) and what it must
be, in plain words (the same words as the policy file's errors).

``json`` keeps no positions, so :func:`line_of` finds a field's line by walking the text along
the field's path (without recursion: any nesting depth is fine).
"""

from __future__ import annotations

import json
import math
from json.decoder import scanstring
from typing import Any, Sequence

from pydantic import ValidationError

from prepub.core.policy import _TYPE_WORDS

MAX_DEPTH = 64  # no Prepub document nests deeper than ~6; unknown fields may add a few

__all__ = ["Problem", "parse", "decode", "explain", "line_of", "field_path", "MAX_DEPTH"]


class Problem(ValueError):
    """What is wrong with a document: ``line`` (1-based, None when unknown), ``field`` (a path
    like ``images[0].box``, "" for the whole document) and ``text`` (plain words)."""

    def __init__(self, line: int | None, field: str, text: str) -> None:
        super().__init__(text)
        self.line, self.field, self.text = line, field, text


def decode(raw: bytes) -> str:
    """UTF-8 text (a leading byte-order mark is allowed); raises :class:`Problem`."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        raise Problem(line, "", "the file is not UTF-8 text") from None


def parse(text: str) -> Any:
    """Parse JSON strictly; raises :class:`Problem` naming the line."""
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant,
                          parse_float=_finite_float)
    except json.JSONDecodeError as e:
        raise Problem(e.lineno, "", f"this is not valid JSON ({e.msg})") from None
    except _Refused as e:
        raise Problem(_line_of_text(text, e.needle), "", e.text) from None
    except RecursionError:
        raise Problem(None, "", f"the document is nested too deeply (more than {MAX_DEPTH} "
                                "levels)") from None
    except ValueError as e:  # e.g. an integer with more than 4300 digits
        raise Problem(None, "", f"this is not valid JSON ({e})") from None
    _check_depth(data)
    return data


class _Refused(ValueError):
    def __init__(self, text: str, needle: str) -> None:
        super().__init__(text)
        self.text, self.needle = text, needle


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise _Refused(f"the key \"{k}\" appears twice in one object", json.dumps(k))
        out[k] = v
    return out


def _no_constant(name: str) -> Any:
    raise _Refused(f"{name} is not a number a Prepub file may hold", name)


def _finite_float(s: str) -> float:
    v = float(s)
    if not math.isfinite(v):
        raise _Refused(f"the number {s[:20]} is too large", s)
    return v


def _line_of_text(text: str, needle: str) -> int | None:
    i = text.find(needle)
    return None if i < 0 else text.count("\n", 0, i) + 1


def _check_depth(data: Any) -> None:
    stack = [(data, 1)]
    while stack:
        v, d = stack.pop()
        if d > MAX_DEPTH:
            raise Problem(None, "", f"the document is nested too deeply (more than {MAX_DEPTH} "
                                    "levels)")
        if isinstance(v, dict):
            stack.extend((x, d + 1) for x in v.values())
        elif isinstance(v, list):
            stack.extend((x, d + 1) for x in v)


# --- pydantic's complaint in plain words -------------------------------------------------------

def field_path(loc: Sequence[Any]) -> str:
    """``("images", 0, "box")`` → ``images[0].box``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def explain(error: ValidationError, text: str | None = None, *, prefix: Sequence[Any] = ()) -> Problem:
    """The first mistake of ``error`` as a :class:`Problem`; ``text`` (the document) gives the
    line; ``prefix`` is where the validated part sits in the document."""
    err = error.errors(include_url=False)[0]
    loc = [*prefix, *[p for p in err["loc"] if not _is_tag(p)]]
    name = field_path(loc)
    line = line_of(text, loc) if text is not None else None
    kind = err["type"]
    if kind in ("missing", "missing_argument"):
        words = "is missing"
    elif kind in ("extra_forbidden", "unexpected_keyword_argument"):
        words = "is not a field this file may have"
    else:
        words = "must be " + must_be(err)
    return Problem(line, name, f"'{name}' {words}" if name else f"the document {words}")


def _is_tag(part: Any) -> bool:
    # pydantic adds the member's name for some unions and function validators
    return isinstance(part, str) and (part.startswith("function-") or part in ("str", "int", "bool",
                                                                               "float", "list",
                                                                               "dict", "none"))


def must_be(err: Any) -> str:
    """What a value must be, for a person editing the file (one pydantic error dict)."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    for bound, words in (("ge", "at least"), ("gt", "more than"), ("le", "at most"), ("lt", "less than")):
        if bound in ctx:
            return f"{words} {ctx[bound]}"
    if kind == "literal_error":
        return "one of " + str(ctx.get("expected", "")).replace("'", '"')
    if kind == "too_short":
        n = ctx.get("min_length")
        return "not empty" if n in (None, 1) else f"at least {n} items long"
    if kind == "too_long":
        return f"at most {ctx.get('max_length')} long"
    if kind == "string_pattern_mismatch":
        return "text of the right form"
    if kind in ("finite_number",):
        return "a finite number"
    if kind.startswith("datetime"):
        return "a date and time (ISO 8601)"
    if kind.startswith("date"):
        return "a date (YYYY-MM-DD)"
    if kind == "value_error":
        return str(err.get("msg", "")).removeprefix("Value error, ")
    if kind in ("dataclass_type", "model_type", "dict_type", "model_attributes_type"):
        return "an object { … }"
    words = _TYPE_WORDS.get(kind.split("_")[0])
    if words == "a table":
        words = "an object { … }"
    return words or "of another kind (" + str(err.get("msg", "")) + ")"


# --- where a field is in the text -------------------------------------------------------------

_WS = " \t\r\n"


def line_of(text: str, loc: Sequence[Any]) -> int | None:
    """The line of the value at ``loc`` in the JSON ``text`` (of the innermost part of the path
    that exists: a missing field points at its object); None when ``text`` is not JSON."""
    try:
        i = _skip_ws(text, 0)
        for part in loc:
            j = _child(text, i, part)
            if j is None:
                break
            i = j
        return text.count("\n", 0, i) + 1
    except (IndexError, ValueError):
        return None


def _skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i] in _WS:
        i += 1
    return i


def _child(text: str, i: int, part: Any) -> int | None:
    """Where the member ``part`` (a key or an index) of the value at ``i`` starts."""
    if text[i] == "{" and isinstance(part, str):
        i = _skip_ws(text, i + 1)
        while text[i] != "}":
            key, i = scanstring(text, i + 1)
            i = _skip_ws(text, i)
            i = _skip_ws(text, i + 1)  # the colon
            if key == part:
                return i
            i = _skip_ws(text, _skip_value(text, i))
            if text[i] == ",":
                i = _skip_ws(text, i + 1)
        return None
    if text[i] == "[" and isinstance(part, int):
        i = _skip_ws(text, i + 1)
        n = 0
        while text[i] != "]":
            if n == part:
                return i
            i = _skip_ws(text, _skip_value(text, i))
            if text[i] == ",":
                i = _skip_ws(text, i + 1)
            n += 1
        return None
    return None


def _skip_value(text: str, i: int) -> int:
    """The index just past the JSON value starting at ``i`` (iterative: any depth)."""
    c = text[i]
    if c == '"':
        return scanstring(text, i + 1)[1]
    if c not in "[{":
        while i < len(text) and text[i] not in ",]}" + _WS:
            i += 1
        return i
    depth = 0
    while True:
        c = text[i]
        if c == '"':
            i = scanstring(text, i + 1)[1]
            continue
        if c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
