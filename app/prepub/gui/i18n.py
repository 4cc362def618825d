"""The UI language: choosing it and loading Qt translations (ours and Qt's own dialogs).

English is the source language in the code; Swedish and Danish ship as compiled ``.qm`` files in
``resources/translations`` (made with ``pyside6-lupdate`` / ``pyside6-lrelease``), and English
ships its plural forms only (``prepub_en``: "1 photo", "2 photos" for the code's "%n photo(s)"). The choice is:
the language set in Settings, else ``PREPUB_LANG``, else the system locale (Swedish or Danish when
the system says so), else English. A language chosen in Settings applies at once
(:func:`switch_language`): the open windows retranslate themselves.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QLabel

from prepub.core.languages import NATIVE_NAMES, UI_LANGUAGES as LANGUAGES  # noqa: F401 - re-exported


def choose_language(setting: str, *, system: QLocale | None = None) -> str:
    if setting in LANGUAGES:
        return setting
    env = (os.environ.get("PREPUB_LANG") or "")[:2].lower()
    if env in LANGUAGES:
        return env
    loc = system or QLocale.system()
    code = loc.name()[:2].lower()
    if code in ("nb", "no", "nn"):
        return "da"  # written Norwegian (bokmål) is closest to Danish
    return code if code in LANGUAGES else "en"


def translations_dir() -> Path:
    from prepub.core.resources import resource

    return resource("translations")


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Prepub's and Qt's translations for ``language``; returns them (keep a reference)."""
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(f"prepub_{language}", str(translations_dir())):
        app.installTranslator(ours)
        installed.append(ours)
    if language == "en":  # the source language: only its plural forms come from a file
        _set_locale(language)
        return installed
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    _set_locale(language)
    return installed


def _set_locale(language: str) -> None:
    QLocale.setDefault(QLocale({"sv": QLocale.Language.Swedish,
                                "da": QLocale.Language.Danish}.get(language, QLocale.Language.English)))


def switch_language(app: QCoreApplication, language: str) -> None:
    """Use ``language`` from now on, in the running app: the translators are swapped, and Qt
    sends every widget a ``LanguageChange`` event, on which each retranslates itself
    (``changeEvent`` → ``retranslate()``, Qt's retranslateUi pattern)."""
    for old in getattr(app, "_prepub_translators", []):
        app.removeTranslator(old)
    app._prepub_translators = install_translators(app, language)  # type: ignore[attr-defined]


class LiveTexts:
    """The fixed texts of a window, each set again when the language changes.

    ``bind(setter, text)`` calls ``setter(text())`` now and again on :meth:`retranslate`; ``text``
    is a lambda around ``self.tr("…")`` so that lupdate still finds the source string. A window
    calls :meth:`retranslate` from its ``changeEvent`` on ``QEvent.LanguageChange``."""

    def __init__(self) -> None:
        self._bound: list[tuple[Callable[[str], object], Callable[[], str]]] = []

    def bind(self, setter: Callable[[str], object], text: Callable[[], str]) -> None:
        setter(text())
        self._bound.append((setter, text))

    def label(self, text: Callable[[], str]) -> QLabel:
        label = QLabel()
        self.bind(label.setText, text)
        return label

    def retranslate(self) -> None:
        for setter, text in self._bound:
            setter(text())
