"""The consent registry window: people (searchable) with the state of their consents, and for the
selected person their guardians and consents; add, withdraw, erase, and import a photographer's
consent sheet.

Every registry call runs on the one-thread ``write`` pool (so reads see earlier writes); the
window never waits for the database. Esc or Ctrl+W closes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QFileDialog, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from prepub.gui import registry_ops, text
from prepub.gui.dialogs.registry_forms import (ConsentDialog, GuardianDialog, PersonDialog,
                                               WithdrawDialog, confirm_erase)
from prepub.gui.services import Services
from prepub.gui.session import PostSession
from prepub.gui.style import pill_stylesheet

if TYPE_CHECKING:
    from prepub.gui.main_window import MainWindow

PersonIdRole = Qt.ItemDataRole.UserRole + 1


def _on_click(button: QPushButton, slot: Callable[[], None]) -> None:
    """Call ``slot()`` with no arguments when ``button`` is clicked.

    ``clicked`` carries a ``checked`` flag, and PySide passes it to the first positional
    parameter the slot has: connected directly, ``withdraw_selected(reason=None)`` received
    ``False`` as the reason ("'bool' object has no attribute 'strip'")."""
    button.clicked.connect(lambda _checked=False: slot())


class RegistryWindow(QWidget):
    """A separate top-level window; changes refresh the main window's people and findings."""

    def __init__(self, session: PostSession, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("registryWindow")
        self.session = session
        self.resize(1100, 660)
        self.rows: list[registry_ops.PersonRow] = []
        self.person: Any = None
        self.guardians: list[Any] = []
        self.consents: list[registry_ops.ConsentRow] = []
        self.references = 0  # face references of the selected person
        self.busy = 0
        self._build()
        close = self.close_action = QAction(self)
        close.setShortcuts([*(QKeySequence.keyBindings(QKeySequence.StandardKey.Close)
                              or [QKeySequence("Ctrl+W")]), QKeySequence("Esc")])
        close.triggered.connect(self.close)
        self.addAction(close)
        self.retranslate()
        self.reload()

    # --- layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill_people)
        top.addWidget(self.search, 1)
        self.add_person_button = QPushButton()
        _on_click(self.add_person_button, self.add_person)
        self.import_button = QPushButton()
        _on_click(self.import_button, self.import_sheet_dialog)
        top.addWidget(self.add_person_button)
        top.addWidget(self.import_button)
        lay.addLayout(top)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.people = QListWidget()
        self.people.setObjectName("registryPeople")
        self.people.currentItemChanged.connect(self._person_selected)
        split.addWidget(self.people)
        detail = QWidget()
        dl = QVBoxLayout(detail)
        self.title = QLabel()
        f = self.title.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.2)
        self.title.setFont(f)
        dl.addWidget(self.title)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        dl.addWidget(self.facts)
        row = QHBoxLayout()
        self.guardians_label = QLabel()
        self.guardians_label.setWordWrap(True)
        row.addWidget(self.guardians_label, 1)
        self.add_guardian_button = QPushButton()
        _on_click(self.add_guardian_button, self.add_guardian)
        row.addWidget(self.add_guardian_button)
        dl.addLayout(row)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("consentTable")
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        dl.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_consent_button = QPushButton()
        _on_click(self.add_consent_button, self.add_consent)
        self.withdraw_button = QPushButton()
        _on_click(self.withdraw_button, self.withdraw_selected)
        self.edit_button = QPushButton()
        _on_click(self.edit_button, self.edit_person)
        self.reference_button = QPushButton()
        _on_click(self.reference_button, self.add_reference_photo_dialog)
        self.delete_button = QPushButton()
        _on_click(self.delete_button, self.delete_person)
        for b in (self.add_consent_button, self.withdraw_button, self.edit_button,
                  self.reference_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        dl.addLayout(buttons)
        split.addWidget(detail)
        split.setSizes([330, 770])
        lay.addWidget(split, 1)
        self._update_buttons()

    def retranslate(self) -> None:
        """Every fixed text of the window, again after a language change in Settings."""
        self.setWindowTitle(self.tr("Consent registry — Prepub"))
        self.close_action.setText(self.tr("Close"))
        self.search.setPlaceholderText(self.tr("Search people…"))
        self.search.setAccessibleName(self.tr("Search people"))
        self.add_person_button.setText(self.tr("Add person…"))
        self.import_button.setText(self.tr("Import consent sheet…"))
        self.people.setAccessibleName(self.tr("People in the registry"))
        self.add_guardian_button.setText(self.tr("Add guardian…"))
        self.table.setAccessibleName(self.tr("Consents of the selected person"))
        self.table.setHorizontalHeaderLabels([self.tr("State"), self.tr("Channels"),
                                              self.tr("Given"), self.tr("Expires"),
                                              self.tr("Signed by"), self.tr("Evidence")])
        self.add_consent_button.setText(self.tr("Add consent…"))
        self.withdraw_button.setText(self.tr("Withdraw consent…"))
        self.edit_button.setText(self.tr("Edit person…"))
        self.reference_button.setText(self.tr("Reference photo…"))
        self.reference_button.setToolTip(self.tr("A photo of this person's face, so Prepub can "
                                                 "suggest them in new photos (only with their "
                                                 "consent to face matching)"))
        self.delete_button.setText(self.tr("Delete person…"))
        if self.person is None:
            self.title.setText(self.tr("Select a person"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "delete_button"):
            self.retranslate()
            self.status.clear()  # a message already given would stay in the old language
            self.status.setStyleSheet("")
            self._fill_people()  # relations, states and the person's facts in the new language

    # --- running registry work -----------------------------------------------------------------

    @property
    def registry(self) -> Any:
        return self.session.registry

    def _run(self, fn: Callable[..., Any], done: Callable[[Any], None], *args: Any,
             **kwargs: Any) -> None:
        if self.registry is None:
            self._say(self.tr("The consent registry is not available: %1")
                      .replace("%1", self.session.registry_error or self.tr("it is still opening")),
                      "blocked")
            return
        self.busy += 1

        def finished(result: Any, error: BaseException | None) -> None:
            self.busy -= 1
            if error is not None:
                self._say(self.tr("That did not work: %1").replace("%1", text.error_text(error)),
                          "blocked")
                return
            done(result)

        self.session.runner.run_in_background(fn, finished, pool="write", name="registry",
                                              args=(self.registry, *args), kwargs=kwargs)

    def _say(self, message: str, state: str = "ready") -> None:
        self.status.setText(message)
        self.status.setStyleSheet(pill_stylesheet(state).replace("border-radius: 9px",
                                                                 "border-radius: 4px"))

    def reload(self) -> None:
        self._run(registry_ops.people_overview, self._people_loaded, policy=self.session.policy,
                  today=self.session.services.today())

    def _changed(self) -> None:
        """After a write: reload here and in the main window (people and findings)."""
        self.reload()
        self.session.refresh_people()

    # --- people ----------------------------------------------------------------------------------

    def _people_loaded(self, rows: list[registry_ops.PersonRow]) -> None:
        self.rows = rows
        self._fill_people()

    def _fill_people(self) -> None:
        keep = self.person.id if self.person is not None else None
        q = self.search.text().strip().casefold()
        self.people.blockSignals(True)
        self.people.clear()
        for r in self.rows:
            if q and q not in r.person.name.casefold():
                continue
            item = QListWidgetItem(f"{r.person.name}\n{text.relation_label(r.person.relation)} · "
                                   f"{text.person_state_label(r.state)}")
            item.setData(PersonIdRole, r.person.id)
            self.people.addItem(item)
            if r.person.id == keep:
                self.people.setCurrentItem(item)
        self.people.blockSignals(False)
        if keep is not None:
            self.show_person(keep)
        if not self.rows:
            self.title.setText(self.tr("The registry is empty. Add a person or import a "
                                       "photographer's consent sheet."))
        elif keep is None:
            self.title.setText(self.tr("Select a person"))

    def _person_selected(self, item: QListWidgetItem | None, _prev: Any = None) -> None:
        if item is not None:
            self.show_person(item.data(PersonIdRole))

    def select_person(self, person_id: str) -> None:
        for i in range(self.people.count()):
            if self.people.item(i).data(PersonIdRole) == person_id:
                self.people.setCurrentRow(i)
                return

    def show_person(self, person_id: str) -> None:
        self._run(registry_ops.person_details, self._details_loaded, person_id,
                  today=self.session.services.today())

    def _details_loaded(self, result: tuple[Any, list[Any], list[registry_ops.ConsentRow], int]
                        ) -> None:
        self.person, self.guardians, self.consents, self.references = result
        p = self.person
        self.title.setText(p.name)
        facts = [text.relation_label(p.relation)]
        if p.birth_year:
            facts.append(self.tr("born %1").replace("%1", str(p.birth_year)))
        if p.is_minor:
            facts.append(self.tr("child"))
        elif p.is_minor is False and not p.birth_year:
            facts.append(self.tr("adult (confirmed from a photo)"))
        if p.protected_identity:
            facts.append(self.tr("protected identity: never published identifiably"))
        facts.append(self.tr("agreed to face matching") if p.matching_consent
                     else self.tr("no face matching"))
        if p.matching_consent:
            facts.append(self.tr("%n reference photo(s)", "", self.references))
        self.facts.setText(" · ".join(facts))
        self.guardians_label.setText(
            self.tr("Guardians: %1").replace("%1", ", ".join(g.name for g in self.guardians))
            if self.guardians else self.tr("No guardians registered."))
        self.table.setRowCount(len(self.consents))
        for i, row in enumerate(self.consents):
            c = row.consent
            state = QTableWidgetItem(text.person_state_label(row.state))
            state.setData(Qt.ItemDataRole.UserRole, c.id)
            cells = [state, QTableWidgetItem(text.channel_list(self.session.policy, c.channels)),
                     QTableWidgetItem(c.given_on.isoformat()),
                     QTableWidgetItem(c.expires_on.isoformat() if c.expires_on else self.tr("until withdrawn")),
                     QTableWidgetItem(", ".join(row.signers)),
                     QTableWidgetItem(c.evidence_filename or (self.tr("verbal: %1").replace("%1", c.verbal_note)
                                                              if c.verbal_note else "–"))]
            if c.withdrawn:
                cells[0].setToolTip(self.tr("Withdrawn %1: %2").replace("%1", c.withdrawn_at.date().isoformat())
                                    .replace("%2", c.withdrawal_reason or "–"))
            for j, cell in enumerate(cells):
                self.table.setItem(i, j, cell)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.person is not None
        for b in (self.add_consent_button, self.edit_button, self.delete_button):
            b.setEnabled(has)
        self.reference_button.setEnabled(has and bool(self.person.matching_consent))
        self.add_guardian_button.setEnabled(has)
        row = self.selected_consent()
        self.withdraw_button.setEnabled(row is not None and not row.consent.withdrawn)

    def selected_consent(self) -> registry_ops.ConsentRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        cid = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((r for r in self.consents if r.consent.id == cid), None)

    # --- actions ---------------------------------------------------------------------------------

    def add_person(self) -> None:
        dlg = PersonDialog(self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        self._run(lambda reg, **v: reg.add_person(**v), self._added, **dlg.values())

    def _added(self, person: Any) -> None:
        self.person = person
        self._say(self.tr("%1 was added. Now add their consent.").replace("%1", person.name))
        self._changed()

    def edit_person(self) -> None:
        if self.person is None:
            return
        dlg = PersonDialog(self, person=self.person)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        pid = self.person.id
        self._run(lambda reg, **v: reg.update_person(pid, **v), lambda _p: self._changed(),
                  **dlg.values())

    def add_reference_photo_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("A reference photo of this person"), "",
                                              self.tr("Photos (*.jpg *.jpeg *.png *.heic *.webp)"))
        if path:
            self.add_reference_photo(path)

    def add_reference_photo(self, path: str) -> None:
        """Store the face in ``path`` as the selected person's reference. The face is found
        and encoded in the helper process: no model loads in the window's process."""
        if self.person is None:
            return
        pid, name = self.person.id, self.person.name
        self._say(self.tr("Reading the face…"))
        self._run(registry_ops.add_reference_photo,
                  lambda n: (self._say(self.tr("A reference photo of %1 is stored.")
                                       .replace("%1", name)), self._changed()),
                  pid, path, actor=Services.user_name())

    def add_guardian(self) -> None:
        if self.person is None:
            return
        dlg = GuardianDialog(self.person.name, self)
        if dlg.exec() != QDialog.DialogCode.Accepted or not dlg.values()["name"]:
            return
        pid = self.person.id
        self._run(lambda reg, **v: reg.add_guardian(child_id=pid, **v), lambda _g: self._changed(),
                  **dlg.values())

    def add_consent(self) -> None:
        if self.person is None:
            return
        dlg = ConsentDialog(policy=self.session.policy, person_name=self.person.name,
                            is_minor=bool(self.person.is_minor), guardians=self.guardians,
                            logged_by=Services.user_name(), parent=self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        pid = self.person.id
        self._run(lambda reg, **v: reg.add_consent(person_id=pid, **v),
                  lambda _c: (self._say(self.tr("The consent was saved.")), self._changed()),
                  **dlg.values())

    def withdraw_selected(self, *, reason: str | None = None) -> None:
        """Withdraw the selected consent; without ``reason`` the reason dialog asks for one."""
        row = self.selected_consent()
        if row is None:
            return
        if reason is None:
            dlg = WithdrawDialog(self.tr("%1: %2, given %3").replace("%1", self.person.name)
                                 .replace("%2", text.channel_list(self.session.policy, row.consent.channels))
                                 .replace("%3", row.consent.given_on.isoformat()), self)
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return
            reason = dlg.values()["reason"]
        self._run(registry_ops.withdraw, self._withdrawn, row.consent.id, reason=reason,
                  actor=Services.user_name())

    def _withdrawn(self, exports: list[Any]) -> None:
        if exports:
            lines = "\n".join(f"• {e.at.date().isoformat()}: {e.bundle_path}" for e in exports)
            self._say(self.tr("The consent was withdrawn. It was used in these earlier exports; "
                              "take the posts down where they are published:") + "\n" + lines,
                      "attention")
        else:
            self._say(self.tr("The consent was withdrawn. No earlier export used it."))
        self.last_withdrawal_exports = exports
        self._changed()

    def delete_person(self, *, confirmed: bool = False) -> None:
        if self.person is None:
            return
        if not confirmed and not confirm_erase(self, self.person.name):
            return
        pid, name = self.person.id, self.person.name
        self.person = None

        def done(_r: Any) -> None:
            self._say(self.tr("%1 was erased from the registry.").replace("%1", name))
            self.title.setText(self.tr("Select a person"))
            self.table.setRowCount(0)
            self._changed()

        self._run(lambda reg: reg.delete_person(pid, actor=Services.user_name() or None), done)

    def import_sheet_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a consent sheet"), "",
                                              self.tr("Consent sheets (*.prepub-consent.zip *.zip)"))
        if path:
            self.import_sheet(path)

    def import_sheet(self, path: str) -> None:
        self._run(registry_ops.import_sheet, self._imported, path, actor=Services.user_name())

    def _imported(self, summary: registry_ops.SheetImport) -> None:
        result = self.last_import = summary.result
        self.last_import_summary = summary
        if summary.anything:
            parts = [text for n, text in (
                (summary.people, self.tr("%n person(s)", "", summary.people)),
                (summary.consents, self.tr("%n consent(s)", "", summary.consents)),
                (summary.guardians, self.tr("%n guardian(s)", "", summary.guardians)),
                (summary.references, self.tr("%n reference photo(s)", "", summary.references)))
                if n]
            msg = self.tr("Consent sheet imported: %1 added.").replace("%1", ", ".join(parts))
        else:
            msg = self.tr("Consent sheet imported: nothing new, everything in it was already "
                          "in the registry.")
        if result.withdrawals_applied:
            msg += " " + self.tr("%n consent(s) withdrawn as the sheet says.", "",
                                 result.withdrawals_applied)
        if result.skipped_withdrawn:
            msg += " " + self.tr("%n consent(s) were not applied because a later withdrawal "
                                 "here stands.", "", result.skipped_withdrawn)
        if result.conflicts:
            msg += "\n" + self.tr("%n thing(s) to check:", "", len(result.conflicts)) + "\n" \
                + "\n".join(f"• {self._conflict_text(c)}" for c in result.conflicts)
        self._say(msg, "attention" if result.conflicts else "ready")
        self._changed()

    def _conflict_text(self, c: Any) -> str:
        if c.kind == "person_differs":
            return self.tr("%1 differs for a person (here “%2”, in the sheet “%3”); the local value "
                           "was kept.").replace("%1", str(c.field)).replace("%2", str(c.local)) \
                .replace("%3", str(c.incoming))
        if c.kind == "person_erased":
            return self.tr("A person in the sheet was erased here and was not imported again.")
        if c.kind == "possible_duplicate":
            return self.tr("“%1” in the sheet has the same name as someone here: check whether they "
                           "are the same person.").replace("%1", str(c.incoming or c.entity_id))
        if c.kind == "consent_differs":
            return self.tr("A consent differs (%1); the local record was kept.").replace("%1", str(c.field))
        return c.describe()


def open_registry_window(window: "MainWindow") -> RegistryWindow:
    existing = getattr(window, "registry_window", None)
    if existing is None:
        existing = RegistryWindow(window.session, window)
        window.registry_window = existing  # type: ignore[attr-defined]
    else:
        existing.reload()
    existing.show()
    existing.raise_()
    existing.activateWindow()
    return existing
