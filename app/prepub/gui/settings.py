"""The GUI's own settings (QSettings): window state, recent drafts, photographers, UI language,
policy file, home base and default channels.

Declared once, typed, with a ``schema`` version for later upgrades. The file lives in
``PREPUB_CONFIG_DIR`` when that is set (tests, portable installs), else where Qt keeps user
settings. Nothing in ``prepub.core`` reads these; the GUI passes values to the core as arguments.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from prepub.core.languages import UI_LANGUAGES

SCHEMA = 1
MAX_RECENT = 8
MAX_PHOTOGRAPHERS = 20
LANGUAGES = ("auto", *UI_LANGUAGES)


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
        if int(self._get("schema", 0) or 0) < SCHEMA:
            self.q.setValue("schema", SCHEMA)

    def _get(self, key: str, default: Any = None) -> Any:
        return self.q.value(key, default)

    def _list(self, key: str) -> list[str]:
        v = self.q.value(key, [])
        if v is None or v == "":
            return []
        if isinstance(v, str):
            return [v]
        return [str(x) for x in v]

    # --- language, policy, organisation --------------------------------------------------------

    @property
    def ui_language(self) -> str:
        v = str(self._get("ui/language", "auto"))
        return v if v in LANGUAGES else "auto"

    @ui_language.setter
    def ui_language(self, value: str) -> None:
        self.q.setValue("ui/language", value if value in LANGUAGES else "auto")

    @property
    def policy_path(self) -> str:
        return str(self._get("policy/path", "") or "")

    @policy_path.setter
    def policy_path(self, value: str) -> None:
        self.q.setValue("policy/path", value)

    @property
    def home_base(self) -> dict[str, Any] | None:
        """The user's own home base (overrides the policy's), or None to use the policy's."""
        name = self._get("home/name", "")
        if not name:
            return None
        try:
            return {"home_name": str(name), "home_lat": float(self._get("home/lat", 0.0)),
                    "home_lon": float(self._get("home/lon", 0.0)),
                    "home_radius_km": float(self._get("home/radius_km", 50.0))}
        except (TypeError, ValueError):
            return None

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
        return self._list("post/default_channels")

    @default_channels.setter
    def default_channels(self, value: list[str] | None) -> None:
        if value is None:
            self.q.remove("post/default_channels")
        else:
            self.q.setValue("post/default_channels", list(value))

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
        return str(self._get("export/last_dir", "") or "")

    @last_export_dir.setter
    def last_export_dir(self, value: str) -> None:
        self.q.setValue("export/last_dir", value)

    @property
    def last_open_dir(self) -> str:
        return str(self._get("files/last_dir", "") or "")

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
