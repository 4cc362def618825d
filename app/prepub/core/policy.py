"""The organisation's policy file: which rules run, at what severity, and their parameters.

A policy is a TOML file (the defaults are ``resources/policy/default.sv.toml`` and
``default.en.toml``). Every option is declared once below (:class:`PolicySettings` and its
sections: type, default, range, help text); :func:`load_policy` validates a file against that
declaration and reports every mistake as a :class:`PolicyError` naming the file, the line and
what the option must be, in plain words. Code reads options only through the typed sections
(``policy.consent.all_custodians_under``), never with a default of its own.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from prepub.core.languages import POST_LANGUAGES, UI_LANGUAGES as MESSAGE_LANGUAGES
from prepub.core.resources import resource

# --- the declaration: every policy option once, with its type, default, range and help -------
#
# Nothing else in Prepub knows a policy default: code reads ``policy.faces.minor_age_threshold``
# and gets the organisation's value or the default declared here. ``tests/core/test_policy.py``
# fails when a module passes a literal default for a policy option.


def opt(default: Any, help: str, **limits: Any) -> Any:
    """One policy option: its default, the help text shown in errors and ``prepub rules``, and
    its range (``ge``/``le``/``gt``/``min_length``…)."""
    return Field(default, description=help, **limits)


class _Section(BaseModel):
    """A ``[section]`` of the policy file: strict types (``"false"`` is text, not false; ``1`` is
    a number, not true), no unknown keys, immutable once loaded."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class PolicyInfo(_Section):
    name: str = opt("", "the organisation's name")
    version: int = opt(1, "a number you raise when you change the policy", ge=0)
    language: Literal[MESSAGE_LANGUAGES] = opt(  # type: ignore[valid-type]
        "sv", "the language of messages: " + ", ".join(MESSAGE_LANGUAGES))


DEFAULT_LANGUAGES = {"SE": ("sv", "en"), "DK": ("da", "en")}


class Organisation(_Section):
    country: Literal["SE", "DK"] = opt("SE", "SE or DK: sets the legal defaults")
    org_type: Literal["authority", "ngo", "company"] = opt("authority", "authority, ngo or company")
    home_name: str = opt("", "the name of the home base")
    home_lat: float | None = opt(None, "latitude of the home base", ge=-90, le=90)
    home_lon: float | None = opt(None, "longitude of the home base", ge=-180, le=180)
    home_radius_km: float = opt(50.0, "how far from home still counts as home", gt=0, le=20000)
    languages: list[Literal[POST_LANGUAGES]] | None = opt(  # type: ignore[valid-type]
        None, "the languages posts are written in (" + ", ".join(POST_LANGUAGES) + "); default: "
        "the country's language and English", min_length=1)
    people: list[str] = opt([], "the organisation's people, \"Förnamn Efternamn\" each")
    competitors: list[str] = opt([], "competitors' names")

    @property
    def post_languages(self) -> tuple[str, ...]:
        """The languages posts are written in: as listed, else the country's language and English
        (a Danish organisation never has its posts read as Swedish)."""
        return tuple(self.languages) if self.languages else DEFAULT_LANGUAGES[self.country]


class Faces(_Section):
    detector_min_face_px: int = opt(40, "smallest face height, in pixels, that counts as identifiable",
                                    ge=8, le=1000)
    minor_age_threshold: float = opt(32.0, "age estimates below this flag a possible minor",
                                     ge=18, le=60)
    matching: bool = opt(False, "face matching against the registry (biometric; off by default)")
    match_distance: float = opt(0.5, "largest encoding distance that is proposed as a match",
                                gt=0, le=1.0)


class Consent(_Section):
    guardian_consent_age: int = opt(15, "under this age a guardian must consent", ge=0, le=18)
    all_custodians_under: int = opt(13, "under this age every custodian must sign (0: one is enough)",
                                    ge=0, le=18)
    portrait_max_faces: int = opt(3, "at most this many faces makes a portrait", ge=1, le=100)
    portrait_min_face_share: float = opt(0.05, "a face this large a share of the frame makes a portrait",
                                         ge=0, le=1)
    reminder_days: int = opt(30, "warn when a consent expires within this many days", ge=0, le=3650)
    offline_copy_max_age_hours: int = opt(24, "an offline copy of the team registry older than this "
                                              "blocks export, because a withdrawal may be missing",
                                          ge=1, le=168)


class Images(_Section):
    require_photographer: bool = opt(True, "a named photographer is required")
    require_context: bool = opt(True, "the photo's context (what, where, when) is required")
    require_alt_text: bool = opt(True, "alt text is required")
    alt_text_max: int = opt(250, "longest alt text", ge=20, le=10000)
    require_credit: bool = opt(True, "the post must credit the photographer")
    credit_format: str = opt("Foto: {name}", "how a credit line is written, e.g. \"Foto: {name}\"",
                             min_length=1)


class Trip(_Section):
    ongoing_days: int = opt(14, "photos this many days old or newer, taken away from home, mean an "
                                "ongoing trip", ge=0, le=365)


class Text(_Section):
    lix_max: float = opt(50.0, "highest LIX before a warning (Björnsson's bands: 40-50 a newspaper, "
                               "above 50 official texts)", ge=10, le=100)
    sentence_max_words: int = opt(25, "sentences longer than this are flagged when they are dense (many "
                                      "long words)", ge=5, le=200)
    sentence_hard_max_words: int = opt(35, "sentences longer than this are always flagged", ge=5, le=400)
    word_max_chars: int = opt(22, "longest word in characters", ge=8, le=100)
    confidential: list[str] = opt([], "names that must never be published (confidential "
                                            "partners, projects)")
    internal_markers: list[str] = opt([], "words that mark text as internal, added to the built-in "
                                          "markers (a single word counts only as a label: \"INTERNT –\")")
    accept: list[str] = opt([], "words never flagged")
    lists: dict[str, str] = opt({}, "word-list files per category")
    emoji_max_ratio: float = opt(0.2, "largest share of emoji among words", ge=0, le=1)
    lix_min_words: int = opt(30, "below this many words LIX says little and is not reported as a "
                                 "finding", ge=0, le=10000)
    dialogue_channels: list[str] = opt(
        [], "channels where a post should invite dialogue (a question, \"berätta\", a call to act); "
            "none by default: the note is a suggestion, and statements need none")


class Export(_Section):
    overrides_allowed: list[str] = opt(
        ["location.trip", "text.lix", "text.channel_length", "image.context_missing"],
        "rule ids a user may export past, with a reason")
    media_base_url: str = opt("", "where the website serves uploaded media, for scheduling-tool URLs")
    timezone: str = opt("Europe/Stockholm", "IANA time zone for scheduling files, e.g. "
                                            "Europe/Stockholm", min_length=1)
    jpeg_quality: int = opt(90, "JPEG quality of exported images", ge=50, le=100)
    record_pdf: bool = opt(False, "also write the publication record as PDF")


class Channel(_Section):
    """One ``[channels.NAME]`` table. A limit left out means the channel has none."""

    label: str | None = opt(None, "the channel's display name")
    max_chars: int | None = opt(None, "longest post", ge=1)
    max_hashtags: int | None = opt(None, "most hashtags", ge=0)
    suggested_hashtags: int | None = opt(None, "suggested number of hashtags", ge=0)
    max_links: int | None = opt(None, "most links", ge=0)
    fold: int | None = opt(None, "characters shown before \"more\"", ge=1)
    alt_text_max: int | None = opt(None, "longest alt text", ge=1)
    max_images: int | None = opt(None, "most images in one post", ge=1)
    image_max_px: int | None = opt(None, "longest side of an exported image", ge=64, le=20000)
    image_max_bytes: int | None = opt(None, "largest exported image file", ge=10000)
    url_length: int | None = opt(None, "characters a link counts as", ge=1)
    enabled: bool = opt(True, "whether the channel is offered")


class Rule(_Section):
    """One ``[rules."rule.id"]`` table."""

    enabled: bool | None = opt(None, "whether the rule runs")
    severity: Literal["block", "warn", "info"] | None = opt(None, "block, warn or info")
    ref: str | None = opt(None, "the policy paragraph the rule enforces")


class PolicySettings(_Section):
    """The whole policy file, typed."""

    policy: PolicyInfo = PolicyInfo()
    organisation: Organisation = Organisation()
    faces: Faces = Faces()
    consent: Consent = Consent()
    images: Images = Images()
    trip: Trip = Trip()
    text: Text = Text()
    export: Export = Export()
    channels: dict[str, Channel] = {}
    rules: dict[str, Rule] = {}

    @model_validator(mode="after")
    def _home_complete(self) -> PolicySettings:
        o = self.organisation
        if (o.home_lat is None) != (o.home_lon is None):
            raise ValueError("home_lat and home_lon go together: give both or neither")
        return self


SECTIONS: dict[str, type[_Section]] = {
    name: f.annotation for name, f in PolicySettings.model_fields.items()  # type: ignore[misc]
    if name not in ("channels", "rules")}


def declaration() -> dict[str, dict[str, tuple[Any, str]]]:
    """Every option as ``{section: {key: (default, help)}}`` (for documentation and settings)."""
    out = {s: {k: (f.default, f.description or "") for k, f in m.model_fields.items()}
           for s, m in SECTIONS.items()}
    out["channels.NAME"] = {k: (f.default, f.description or "") for k, f in Channel.model_fields.items()}
    out["rules.ID"] = {k: (f.default, f.description or "") for k, f in Rule.model_fields.items()}
    return out


class PolicyError(ValueError):
    """A mistake in a policy file, with the file and line it is on."""

    def __init__(self, path: str, line: int | None, text: str) -> None:
        self.path, self.line, self.text = path, line, text
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {text}")


@dataclass(frozen=True)
class Policy:
    """A validated policy. ``data`` is the parsed TOML as written; ``settings`` is the typed
    declaration filled in with it. Read options through the section properties
    (``policy.faces.minor_age_threshold``): every default comes from :class:`PolicySettings`."""

    data: dict[str, Any]
    path: str = "<default>"
    settings: PolicySettings = PolicySettings()

    def __post_init__(self) -> None:
        if self.data and self.settings == PolicySettings():
            # built from raw data (e.g. a home base laid over a loaded policy): validate it
            object.__setattr__(self, "settings", _settings(self.data, self.path, _Locator("")))

    # the sections, typed
    @property
    def info(self) -> PolicyInfo:
        return self.settings.policy

    @property
    def organisation(self) -> Organisation:
        return self.settings.organisation

    @property
    def faces(self) -> Faces:
        return self.settings.faces

    @property
    def consent(self) -> Consent:
        return self.settings.consent

    @property
    def images(self) -> Images:
        return self.settings.images

    @property
    def trip(self) -> Trip:
        return self.settings.trip

    @property
    def text(self) -> Text:
        return self.settings.text

    @property
    def export(self) -> Export:
        return self.settings.export

    def get(self, section: str, key: str) -> Any:
        """One option by name (the declared default when the file leaves it out)."""
        return getattr(getattr(self.settings, section), key)

    def rule_config(self, rule: str) -> dict[str, Any]:
        r = self.settings.rules.get(rule)
        return {} if r is None else r.model_dump(exclude_none=True)

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def country(self) -> str:
        return self.organisation.country

    @property
    def post_languages(self) -> tuple[str, ...]:
        return self.organisation.post_languages

    @property
    def channels(self) -> dict[str, dict[str, Any]]:
        """The enabled channels, each as the limits it sets (a limit left out is absent)."""
        return {k: c.model_dump(exclude_none=True) for k, c in self.settings.channels.items() if c.enabled}

    def channel(self, name: str) -> dict[str, Any]:
        c = self.settings.channels.get(name)
        return {} if c is None else c.model_dump(exclude_none=True)

    def knows_channel(self, name: str) -> bool:
        return name in self.settings.channels

    @property
    def minor_age_threshold(self) -> float:
        return self.faces.minor_age_threshold

    @property
    def matching_enabled(self) -> bool:
        return self.faces.matching

    @property
    def overrides_allowed(self) -> frozenset[str]:
        return frozenset(self.export.overrides_allowed)


MAX_POLICY_BYTES = 4 * 1024 * 1024


def default_policy_path(lang: str = "sv") -> Path:
    p = resource("policy", f"default.{lang}.toml")
    return p if p.exists() else resource("policy", "default.en.toml")


def load_policy(path: str | os.PathLike[str] | None = None, *, language: str | None = None) -> Policy:
    """Load and validate a policy. Without a path: PREPUB_POLICY, else the shipped default in
    ``language`` (default: the user's language, as for messages). The window and the command
    line choose the same way, so they check with the same policy."""
    if path is None:
        env = os.environ.get("PREPUB_POLICY")
        if env:
            path = Path(env)
        else:
            from prepub.core.messages import default_language

            path = default_policy_path(language or default_language())
    from prepub.core.inputfiles import read_regular

    p = Path(path)
    try:  # a FIFO or a device is refused without waiting
        text = read_regular(p, limit=MAX_POLICY_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise PolicyError(str(p), None, "the policy file does not exist") from None
    except UnicodeDecodeError:
        raise PolicyError(str(p), None, "the policy file is not UTF-8 text") from None
    except OSError as e:
        raise PolicyError(str(p), None, f"the policy file cannot be read ({e.strerror or e})") from None
    return parse_policy(text, str(p))


def parse_policy(text: str, path: str = "<policy>") -> Policy:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"at line (\d+)", str(e))
        raise PolicyError(path, int(m.group(1)) if m else None,
                          f"this is not valid TOML ({e})") from None
    locate = _Locator(text)
    settings = _settings(data, path, locate)
    for name, table in data.get("rules", {}).items():
        _check_rule(name, table, path, locate)
    return Policy(data=data, path=path, settings=settings)


def _settings(data: dict[str, Any], path: str, locate: "_Locator") -> PolicySettings:
    """Validate ``data`` against the declaration; the first mistake becomes a PolicyError that
    names the line and says what the option must be, in plain words."""
    for section, value in data.items():
        if section not in PolicySettings.model_fields:
            raise PolicyError(path, locate.section(section),
                              f"unknown section [{section}]; known sections: "
                              f"{', '.join(PolicySettings.model_fields)}")
        if not isinstance(value, dict):
            raise PolicyError(path, locate.key(None, section), f"{section} must be a [section]")
    try:
        return PolicySettings.model_validate(data)
    except ValidationError as e:
        err = e.errors(include_url=False)[0]
        raise PolicyError(path, *_explain(err, locate)) from None


def _explain(err: Any, locate: "_Locator") -> tuple[int | None, str]:
    loc = [str(x) for x in err["loc"]]
    if not loc:
        return None, str(err["msg"]).removeprefix("Value error, ")
    if loc[0] in ("channels", "rules") and len(loc) >= 2:
        section, model = ".".join(loc[:2]), (Channel if loc[0] == "channels" else Rule)
        rest = loc[2:]
    else:
        section, model, rest = loc[0], SECTIONS.get(loc[0]), loc[1:]
    if model is None:
        return locate.section(section), str(err["msg"])
    if not rest:
        return locate.key(None, section) or locate.section(section), f"[{section}] must be a table of settings"
    key = rest[0]
    line = locate.key(section, key)
    if err["type"] == "extra_forbidden":
        return line, f"unknown setting '{key}' in [{section}]; known: {', '.join(model.model_fields)}"
    field = model.model_fields[key]
    return line, f"'{key}' in [{section}] must be {_must_be(field, err)} ({field.description})"


def _must_be(field: Any, err: Any) -> str:
    """What a value must be, for a person editing the file."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    for bound, words in (("ge", "at least"), ("gt", "more than"), ("le", "at most"), ("lt", "less than")):
        if bound in ctx:
            lo = [m for m in field.metadata if hasattr(m, "ge") or hasattr(m, "gt")]
            hi = [m for m in field.metadata if hasattr(m, "le") or hasattr(m, "lt")]
            if lo and hi:
                a = getattr(lo[0], "ge", None) if getattr(lo[0], "ge", None) is not None else getattr(lo[0], "gt")
                b = getattr(hi[0], "le", None) if getattr(hi[0], "le", None) is not None else getattr(hi[0], "lt")
                return f"between {a} and {b}"
            return f"{words} {ctx[bound]}"
    if kind == "literal_error":
        return "one of " + str(ctx.get("expected", "")).replace("'", '"')
    if kind in ("too_short", "too_long"):
        return "not empty" if kind == "too_short" else "shorter"
    return _TYPE_WORDS.get(kind.split("_")[0], "of another kind: " + str(err["msg"]))


_TYPE_WORDS = {"float": "a number", "int": "a whole number", "bool": "true or false",
               "string": "text in quotes", "tuple": "a list [ … ]", "list": "a list [ … ]",
               "dict": "a table", "model": "a table"}


def _check_rule(name: str, table: dict[str, Any], path: str, locate: "_Locator") -> None:
    from prepub.core.rules import all_rules

    sev = table.get("severity")
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
