"""Settings: the organisation's policy file (validated, with the line of any mistake), the home
base used for the "ongoing trip" rule, the channels ticked for a new post, the consent registry
(the personal one, or a team registry's address: opened again at once) and the UI language
(used at once: the open windows retranslate themselves).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QFileDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from prepub.core.languages import UI_LANGUAGES
from prepub.core.registry_url import check as check_registry_url
from prepub.gui.qtcompat import combo_data
from prepub.gui.i18n import NATIVE_NAMES
from prepub.gui.policy_source import load_effective_policy, policy_file, validate_policy_file
from prepub.gui.session import PostSession
from prepub.gui.settings import GuiSettings
from prepub.gui.style import pill_stylesheet

if TYPE_CHECKING:
    from prepub.gui.main_window import MainWindow


class SettingsDialog(QDialog):
    def __init__(self, session: PostSession, settings: GuiSettings,
                 parent: QWidget | None = None, *,
                 on_language: Callable[[str], None] | None = None,
                 on_registry: Callable[[str], None] | None = None) -> None:
        super().__init__(parent)
        self._on_language = on_language  # switches the running app to the chosen language
        self._on_registry = on_registry  # opens the registry at a changed address
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(620)
        self.session, self.settings = session, settings
        lay = QVBoxLayout(self)

        pol = QGroupBox(self.tr("Policy"))
        pl = QVBoxLayout(pol)
        row = QHBoxLayout()
        self.policy_path = QLineEdit(settings.policy_path)
        self.policy_path.setAccessibleName(self.tr("Policy file"))
        self.policy_path.setPlaceholderText(self.tr("Built-in policy (%1)").replace(
            "%1", policy_file(chosen="", language=session.ui_language).name))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        builtin = QPushButton(self.tr("Use built-in"))
        builtin.clicked.connect(self.policy_path.clear)
        row.addWidget(self.policy_path, 1)
        row.addWidget(browse)
        row.addWidget(builtin)
        pl.addLayout(row)
        self.policy_status = QLabel()
        self.policy_status.setObjectName("policyStatus")
        self.policy_status.setWordWrap(True)
        pl.addWidget(self.policy_status)
        lay.addWidget(pol)

        home = QGroupBox(self.tr("Home base (for the “no posts from an ongoing trip” rule)"))
        hf = QFormLayout(home)
        self.own_home = QCheckBox(self.tr("Use my own home base instead of the policy's"))
        hb = settings.home_base or {}
        org = session.policy.organisation
        self.home_name = QLineEdit(str(hb.get("home_name", org.home_name)))
        self.home_lat = self._coord(-90, 90, hb.get("home_lat", org.home_lat or 0.0))
        self.home_lon = self._coord(-180, 180, hb.get("home_lon", org.home_lon or 0.0))
        self.radius = QDoubleSpinBox()
        self.radius.setRange(1, 5000)
        self.radius.setSuffix(" km")
        self.radius.setValue(float(hb.get("home_radius_km", org.home_radius_km)))
        hf.addRow(self.own_home)
        hf.addRow(self.tr("Place:"), self.home_name)
        hf.addRow(self.tr("Latitude:"), self.home_lat)
        hf.addRow(self.tr("Longitude:"), self.home_lon)
        hf.addRow(self.tr("Counts as home within:"), self.radius)
        self.own_home.toggled.connect(self._home_enabled)
        self.own_home.setChecked(settings.home_base is not None)
        self._home_enabled(self.own_home.isChecked())
        lay.addWidget(home)

        ch = QGroupBox(self.tr("Channels ticked for a new post"))
        grid = QGridLayout(ch)
        chosen = settings.default_channels
        self.channels: dict[str, QCheckBox] = {}
        for i, (name, cfg) in enumerate(session.policy.channels.items()):
            box = QCheckBox(str(cfg.get("label", name)))
            box.setChecked(name in chosen if chosen is not None else name in session.draft.channels)
            self.channels[name] = box
            grid.addWidget(box, i // 4, i % 4)
        lay.addWidget(ch)

        lay.addWidget(self._registry_box())

        lang = QGroupBox(self.tr("Language"))
        lf = QFormLayout(lang)
        self.language = QComboBox()
        self.language.addItem(self.tr("As the system (%1)").replace("%1", NATIVE_NAMES.get(
            session.ui_language, session.ui_language)), "auto")
        for code in UI_LANGUAGES:
            self.language.addItem(NATIVE_NAMES[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.ui_language)))
        lf.addRow(self.tr("Language of the app:"), self.language)
        lay.addWidget(lang)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.policy_path.textChanged.connect(self._validate)
        self.registry_url.textChanged.connect(self._validate)
        self._validate()

    def _registry_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Consent registry"))
        rl = QVBoxLayout(box)
        self.registry_url = QLineEdit(self.settings.registry_url)
        self.registry_url.setObjectName("registryUrl")
        self.registry_url.setAccessibleName(self.tr("Team registry address"))
        self.registry_url.setPlaceholderText(self.tr("Empty: the personal registry on this "
                                                     "computer"))
        self.registry_url.setToolTip(self.tr("A team registry on PostgreSQL, e.g. "
                                             "postgresql://name@server/prepub?sslrootcert=CA-file. "
                                             "Store your password once with “prepub registry "
                                             "login”."))
        rl.addWidget(self.registry_url)
        self.registry_status = QLabel()
        self.registry_status.setObjectName("registryStatus")
        self.registry_status.setWordWrap(True)
        rl.addWidget(self.registry_status)
        return box

    def _registry_problem(self) -> str | None:
        """What is wrong with the registry address typed, in the UI language (None: nothing)."""
        code = check_registry_url(self.registry_url.text())
        if code is None:
            return None
        return {
            "password": self.tr("The address must not contain a password (it would be stored "
                                "as plain text). Store the password with “prepub registry "
                                "login”."),
            "database": self.tr("The address must name the database, e.g. "
                                "postgresql://name@server/prepub."),
        }.get(code, self.tr("Leave it empty for the personal registry on this computer, or give "
                            "a team registry's address: postgresql://name@server/prepub."))

    def _show_registry(self) -> bool:
        problem = self._registry_problem()
        services = self.session.services
        if problem is not None:
            text, state = problem, "blocked"
        elif services.registry_pinned:
            text, state = self.tr("This time Prepub uses the registry given when it was started "
                                  "(--registry %1); this address is used from the next start.")\
                .replace("%1", services.registry_url or ""), "attention"
        elif self.registry_url.text().strip():
            text, state = self.tr("A team registry: the password comes from the system keyring, "
                                  "or Prepub asks for it."), "ready"
        else:
            text, state = self.tr("The personal registry on this computer is used."), ""
        self.registry_status.setText(text)
        self.registry_status.setStyleSheet(pill_stylesheet(state).replace(
            "border-radius: 9px", "border-radius: 4px") if state else "")
        return problem is None

    def _coord(self, lo: float, hi: float, value: Any) -> QDoubleSpinBox:
        s = QDoubleSpinBox()
        s.setRange(lo, hi)
        s.setDecimals(4)
        s.setValue(float(value or 0.0))
        return s

    def _home_enabled(self, on: bool) -> None:
        for w in (self.home_name, self.home_lat, self.home_lon, self.radius):
            w.setEnabled(on)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The organisation's policy file"), "",
                                              self.tr("Policy files (*.toml)"))
        if path:
            self.policy_path.setText(path)

    def _validate(self) -> bool:
        registry_ok = self._show_registry()
        ok = self._validate_policy() and registry_ok
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        return ok

    def _validate_policy(self) -> bool:
        path = self.policy_path.text().strip()
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if not path:
            self.policy_status.setText(self.tr("The built-in policy is used."))
            self.policy_status.setStyleSheet("")
            ok_button.setEnabled(True)
            return True
        error = validate_policy_file(path)
        if error:
            self.policy_status.setText(self.tr("This policy file cannot be used: %1").replace("%1", error))
            self.policy_status.setStyleSheet(pill_stylesheet("blocked").replace("border-radius: 9px",
                                                                                "border-radius: 4px"))
            ok_button.setEnabled(False)
            return False
        self.policy_status.setText(self.tr("The policy file is valid."))
        self.policy_status.setStyleSheet(pill_stylesheet("ready").replace("border-radius: 9px",
                                                                          "border-radius: 4px"))
        ok_button.setEnabled(True)
        return True

    def accept(self) -> None:
        if not self._validate():
            return
        s = self.settings
        s.policy_path = self.policy_path.text().strip()
        s.home_base = ({"home_name": self.home_name.text().strip(), "home_lat": self.home_lat.value(),
                        "home_lon": self.home_lon.value(), "home_radius_km": self.radius.value()}
                       if self.own_home.isChecked() and self.home_name.text().strip() else None)
        s.default_channels = [n for n, b in self.channels.items() if b.isChecked()]
        s.ui_language = str(combo_data(self.language))
        registry_before = s.registry_url
        s.registry_url = self.registry_url.text()
        s.sync()
        if self._on_language is not None:
            self._on_language(s.ui_language)  # before the policy: the built-in one is per language
        policy, error = load_effective_policy(chosen=s.policy_path, language=self.session.ui_language,
                                              home_base=s.home_base)
        self.policy_error = error
        self.session.set_policy(policy)
        if s.registry_url != registry_before and self._on_registry is not None \
                and not self.session.services.registry_pinned:
            self._on_registry(s.registry_url)  # after the policy: the copy's age limit is its
        super().accept()


def open_settings(window: "MainWindow") -> SettingsDialog:
    dlg = SettingsDialog(window.session, window.settings, window,
                         on_language=window.change_language, on_registry=window.team.reopen)
    dlg.accepted.connect(lambda: window.notices.set_notice("policy", None))
    window.settings_dialog = dlg  # type: ignore[attr-defined]
    dlg.open()
    return dlg
