"""The organisation's policy file: which rules run, at what severity, and their parameters.

A policy is a TOML file (the defaults are ``resources/policy/default.sv.toml`` and
``default.en.toml``). :func:`load_policy` parses and validates it against :data:`SCHEMA`; every
mistake is reported as a :class:`PolicyError` naming the file, the line and what is wrong, in
plain words. Subsystems read their parameters through the typed accessors or ``section()``.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from prepub.core.resources import resource

# Each section maps key -> (type or tuple of types, description). ``dict`` values that hold
# free-form tables (channels, rules, lists of words) are validated by their own functions.
Number = (int, float)
SCHEMA: dict[str, dict[str, tuple[Any, str]]] = {
    "policy": {
        "name": (str, "the organisation's name"),
        "version": (int, "a number you raise when you change the policy"),
        "language": (str, "sv, en or da: the language of messages"),
    },
    "organisation": {
        "country": (str, "SE or DK: sets the legal defaults"),
        "org_type": (str, "authority, ngo or company"),
        "home_name": (str, "the name of the home base"),
        "home_lat": (Number, "latitude of the home base"),
        "home_lon": (Number, "longitude of the home base"),
        "home_radius_km": (Number, "how far from home still counts as home"),
        "languages": (list, "the languages posts are written in: sv, da, nb, en"),
        "people": (list, "the organisation's people, \"Förnamn Efternamn\" each"),
        "competitors": (list, "competitors' names"),
    },
    "faces": {
        "detector_min_face_px": (int, "smallest face height, in pixels, that counts as identifiable"),
        "minor_age_threshold": (Number, "age estimates below this flag a possible minor"),
        "matching": (bool, "face matching against the registry (biometric; off by default)"),
        "match_distance": (Number, "largest encoding distance that is proposed as a match"),
    },
    "consent": {
        "guardian_consent_age": (int, "under this age a guardian must consent"),
        "all_custodians_under": (int, "under this age every custodian must sign (0: one is enough)"),
        "portrait_max_faces": (int, "at most this many faces makes a portrait"),
        "portrait_min_face_share": (Number, "a face this large a share of the frame makes a portrait"),
        "reminder_days": (int, "warn when a consent expires within this many days"),
    },
    "images": {
        "require_photographer": (bool, "a named photographer is required"),
        "require_context": (bool, "the photo's context (what, where, when) is required"),
        "require_alt_text": (bool, "alt text is required"),
        "alt_text_max": (int, "longest alt text"),
        "require_credit": (bool, "the post must credit the photographer"),
        "credit_format": (str, "how a credit line is written, e.g. \"Foto: {name}\""),
    },
    "trip": {
        "ongoing_days": (int, "photos this many days old or newer, taken away from home, mean an ongoing trip"),
    },
    "text": {
        "lix_max": (Number, "highest LIX before a warning"),
        "sentence_max_words": (int, "longest sentence in words"),
        "word_max_chars": (int, "longest word in characters"),
        "confidential": (list, "names that must never be published (confidential partners, projects)"),
        "internal_markers": (list, "words that mark text as internal"),
        "accept": (list, "words never flagged"),
        "lists": (dict, "word-list files per category"),
        "emoji_max_ratio": (Number, "largest share of emoji among words"),
        "lix_min_words": (int, "below this many words LIX is only indicative (a suggestion, not a warning)"),
        "dialogue_channels": (list, "channels where a post should invite dialogue (a question, \"berätta\" …)"),
    },
    "export": {
        "overrides_allowed": (list, "rule ids a user may export past, with a reason"),
        "media_base_url": (str, "where the website serves uploaded media, for scheduling-tool URLs"),
        "timezone": (str, "IANA time zone for scheduling files, e.g. Europe/Stockholm"),
        "jpeg_quality": (int, "JPEG quality of exported images"),
        "record_pdf": (bool, "also write the publication record as PDF"),
    },
    "channels": {},  # validated by _validate_channels
    "rules": {},  # validated by _validate_rules
}

CHANNEL_KEYS: dict[str, tuple[Any, str]] = {
    "label": (str, "the channel's display name"),
    "max_chars": (int, "longest post"),
    "max_hashtags": (int, "most hashtags"),
    "suggested_hashtags": (int, "suggested number of hashtags"),
    "max_links": (int, "most links"),
    "fold": (int, "characters shown before \"more\""),
    "alt_text_max": (int, "longest alt text"),
    "max_images": (int, "most images in one post"),
    "image_max_px": (int, "longest side of an exported image"),
    "image_max_bytes": (int, "largest exported image file"),
    "url_length": (int, "characters a link counts as"),
    "enabled": (bool, "whether the channel is offered"),
}

RULE_KEYS: dict[str, tuple[Any, str]] = {
    "enabled": (bool, "whether the rule runs"),
    "severity": (str, "block, warn or info"),
    "ref": (str, "the policy paragraph the rule enforces"),
}


class PolicyError(ValueError):
    """A mistake in a policy file, with the file and line it is on."""

    def __init__(self, path: str, line: int | None, text: str) -> None:
        self.path, self.line, self.text = path, line, text
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {text}")


@dataclass(frozen=True)
class Policy:
    """A validated policy. ``data`` is the parsed TOML; use the accessors rather than raw keys."""

    data: dict[str, Any]
    path: str = "<default>"

    def section(self, name: str) -> dict[str, Any]:
        return dict(self.data.get(name, {}))

    def get(self, section: str, key: str, default: Any = None) -> Any:
        return self.data.get(section, {}).get(key, default)

    def rule_config(self, rule: str) -> dict[str, Any]:
        return dict(self.data.get("rules", {}).get(rule, {}))

    @property
    def name(self) -> str:
        return str(self.get("policy", "name", ""))

    @property
    def country(self) -> str:
        return str(self.get("organisation", "country", "SE")).upper()

    @property
    def channels(self) -> dict[str, dict[str, Any]]:
        return {k: dict(v) for k, v in self.data.get("channels", {}).items() if v.get("enabled", True)}

    def channel(self, name: str) -> dict[str, Any]:
        return dict(self.data.get("channels", {}).get(name, {}))

    @property
    def minor_age_threshold(self) -> float:
        return float(self.get("faces", "minor_age_threshold", 30.0))

    @property
    def matching_enabled(self) -> bool:
        return bool(self.get("faces", "matching", False))

    @property
    def overrides_allowed(self) -> frozenset[str]:
        return frozenset(self.get("export", "overrides_allowed", []))


def default_policy_path(lang: str = "sv") -> Path:
    p = resource("policy", f"default.{lang}.toml")
    return p if p.exists() else resource("policy", "default.en.toml")


def load_policy(path: str | os.PathLike[str] | None = None) -> Policy:
    """Load and validate a policy. Without a path: PREPUB_POLICY, else the Swedish default."""
    if path is None:
        env = os.environ.get("PREPUB_POLICY")
        path = Path(env) if env else default_policy_path("sv")
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PolicyError(str(p), None, "the policy file does not exist") from None
    except UnicodeDecodeError:
        raise PolicyError(str(p), None, "the policy file is not UTF-8 text") from None
    return parse_policy(text, str(p))


def parse_policy(text: str, path: str = "<policy>") -> Policy:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"at line (\d+)", str(e))
        raise PolicyError(path, int(m.group(1)) if m else None,
                          f"this is not valid TOML ({e})") from None
    locate = _Locator(text)
    for section, value in data.items():
        if section not in SCHEMA:
            raise PolicyError(path, locate.section(section),
                              f"unknown section [{section}]; known sections: {', '.join(SCHEMA)}")
        if not isinstance(value, dict):
            raise PolicyError(path, locate.key(None, section), f"{section} must be a [section]")
        if section == "channels":
            _validate_tables(value, CHANNEL_KEYS, "channels", path, locate)
        elif section == "rules":
            _validate_tables(value, RULE_KEYS, "rules", path, locate, _check_rule)
        else:
            _validate_keys(value, SCHEMA[section], section, path, locate)
    return Policy(data=data, path=path)


def _type_name(t: Any) -> str:
    if t is Number:
        return "a number"
    return {str: "text in quotes", int: "a whole number", bool: "true or false", list: "a list [ … ]",
            dict: "a table"}.get(t, str(t))


def _validate_keys(table: dict[str, Any], keys: dict[str, tuple[Any, str]], section: str,
                   path: str, locate: "_Locator") -> None:
    for key, value in table.items():
        if key not in keys:
            raise PolicyError(path, locate.key(section, key),
                              f"unknown setting '{key}' in [{section}]; known: {', '.join(keys)}")
        typ = keys[key][0]
        ok = isinstance(value, typ) and not (typ in (int, Number) and isinstance(value, bool))
        if not ok:
            raise PolicyError(path, locate.key(section, key),
                              f"'{key}' in [{section}] must be {_type_name(typ)} ({keys[key][1]})")


def _check_rule(name: str, table: dict[str, Any], path: str, locate: "_Locator") -> None:
    sev = table.get("severity")
    if sev is not None and sev not in ("block", "warn", "info"):
        raise PolicyError(path, locate.key(f"rules.{name}", "severity"),
                          f"severity of rule '{name}' must be \"block\", \"warn\" or \"info\", not {sev!r}")
    from prepub.core.rules import all_rules

    known = all_rules()
    if known and name not in known:
        raise PolicyError(path, locate.section(f"rules.{name}"),
                          f"unknown rule '{name}'; run `prepub rules` for the list")
    if sev is not None and name in known and not known[name].can_disable and sev != "block":
        raise PolicyError(path, locate.key(f"rules.{name}", "severity"),
                          f"rule '{name}' protects people and cannot be lowered below block")
    if table.get("enabled") is False and name in known and not known[name].can_disable:
        raise PolicyError(path, locate.key(f"rules.{name}", "enabled"),
                          f"rule '{name}' protects people and cannot be switched off")


def _validate_tables(tables: dict[str, Any], keys: dict[str, tuple[Any, str]], section: str,
                     path: str, locate: "_Locator",
                     extra: Callable[[str, dict[str, Any], str, "_Locator"], None] | None = None) -> None:
    for name, table in tables.items():
        if not isinstance(table, dict):
            raise PolicyError(path, locate.key(section, name),
                              f"[{section}.{name}] must be a table of settings")
        _validate_keys(table, keys, f"{section}.{name}", path, locate)
        if extra is not None:
            extra(name, table, path, locate)


class _Locator:
    """Finds the line of a section header or key in TOML text (tomllib keeps no positions)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    @staticmethod
    def _norm(s: str) -> str:
        return s.replace('"', "").replace("'", "").replace(" ", "")

    def section(self, dotted: str) -> int | None:
        want = self._norm(dotted)
        for i, line in enumerate(self.lines, 1):
            s = line.strip()
            if s.startswith("[") and self._norm(s.strip("[]")) == want:
                return i
        return None

    def key(self, section: str | None, key: str) -> int | None:
        start = 0
        if section:
            found = self.section(section)
            if found is None:
                # written inline under the parent, e.g. ``x = { … }`` inside [channels]
                parent, _, child = section.rpartition(".")
                return self.key(parent, child) if parent else None
            start = found
        k = self._norm(key)
        for i in range(start, len(self.lines)):  # self.lines[start] is the line after the header
            s = self.lines[i].strip()
            if s.startswith("["):
                break
            if "=" in s and self._norm(s.split("=", 1)[0]) == k:
                return i + 1
        return start or None
