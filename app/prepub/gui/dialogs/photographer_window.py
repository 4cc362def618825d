"""Photographer mode: log consent at a shoot quickly — big fields, few clicks.

1. Start (or continue) a shoot: photographer, date, place, event.
2. For each person: name, "a child" (then the guardians' names), the channels, optionally face
   matching with one reference photo (stored only with that explicit consent), and the signed
   form or a note of a verbal consent. One button saves it all.
3. Export the consent sheet (one file) to hand to the communicator.

A person logged by mistake or misspelt is corrected (Edit…) or erased (Remove…, after a
confirmation: the registry's erase) in the list of this shoot. With a team registry, an entry
already sent is changed there (``photographer_sync.py``: never only on the laptop).

Enter in a field starts the shoot (page 1) or saves the person (page 2) once the form is
complete; Ctrl+W closes the window.

With a team registry whose server is away, entries go to the outbox on this laptop and are sent
when it is back (``photographer_sync.py``: the count waiting, Sync now, conflicts).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QStackedWidget, QVBoxLayout, QWidget)

from prepub.gui.dialogs import photographer_sync as entries
from prepub.gui.dialogs.photographer_sync import OUTBOX, NeedsServer, SyncBar, TeamTarget
from prepub.gui.dialogs.registry_forms import PersonDialog, channel_checkboxes, confirm_erase
from prepub.gui.i18n import LiveTexts
from prepub.gui.qtcompat import combo_data
from prepub.gui import registry_ops, text
from prepub.gui.services import Services
from prepub.gui.session import PostSession
from prepub.gui.settings import GuiSettings
from prepub.gui.style import pill_stylesheet

if TYPE_CHECKING:
    from prepub.gui.main_window import MainWindow
    from prepub.gui.team_link import TeamLink

SCALE = 1.3
PersonRole = Qt.ItemDataRole.UserRole + 1


class PhotographerWindow(TeamTarget, QWidget):
    def __init__(self, session: PostSession, settings: GuiSettings,
                 parent: QWidget | None = None, *, team: "TeamLink | None" = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("photographerWindow")
        self.session, self.settings, self.team = session, settings, team
        self._texts = LiveTexts()
        self._texts.bind(self.setWindowTitle, lambda: self.tr("Photographer mode — Prepub"))
        f = self.font()
        f.setPointSizeF(f.pointSizeF() * SCALE)
        self.setFont(f)
        self.resize(760, 700)
        self.shoot: Any = None
        self.shoots: list[Any] = []
        self.busy = 0
        self.encoding: Any = None
        self.last_sheet: Path | None = None
        lay = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        lay.addWidget(self.status)
        if team is not None:
            self.sync_bar = SyncBar(team, self)
            lay.addWidget(self.sync_bar)
            team.changed.connect(self._team_changed)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._shoot_page())
        self.pages.addWidget(self._person_page())
        lay.addWidget(self.pages, 1)
        close = QAction(self)
        self._texts.bind(close.setText, lambda: self.tr("Close"))
        close.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Close)
                           or [QKeySequence("Ctrl+W")])
        close.triggered.connect(self.close)
        self.addAction(close)
        for edit in (self.photographer, self.place, self.event):
            edit.returnPressed.connect(self._enter_on_shoot)
        for edit in (self.name, self.guardian1, self.guardian2, self.verbal):
            edit.returnPressed.connect(self._enter_on_person)
        self._load_shoots()
        self._team_changed()

    def _relation_labels(self) -> None:
        for i in range(self.relation.count()):
            self.relation.setItemText(i, text.relation_label(self.relation.itemData(i)))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_texts"):
            self._texts.retranslate()
            self._relation_labels()
            self.status.hide()  # a message already given would stay in the old language
            if self.shoot is not None:
                self._show_shoot_title()
                self._reload_logged()

    def _enter_on_shoot(self) -> None:
        if self.start_button.isEnabled():
            self.start_shoot()

    def _enter_on_person(self) -> None:
        """Enter saves the person when the form is complete (as the big button would)."""
        if self.save_button.isEnabled():
            self.save_person()

    # --- page 1: the shoot -----------------------------------------------------------------------

    def _shoot_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(self._heading(lambda: self.tr("1. The shoot")))
        form = QFormLayout()
        self.photographer = QLineEdit(self.settings.photographers[0] if self.settings.photographers else "")
        self._texts.bind(self.photographer.setPlaceholderText, lambda: self.tr("Your name"))
        self.shoot_date = QDateEdit(QDate.currentDate())
        self.shoot_date.setCalendarPopup(True)
        self.place = QLineEdit()
        self._texts.bind(self.place.setPlaceholderText, lambda: self.tr("e.g. Folkets park, Malmö"))
        self.event = QLineEdit()
        self._texts.bind(self.event.setPlaceholderText, lambda: self.tr("e.g. Spring party"))
        self._row(form, lambda: self.tr("Photographer:"), self.photographer)
        self._row(form, lambda: self.tr("Date:"), self.shoot_date)
        self._row(form, lambda: self.tr("Place:"), self.place)
        self._row(form, lambda: self.tr("Event:"), self.event)
        lay.addLayout(form)
        self.start_button = self._big(lambda: self.tr("Start the shoot"))
        self.start_button.clicked.connect(self.start_shoot)
        self.photographer.textChanged.connect(
            lambda t: self.start_button.setEnabled(bool(t.strip())))
        self.start_button.setEnabled(bool(self.photographer.text().strip()))
        lay.addWidget(self.start_button)
        lay.addSpacing(16)
        row = QHBoxLayout()
        self.earlier = QComboBox()
        self._texts.bind(self.earlier.setAccessibleName, lambda: self.tr("Earlier shoots"))
        row.addWidget(self.earlier, 1)
        self.continue_button = QPushButton()
        self._texts.bind(self.continue_button.setText, lambda: self.tr("Continue this shoot"))
        self.continue_button.clicked.connect(self._continue_shoot)
        row.addWidget(self.continue_button)
        lay.addWidget(self._texts.label(lambda: self.tr("…or continue an earlier shoot:")))
        lay.addLayout(row)
        lay.addStretch(1)
        return page

    def _row(self, form: QFormLayout, label: Callable[[], str], field: QWidget | QHBoxLayout) -> None:
        """A form row whose label follows the language and names its field (its buddy)."""
        text = self._texts.label(label)
        if isinstance(field, QWidget):
            text.setBuddy(field)
        form.addRow(text, field)

    def _heading(self, s: Callable[[], str] | None = None) -> QLabel:
        label = self._texts.label(s) if s is not None else QLabel()
        f = label.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.2)
        label.setFont(f)
        return label

    def _big(self, s: Callable[[], str]) -> QPushButton:
        b = QPushButton()
        self._texts.bind(b.setText, s)
        b.setMinimumHeight(48)
        f = b.font()
        f.setBold(True)
        b.setFont(f)
        return b

    # --- page 2: people --------------------------------------------------------------------------

    def _person_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.shoot_title = self._heading()
        lay.addWidget(self.shoot_title)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("photographerPersonName")
        self._texts.bind(self.name.setPlaceholderText, lambda: self.tr("First and last name"))
        self._row(form, lambda: self.tr("Name:"), self.name)
        self.child = QCheckBox()
        self._texts.bind(self.child.setText, lambda: self.tr("A child (under 18): a guardian signs"))
        form.addRow("", self.child)
        self.guardian1 = QLineEdit()
        self._texts.bind(self.guardian1.setPlaceholderText, lambda: self.tr("Guardian's name"))
        self._texts.bind(self.guardian1.setAccessibleName, lambda: self.tr("Guardian's name"))
        self.guardian2 = QLineEdit()
        self._texts.bind(self.guardian2.setPlaceholderText, lambda: self.tr("Second guardian (when both must sign)"))
        self._texts.bind(self.guardian2.setAccessibleName, lambda: self.tr("Second guardian"))
        self.guardian_hint = self._texts.label(lambda: self.tr("Under %1, every custodian must sign.").replace(
            "%1", str(self.session.policy.consent.all_custodians_under)))
        for w in (self.guardian1, self.guardian2, self.guardian_hint):
            form.addRow("", w)
            w.hide()
        self.child.toggled.connect(self._child_toggled)
        self.relation = QComboBox()
        for r in ("public", "member", "staff", "elected", "external"):
            self.relation.addItem(text.relation_label(r), r)
        self._row(form, lambda: self.tr("Who:"), self.relation)
        holder, self.channels = channel_checkboxes(self.session.policy)
        self._row(form, lambda: self.tr("May be shown on:"), holder)
        mrow = QHBoxLayout()
        self.matching = QCheckBox()
        self._texts.bind(self.matching.setText, lambda: self.tr("Agrees to face matching"))
        self._texts.bind(self.matching.setToolTip, lambda: self.tr("Biometric data: only with this explicit consent is a "
                                         "reference photo stored, so Prepub can suggest the person "
                                         "in new photos."))
        self.photo_button = QPushButton()
        self._texts.bind(self.photo_button.setText, lambda: self.tr("Reference photo…"))
        self.photo_button.setEnabled(False)
        self.photo_button.clicked.connect(self._choose_photo)
        self.matching.toggled.connect(self._matching_toggled)
        self.photo_label = QLabel()
        mrow.addWidget(self.matching)
        mrow.addWidget(self.photo_button)
        mrow.addWidget(self.photo_label, 1)
        self._row(form, lambda: self.tr("Matching:"), mrow)
        erow = QHBoxLayout()
        self.form_button = QPushButton()
        self._texts.bind(self.form_button.setText, lambda: self.tr("Signed form…"))
        self.form_button.clicked.connect(self._choose_form)
        self.form_path = QLineEdit()
        self.form_path.setReadOnly(True)
        self._texts.bind(self.form_path.setPlaceholderText, lambda: self.tr("no form chosen"))
        self._texts.bind(self.form_path.setAccessibleName, lambda: self.tr("Signed form"))
        erow.addWidget(self.form_button)
        erow.addWidget(self.form_path, 1)
        self._row(form, lambda: self.tr("Evidence:"), erow)
        self.verbal = QLineEdit()
        self._texts.bind(self.verbal.setPlaceholderText, lambda: self.tr("…or note a verbal consent (who heard it, when)"))
        self._texts.bind(self.verbal.setAccessibleName, lambda: self.tr("Verbal consent"))
        form.addRow("", self.verbal)
        lay.addLayout(form)
        self.save_button = self._big(lambda: self.tr("Save person"))
        self.save_button.setObjectName("photographerSave")
        self.save_button.clicked.connect(self.save_person)
        lay.addWidget(self.save_button)
        for w in (self.name, self.guardian1, self.form_path, self.verbal):
            w.textChanged.connect(self._check)
        for b in (*self.channels.values(), self.child):
            b.toggled.connect(self._check)
        lay.addWidget(self._texts.label(lambda: self.tr("Logged at this shoot:")))
        self.logged = QListWidget()
        self._texts.bind(self.logged.setAccessibleName, lambda: self.tr("Logged at this shoot"))
        self.logged.currentRowChanged.connect(lambda _row: self._update_entry_buttons())
        lay.addWidget(self.logged, 1)
        erow = QHBoxLayout()
        self.edit_button = QPushButton()
        self._texts.bind(self.edit_button.setText, lambda: self.tr("Edit…"))
        self._texts.bind(self.edit_button.setAccessibleName, lambda: self.tr("Edit the selected person"))
        self.edit_button.clicked.connect(lambda _c=False: self.edit_entry())
        self.remove_button = QPushButton()
        self._texts.bind(self.remove_button.setText, lambda: self.tr("Remove…"))
        self._texts.bind(self.remove_button.setAccessibleName, lambda: self.tr("Remove the selected person from the registry"))
        self.remove_button.clicked.connect(lambda _c=False: self.remove_entry())
        erow.addWidget(self.edit_button)
        erow.addWidget(self.remove_button)
        erow.addStretch(1)
        lay.addLayout(erow)
        self._update_entry_buttons()
        self.export_button = self._big(lambda: self.tr("Export consent sheet…"))
        self.export_button.clicked.connect(self.export_sheet_dialog)
        lay.addWidget(self.export_button)
        self._check()
        return page

    def _child_toggled(self, on: bool) -> None:
        for w in (self.guardian1, self.guardian2, self.guardian_hint):
            w.setVisible(on)
        self._check()

    def _matching_toggled(self, on: bool) -> None:
        self.photo_button.setEnabled(on)
        if not on:
            self.encoding = None
            self.photo_label.clear()

    def _check(self) -> None:
        if hasattr(self, "edit_button"):
            self._update_entry_buttons()
        ok = (bool(self.name.text().strip()) and any(b.isChecked() for b in self.channels.values())
              and bool(self.form_path.text().strip() or self.verbal.text().strip())
              and (not self.child.isChecked() or bool(self.guardian1.text().strip())))
        self.save_button.setEnabled(ok and self.busy == 0)

    # --- registry work ---------------------------------------------------------------------------

    def _run(self, fn: Any, done: Any, *args: Any, pool: str = "write", with_registry: bool = True,
             failed: Any = None, explain: Any = None, **kwargs: Any) -> None:
        """``fn(registry, *args, **kwargs)`` in the background, then ``done(result)``; an error is
        shown (``explain(error)``: its own words for it, or None), then ``failed()``."""
        missing = self._registry_missing() if with_registry else None
        if missing is not None:
            self._say(self.tr("The consent registry is not available: %1").replace("%1", missing),
                      "blocked")
            return
        self.busy += 1
        self._check()

        def finished(result: Any, error: BaseException | None) -> None:
            self.busy -= 1
            self._check()
            if error is not None:
                said = explain(error) if explain is not None else None
                self._say(said or self.tr("That did not work: %1").replace(
                    "%1", text.error_text(error)), "blocked")
                if failed is not None:
                    failed()
                return
            done(result)

        a = (self._registry(), *args) if with_registry else args
        self.session.runner.run_in_background(fn, finished, pool=pool, name="photographer",
                                              args=a, kwargs=kwargs)

    def _say(self, message: str, state: str = "ready") -> None:
        self.status.setText(message)
        self.status.setStyleSheet(pill_stylesheet(state).replace("border-radius: 9px", "border-radius: 4px"))
        self.status.show()

    def _load_shoots(self) -> None:
        self._shoots_from = self._registry()
        if self._shoots_from is None:
            return
        self._run(lambda reg: reg.list_shoots(), self._shoots_loaded)

    def _shoots_loaded(self, shoots: list[Any]) -> None:
        self.shoots = shoots
        self.earlier.clear()
        for s in shoots:
            self.earlier.addItem(f"{s.date.isoformat()} · {s.event or s.place} · {s.photographer}", s.id)
        self.continue_button.setEnabled(bool(shoots))

    def start_shoot(self) -> None:
        q = self.shoot_date.date()
        self.settings.remember_photographer(self.photographer.text())
        self._run(lambda reg, **v: reg.add_shoot(**v), self._shoot_started,
                  photographer=self.photographer.text().strip(), date=date(q.year(), q.month(), q.day()),
                  place=self.place.text().strip(), event=self.event.text().strip())

    def _continue_shoot(self) -> None:
        sid = combo_data(self.earlier)
        shoot = next((s for s in self.shoots if s.id == sid), None)
        if shoot is not None:
            self._shoot_started(shoot)

    def _shoot_started(self, shoot: Any) -> None:
        self.shoot, self._home = shoot, self._home_of_new_shoot()
        self._show_shoot_title()
        self.pages.setCurrentIndex(1)
        self.name.setFocus()
        self._reload_logged()

    def _show_shoot_title(self) -> None:
        shoot = self.shoot
        self.shoot_title.setText(self.tr("2. People at %1").replace(
            "%1", " · ".join(x for x in (shoot.event, shoot.place, shoot.date.isoformat(),
                                         shoot.photographer) if x)))

    def _reload_logged(self) -> None:
        if self.shoot is not None:
            self._run(lambda reg, sid: [(reg.get_person(c.person_id), c)
                                        for c in reg.consents_for_shoot(sid)],
                      self._logged_loaded, self.shoot.id)

    def _logged_loaded(self, rows: list[tuple[Any, Any]]) -> None:
        """The shoot's people, in the order they were logged (an edited entry keeps its place)."""
        shown = {self.logged.item(i).data(PersonRole): i for i in range(self.logged.count())}
        current = self._selected_person()
        rows = sorted(rows, key=lambda pc: (shown.get(pc[0].id, len(shown)), pc[1].created_at))
        self.logged.clear()
        for person, c in rows:
            if not getattr(person, "erased", False):
                self._add_logged(person, c)
                if person.id == current:
                    self.logged.setCurrentRow(self.logged.count() - 1)
        self._update_entry_buttons()

    def _add_logged(self, person: Any, consent: Any) -> None:
        item = QListWidgetItem(f"{person.name} — "
                               f"{text.channel_list(self.session.policy, consent.channels)}")
        item.setData(PersonRole, person.id)
        self.logged.addItem(item)

    def _update_entry_buttons(self) -> None:
        on = self.logged.currentItem() is not None and self.busy == 0 \
            and not (self.team is not None and self.team.syncing)  # (an entry may be on its way)
        self.edit_button.setEnabled(on)
        self.remove_button.setEnabled(on)

    def _selected_person(self) -> str | None:
        item = self.logged.currentItem()
        return item.data(PersonRole) if item is not None else None

    def edit_entry(self) -> None:
        """Correct the selected person (a misspelt name, "a child", the relation) where it
        counts: the team registry once it has them (``photographer_sync``)."""
        item = self.logged.currentItem()
        pid = self._selected_person()
        if item is None or pid is None:
            return
        name = item.text().split(" — ")[0]
        self._run(entries.load_entry, self._edit_loaded, pid, explain=self._why_not(name, False),
                  **self._entry_places())

    def _edit_loaded(self, person: Any) -> None:
        dlg = PersonDialog(self, person=person)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        changed = {k: v for k, v in dlg.values().items() if getattr(person, k, v) != v}
        self._run(entries.update_entry, self._entry_changed, person.id, changed,
                  explain=self._why_not(person.name, False), **self._entry_places())

    def remove_entry(self) -> None:
        """Erase the selected person (the registry window's erase), after asking: from the team
        registry once it has them, else only from this laptop, where they were waiting to be
        sent (``photographer_sync``)."""
        item = self.logged.currentItem()
        pid = self._selected_person()
        if item is None or pid is None:
            return
        name = item.text().split(" — ")[0]
        if not confirm_erase(self, name):
            return
        self._run(entries.erase_entry, lambda where: self._erased(name, where), pid,
                  actor=Services.user_name() or None, explain=self._why_not(name, True),
                  **self._entry_places())

    def _erased(self, name: str, where: str) -> None:
        if where == OUTBOX:
            self._say(self.tr("%1 was erased from this laptop. They had not been sent to the team "
                              "registry yet, and now never will be.").replace("%1", name))
        else:
            self._say(self.tr("%1 was erased from the registry.").replace("%1", name))
        self._entry_changed()

    def _why_not(self, name: str, erase: bool) -> Any:
        """The words for a change the team registry cannot take now (its server is away) or
        does not allow (this login's role), else None (the error as it is)."""
        def explain(error: BaseException) -> str | None:
            if isinstance(error, NeedsServer):
                said = (self.tr("%1 is already in the team registry: erasing them needs its "
                                "server. Try again when it answers.") if erase else
                        self.tr("%1 is already in the team registry: changing them needs its "
                                "server. Try again when it answers."))
            elif type(error).__name__ == "NotAllowedError":
                said = (self.tr("%1 is in the team registry, and your role there does not allow "
                                "erasing people: ask an admin of the team registry to erase "
                                "them.") if erase else
                        self.tr("%1 is in the team registry, and your role there does not allow "
                                "changing people: ask an admin of the team registry to correct "
                                "them."))
            else:
                return None
            return said.replace("%1", name)
        return explain

    def _entry_changed(self, *_a: Any) -> None:
        self._reload_logged()
        self.session.refresh_people()
        if self.team is not None and self.team.outbox is not None:
            self.team.count_outbox()

    def _choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("A reference photo of this person"), "",
                                              self.tr("Photos (*.jpg *.jpeg *.png *.heic *.webp)"))
        if path:
            self.use_reference_photo(path)

    def use_reference_photo(self, path: str) -> None:
        self.photo_label.setText(self.tr("Reading the face…"))
        self.encoding = None

        def done(enc: Any) -> None:
            self.encoding = enc
            self.photo_label.setText(Path(path).name)

        # found and encoded in the helper process: no model loads in the window's process
        self._run(registry_ops.reference_encoding, done, path, with_registry=False,
                  failed=self.photo_label.clear)

    def _choose_form(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The signed consent form"))
        if path:
            self.form_path.setText(path)

    def save_person(self) -> None:
        if self.shoot is None:
            return
        new = registry_ops.NewPerson(
            name=self.name.text().strip(), relation=combo_data(self.relation),
            is_minor=self.child.isChecked(), birth_year=None,
            guardians=[g.text() for g in (self.guardian1, self.guardian2)] if self.child.isChecked() else [],
            channels=[n for n, b in self.channels.items() if b.isChecked()],
            purpose=self.tr("Photos from %1 in our channels").replace("%1", self.shoot.event or self.shoot.place or self.tr("the shoot")),
            given_on=self.shoot.date, expires_on=None,
            matching_consent=self.matching.isChecked() and self.encoding is not None,
            reference_encoding=self.encoding, evidence_file=self.form_path.text().strip() or None,
            verbal_note=self.verbal.text().strip() or None,
            logged_by=self.shoot.photographer, shoot_id=self.shoot.id)
        self._run(registry_ops.add_person_with_consent, self._saved, new)

    def _saved(self, result: tuple[Any, Any]) -> None:
        person, consent = result
        self._add_logged(person, consent)
        self._say(self.tr("%1 is saved. Next person!").replace("%1", person.name))
        for w in (self.name, self.guardian1, self.guardian2, self.form_path, self.verbal):
            w.clear()
        self.child.setChecked(False)
        self.matching.setChecked(False)
        self.name.setFocus()
        self.session.refresh_people()
        if self.team is not None and self._home == OUTBOX:
            self.team.count_outbox()
            self.team.push_outbox()  # connected again, the shoot not sent yet: now

    def export_sheet_dialog(self) -> None:
        if self.shoot is None:
            return
        suffix = ".prepub-consent.zip"
        start = str(Path.home() / f"{self.shoot.date.isoformat()}-{self.shoot.event or 'shoot'}{suffix}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the consent sheet"), start,
                                              self.tr("Consent sheets (*.prepub-consent.zip)"))
        if path:
            self.export_sheet(path)

    def export_sheet(self, path: str) -> None:
        self._run(registry_ops.export_sheet, self._exported, shoot_id=self.shoot.id, out_path=path,
                  actor=Services.user_name())

    def _exported(self, path: Path) -> None:
        self.last_sheet = path
        self._say(self.tr("The consent sheet is saved: %1. Give this one file to the communicator.")
                  .replace("%1", str(path)))


def open_photographer_window(window: "MainWindow") -> PhotographerWindow:
    existing = getattr(window, "photographer_window", None)
    if existing is None:
        existing = PhotographerWindow(window.session, window.settings, window, team=window.team)
        window.photographer_window = existing  # type: ignore[attr-defined]
    existing.show()
    existing.raise_()
    existing.activateWindow()
    return existing
