"""The popup that opens on a face in the preview: who is this, or how is it handled on export.

Choices: a person from the consent registry (a matched suggestion first, with its distance, when
the policy switches matching on), "not identifiable", or "blur on export"; for a possible minor
also "I have checked: this is an adult". The choice is stored in the draft through the session.

Keys: type to search the registry, Enter picks the first match (Down moves into the list, Enter
there picks that person), Esc closes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QCheckBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from prepub.gui import services, text
from prepub.gui.services import Unavailable
from prepub.gui.session import PostSession

PersonRole = Qt.ItemDataRole.UserRole + 1


class FacePopup(QFrame):
    """Decide about one face. Emits ``decided`` after storing the decision in the session."""

    decided = Signal(str, int, str)  # path, face index, decision ("" when cleared)

    def __init__(self, session: PostSession, path: str, index: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("facePopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.session, self.path, self.index = session, path, index
        rep = session.reports.get(path)
        self.face = next((f for f in rep.faces if f.index == index), None) if rep else None
        im = session.image(path)
        self.current = im.face(index) if im is not None else None
        state = session.face_states(path).get(index, "unknown")

        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 12)
        title = QLabel(self.tr("Face %1 · %2").replace("%1", str(index + 1))
                       .replace("%2", text.face_state_label(state)))
        f = title.font()
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.1)
        title.setFont(f)
        lay.addWidget(title)
        if self.face is not None and self.face.possible_minor and self.face.age is not None:
            warn = QLabel(self.tr("Possibly a child (estimated age %1). A child needs a guardian's "
                                  "consent, or blur the face.").replace("%1", str(round(self.face.age))))
            warn.setWordWrap(True)
            lay.addWidget(warn)

        who = QLabel(self.tr("&Who is this?"))
        lay.addWidget(who)
        self.search = QLineEdit(self)
        self.search.setObjectName("faceSearch")
        self.search.setPlaceholderText(self.tr("Search the consent registry…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill)
        self.search.returnPressed.connect(self._search_entered)
        self.search.installEventFilter(self)
        who.setBuddy(self.search)
        lay.addWidget(self.search)
        self.people = QListWidget(self)
        self.people.setAccessibleName(self.tr("People in the consent registry"))
        self.people.setMinimumHeight(150)
        self.people.itemActivated.connect(self._pick_item)
        self.people.itemDoubleClicked.connect(self._pick_item)
        lay.addWidget(self.people)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.hide()
        lay.addWidget(self.note)
        self.pick = QPushButton(self.tr("This is the person"), self)
        self.pick.setDefault(True)
        self.pick.clicked.connect(lambda: self._pick_item(self.people.currentItem()))
        lay.addWidget(self.pick)

        row = QHBoxLayout()
        self.not_identifiable = QPushButton(self.tr("Not identifiable"), self)
        self.not_identifiable.setToolTip(self.tr("Nobody can recognise this person (back, far "
                                                 "away, out of focus)."))
        self.not_identifiable.clicked.connect(lambda: self._decide("not_identifiable"))
        self.blur = QPushButton(self.tr("Blur on export"), self)
        self.blur.setToolTip(self.tr("The face is pixelated in the exported image."))
        self.blur.clicked.connect(lambda: self._decide("blur"))
        row.addWidget(self.not_identifiable)
        row.addWidget(self.blur)
        lay.addLayout(row)
        self.adult = QCheckBox(self.tr("I have checked: this person is an adult"), self)
        self.adult.setVisible(bool(self.face is not None and self.face.possible_minor))
        self.adult.setChecked(bool(self.current is not None and self.current.confirmed_adult))
        self.adult.toggled.connect(self._adult_toggled)
        lay.addWidget(self.adult)
        self.remember = QCheckBox(self)  # "... and remember it in the registry": only on request
        self.remember.setObjectName("rememberAdult")
        self.remember.toggled.connect(self._remember_toggled)
        lay.addWidget(self.remember)
        self._update_remember()
        self.clear = QPushButton(self.tr("Clear the decision"), self)
        self.clear.setFlat(True)
        self.clear.setEnabled(self.current is not None and self.current.decision is not None)
        self.clear.clicked.connect(lambda: self._decide(None))
        lay.addWidget(self.clear)

        self._matches: list[Any] = []
        self._fill()
        self._load_matches()
        self.setMinimumWidth(340)

    # --- people list -----------------------------------------------------------------------------

    def _fill(self) -> None:
        self.people.clear()
        if self.session.registry is None:
            reason = self.session.registry_error or self.tr("it is still opening")
            self.note.setText(self.tr("The consent registry is not available (%1). You can still "
                                      "mark the face not identifiable or blur it.").replace("%1", reason))
            self.note.show()
            self.people.setEnabled(False)
            self.search.setEnabled(False)
            self.pick.setEnabled(False)
            return
        query = self.search.text().strip().casefold()
        shown: set[str] = set()
        for m in self._matches:
            if query and query not in m.name.casefold():
                continue
            item = QListWidgetItem(self.tr("★ %1 — likely match (distance %2)")
                                   .replace("%1", m.name).replace("%2", f"{m.distance:.2f}"))
            item.setData(PersonRole, m.person_id)
            self.people.addItem(item)
            shown.add(m.person_id)
        for p in self.session.people:
            if p.id in shown or (query and query not in p.name.casefold()):
                continue
            item = QListWidgetItem(p.name)
            item.setData(PersonRole, p.id)
            if getattr(p, "protected_identity", False):
                item.setText(self.tr("%1 (protected identity)").replace("%1", p.name))
            self.people.addItem(item)
        current_id = self.current.person_id if self.current is not None else None
        for i in range(self.people.count()):
            if self.people.item(i).data(PersonRole) == current_id:
                self.people.setCurrentRow(i)
                break
        else:
            if self.people.count():
                self.people.setCurrentRow(0)
        self.pick.setEnabled(self.people.count() > 0)
        if self.people.count() == 0:
            self.note.setText(self.tr("Nobody in the registry matches. Add the person and their "
                                      "consent in the consent registry (Ctrl+R)."))
            self.note.show()
        elif not self._matches:
            self.note.hide()

    def _load_matches(self) -> None:
        if self.face is None or self.session.registry is None or not self.session.policy.matching_enabled:
            return
        self.note.setText(self.tr("Looking for a match among people who agreed to face matching…"))
        self.note.show()
        face, path = self.face, self.path
        registry, policy = self.session.registry, self.session.policy

        def done(result: Any, error: BaseException | None) -> None:
            try:
                if error is not None:
                    reason = error.reason if isinstance(error, Unavailable) else str(error)
                    self.note.setText(self.tr("Face matching is not available: %1").replace("%1", reason))
                    return
                self._matches = list(result or [])
                self.note.setText(self.tr("Suggestions are only proposals: check before you pick.")
                                  if self._matches else self.tr("No likely match found."))
                self._fill()
            except RuntimeError:  # the popup was closed meanwhile
                pass

        self.session.runner.run_in_background(services.match_suggestions, done, pool="analysis",
                                              name="match", args=(path, face),
                                              kwargs={"registry": registry, "policy": policy})

    # --- decisions -------------------------------------------------------------------------------

    def _search_entered(self) -> None:
        """Enter in the search box: the first match (or, with no search, the selected one)."""
        if self.people.count() == 0 or not self.people.isEnabled():
            return
        item = self.people.item(0) if self.search.text().strip() else self.people.currentItem()
        self._pick_item(item or self.people.item(0))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.search and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down \
                and self.people.count():
            self.people.setFocus()  # Down leaves the search for the list
            return True
        return super().eventFilter(obj, event)

    def _pick_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self._decide("person", person_id=item.data(PersonRole))

    def choose_person(self, person_id: str) -> None:
        """Pick ``person_id`` as if the user selected it (the list must contain them)."""
        for i in range(self.people.count()):
            if self.people.item(i).data(PersonRole) == person_id:
                self.people.setCurrentRow(i)
                self._pick_item(self.people.item(i))
                return
        raise LookupError(person_id)

    def _adult_toggled(self, checked: bool) -> None:
        decision = self.current.decision if self.current is not None else None
        person = self.current.person_id if self.current is not None else None
        self.session.decide_face(self.path, self.index, decision, person_id=person,
                                 confirmed_adult=checked)
        im = self.session.image(self.path)
        self.current = im.face(self.index) if im is not None else None
        self._update_remember()

    def _linked_unknown_age(self) -> Any:
        """The registry person this face is linked to, when the registry does not know their age."""
        pid = self.current.person_id if self.current is not None and \
            self.current.decision == "person" else None
        person = next((p for p in self.session.people if p.id == pid), None) if pid else None
        if person is None or getattr(person, "birth_year", None) is not None \
                or getattr(person, "is_minor", None) is not None:
            return None
        return person

    def _update_remember(self) -> None:
        person = self._linked_unknown_age()
        self.remember.setVisible(person is not None and not self.adult.isHidden()
                                 and self.adult.isChecked())
        if person is not None:  # short enough for the popup's width; the name in the tooltip
            self.remember.setText(self.tr("Remember it in the consent registry too"))
            self.remember.setToolTip(self.tr("Also remember in the consent registry that %1 is an "
                                             "adult").replace("%1", person.name))
            self.remember.setAccessibleName(self.remember.toolTip())

    def _remember_toggled(self, checked: bool) -> None:
        person = self._linked_unknown_age()
        if checked and person is not None:
            self.session.remember_adults([person.id])
            self.remember.setEnabled(False)  # done (an admin can undo it in the registry)

    def _decide(self, decision: str | None, *, person_id: str | None = None) -> None:
        confirmed = self.adult.isChecked() if not self.adult.isHidden() else None
        self.session.decide_face(self.path, self.index, decision, person_id=person_id,
                                 confirmed_adult=confirmed)
        self.decided.emit(self.path, self.index, decision or "")
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def popup_at(self, pos: QPoint) -> None:
        self.adjustSize()
        screen = self.screen().availableGeometry() if self.screen() else None
        x, y = pos.x() + 8, pos.y() + 8
        if screen is not None:
            x = min(x, screen.right() - self.width())
            y = min(y, screen.bottom() - self.height())
            x, y = max(screen.left(), x), max(screen.top(), y)
        self.move(x, y)
        self.show()
        self.search.setFocus()
