"""The GUI's own settings (QSettings): window state, recent drafts, photographers, UI language,
policy file, home base, default channels and the consent registry's address.

Declared once (:class:`SettingsValues`: name, type, default, range, help text and the QSettings
key), typed, with a ``schema`` version for later upgrades. Every value is checked against the
declaration when it is read: the INI file is text, so a hand-edited ``lat=north`` or a list
where text belongs is not used; the declared default is, and :attr:`GuiSettings.problems`
names the key, the file and the line. The file lives in ``PREPUB_CONFIG_DIR`` when that is set
(tests, portable installs), else where Qt keeps user settings. Nothing in ``prepub.core``
reads these; the GUI passes values to the core as arguments.
"""

from __future__ import annotations

import logging
import math
import os
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from PySide6.QtCore import QByteArray, QSettings

from prepub.core.jsondoc import must_be
from prepub.core.languages import UI_LANGUAGES
from prepub.core.registry_url import problem as registry_url_problem

SCHEMA = 1
MAX_RECENT = 8
MAX_PHOTOGRAPHERS = 20
LANGUAGES = ("auto", *UI_LANGUAGES)

log = logging.getLogger(__name__)


def opt(default: Any, key: str, help: str, **limits: Any) -> Any:
    """One setting: its default, its QSettings key, the help text and its range."""
    return Field(default, description=help, json_schema_extra={"key": key}, **limits)


class SettingsValues(BaseModel):
    """Every setting Prepub's window reads, once: strict types (text is not a number, a list
    is not text), ranges, defaults."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    ui_language: Literal[LANGUAGES] = opt("auto", "ui/language",  # type: ignore[valid-type]
                                          "the window's language, or auto")
    policy_path: str = opt("", "policy/path", "the organisation's policy file")
    home_name: str = opt("", "home/name", "the user's own home base (empty: the policy's)")
    home_lat: float = opt(0.0, "home/lat", "latitude of the home base", ge=-90, le=90,
                          allow_inf_nan=False)
    home_lon: float = opt(0.0, "home/lon", "longitude of the home base", ge=-180, le=180,
                          allow_inf_nan=False)
    home_radius_km: float = opt(50.0, "home/radius_km", "how far from home still counts as home",
                                gt=0, le=20000, allow_inf_nan=False)
    default_channels: list[str] | None = opt(None, "post/default_channels",
                                             "channels ticked for a new post")
    recent_drafts: list[str] = opt([], "drafts/recent", "recently opened drafts")
    photographers: list[str] = opt([], "images/photographers", "photographers typed before")
    last_export_dir: str = opt("", "export/last_dir", "the folder of the last export")
    last_open_dir: str = opt("", "files/last_dir", "the folder files were last opened from")
    registry_url: str = opt("", "registry/url", "the consent registry: empty for the personal "
                            "one on this computer, or a team registry's postgresql:// address")

    @field_validator("registry_url")
    @classmethod
    def _registry_address(cls, value: str) -> str:
        why = registry_url_problem(value)
        if why:
            raise ValueError(why)
        return value.strip()


def _key(name: str) -> str:
    extra = SettingsValues.model_fields[name].json_schema_extra
    return str(extra["key"]) if isinstance(extra, dict) else name


def _from_ini(name: str, raw: Any) -> Any:
    """A QSettings value (INI text, or what the native store keeps) as the declared type, when
    it plainly is one; anything else is passed on for the declaration to refuse."""
    ann = SettingsValues.model_fields[name].annotation
    if list in (get_origin(ann), *(get_origin(a) for a in get_args(ann))):
        if raw is None or raw == "":
            return []
        if isinstance(raw, str):
            return [raw]  # QSettings gives a one-item list back as its item
        return list(raw) if isinstance(raw, (list, tuple)) else raw
    if ann is float and isinstance(raw, str):  # INI keeps numbers as text
        try:
            value = float(raw)
        except ValueError:
            return raw
        return value if math.isfinite(value) else raw
    if ann is float and type(raw) is int:
        return float(raw)
    return raw


def ini_line(path: str, key: str) -> int | None:
    """The line of ``key`` (``section/name``) in the INI file at ``path``, or None."""
    section, _, name = key.rpartition("/")
    section = section or "General"
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    current = "General"
    for i, line in enumerate(lines, 1):
        s = line.strip()
        if s.startswith("[") and s.endswith("]"):
            current = s[1:-1]
        elif current == section and s.split("=", 1)[0].strip() == name:
            return i
    return None


class GuiSettings:
    """Typed access to QSettings. Pass one instance around; never a global."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        if qsettings is None:
            cfg = os.environ.get("PREPUB_CONFIG_DIR")
            if cfg:
                Path(cfg).mkdir(parents=True, exist_ok=True)
                qsettings = QSettings(str(Path(cfg) / "prepub-gui.ini"), QSettings.Format.IniFormat)
            else:
                qsettings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                      "Prepub", "Prepub")
        self.q = qsettings
        #: settings that were not used because they are not what the declaration says, each
        #: "file:line: key must be …"
        self.problems: list[str] = []
        schema = self.q.value("schema", 0)
        try:
            older = int(schema or 0) < SCHEMA
        except (TypeError, ValueError):
            older = True
        if older:
            self.q.setValue("schema", SCHEMA)

    def _get(self, key: str, default: Any = None) -> Any:
        return self.q.value(key, default)

    def value(self, name: str) -> Any:
        """The setting ``name`` (a field of :class:`SettingsValues`) as declared: the stored
        value when it is valid, else the default (and the reason in :attr:`problems`)."""
        key = _key(name)
        field = SettingsValues.model_fields[name]
        if not self.q.contains(key):
            return field.get_default(call_default_factory=True)
        raw = self.q.value(key)
        try:
            return getattr(SettingsValues.model_validate({name: _from_ini(name, raw)}), name)
        except ValidationError as e:
            err = e.errors(include_url=False)[0]
            where = self.q.fileName()
            line = ini_line(where, key)
            text = (f"{where}:{line}: " if line else f"{where}: ") + \
                f"'{key}' must be {must_be(err)} ({field.description}); the default is used"
            if text not in self.problems:
                self.problems.append(text)
                log.warning("%s", text)
            return field.get_default(call_default_factory=True)

    def _list(self, key: str) -> list[str]:
        names = {_key(n): n for n in SettingsValues.model_fields}
        return list(self.value(names[key]) or [])

    # --- language, policy, organisation --------------------------------------------------------

    @property
    def ui_language(self) -> str:
        return str(self.value("ui_language"))

    @ui_language.setter
    def ui_language(self, value: str) -> None:
        self.q.setValue("ui/language", value if value in LANGUAGES else "auto")

    @property
    def policy_path(self) -> str:
        return str(self.value("policy_path"))

    @policy_path.setter
    def policy_path(self, value: str) -> None:
        self.q.setValue("policy/path", value)

    @property
    def home_base(self) -> dict[str, Any] | None:
        """The user's own home base (overrides the policy's), or None to use the policy's."""
        name = self.value("home_name")
        if not name:
            return None
        bad = len(self.problems)
        home = {"home_name": name, "home_lat": self.value("home_lat"),
                "home_lon": self.value("home_lon"), "home_radius_km": self.value("home_radius_km")}
        # a position with a part that could not be read is no position: the policy's is used
        return None if len(self.problems) > bad else home

    @home_base.setter
    def home_base(self, value: dict[str, Any] | None) -> None:
        if not value:
            for k in ("name", "lat", "lon", "radius_km"):
                self.q.remove(f"home/{k}")
            return
        self.q.setValue("home/name", value["home_name"])
        self.q.setValue("home/lat", float(value["home_lat"]))
        self.q.setValue("home/lon", float(value["home_lon"]))
        self.q.setValue("home/radius_km", float(value["home_radius_km"]))

    @property
    def default_channels(self) -> list[str] | None:
        """Channels ticked for a new post, or None for the policy's first enabled ones."""
        if not self.q.contains("post/default_channels"):
            return None
        return list(self.value("default_channels") or [])

    @default_channels.setter
    def default_channels(self, value: list[str] | None) -> None:
        if value is None:
            self.q.remove("post/default_channels")
        else:
            self.q.setValue("post/default_channels", list(value))

    @property
    def registry_url(self) -> str:
        """The consent registry's address ("" for the personal registry on this computer)."""
        return str(self.value("registry_url"))

    @registry_url.setter
    def registry_url(self, value: str) -> None:
        """Raises ValueError (what the address must be) for one that cannot be used."""
        why = registry_url_problem(value)
        if why:
            raise ValueError(f"the registry address must be {why}")
        value = value.strip()
        if value:
            self.q.setValue("registry/url", value)
        else:
            self.q.remove("registry/url")

    # --- recent drafts, photographers ------------------------------------------------------------

    @property
    def recent_drafts(self) -> list[str]:
        return self._list("drafts/recent")

    def add_recent_draft(self, path: str) -> None:
        items = [p for p in self.recent_drafts if p != path]
        self.q.setValue("drafts/recent", ([path] + items)[:MAX_RECENT])

    def remove_recent_draft(self, path: str) -> None:
        self.q.setValue("drafts/recent", [p for p in self.recent_drafts if p != path])

    @property
    def photographers(self) -> list[str]:
        return self._list("images/photographers")

    def remember_photographer(self, name: str) -> None:
        name = name.strip()
        if not name:
            return
        items = [p for p in self.photographers if p.casefold() != name.casefold()]
        self.q.setValue("images/photographers", ([name] + items)[:MAX_PHOTOGRAPHERS])

    @property
    def last_export_dir(self) -> str:
        return str(self.value("last_export_dir"))

    @last_export_dir.setter
    def last_export_dir(self, value: str) -> None:
        self.q.setValue("export/last_dir", value)

    @property
    def last_open_dir(self) -> str:
        return str(self.value("last_open_dir"))

    @last_open_dir.setter
    def last_open_dir(self, value: str) -> None:
        self.q.setValue("files/last_dir", value)

    # --- window state ----------------------------------------------------------------------------

    def window_state(self, name: str) -> tuple[QByteArray | None, QByteArray | None]:
        g = self._get(f"window/{name}/geometry")
        s = self._get(f"window/{name}/state")
        return (g if isinstance(g, QByteArray) else None, s if isinstance(s, QByteArray) else None)

    def save_window_state(self, name: str, geometry: QByteArray, state: QByteArray | None = None) -> None:
        self.q.setValue(f"window/{name}/geometry", geometry)
        if state is not None:
            self.q.setValue(f"window/{name}/state", state)

    def splitter_state(self, name: str) -> QByteArray | None:
        v = self._get(f"splitter/{name}")
        return v if isinstance(v, QByteArray) else None

    def save_splitter_state(self, name: str, state: QByteArray) -> None:
        self.q.setValue(f"splitter/{name}", state)

    def sync(self) -> None:
        self.q.sync()
