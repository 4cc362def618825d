"""Small forms of the consent registry: a person, a guardian, a consent, a withdrawal, and
the question before a person is erased.

Each form only collects values (``values()``); the window writes them on the ``write`` pool.
The registry window and photographer mode share them.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Sequence

from PySide6.QtCore import QDate
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFileDialog, QFormLayout, QGridLayout, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from prepub.core import clock
from prepub.core.policy import Policy
from prepub.gui.qtcompat import combo_data
from prepub.gui import text

RELATIONS = ("staff", "elected", "member", "public", "external")
GUARDIAN_RELATIONS = ("parent", "custodian", "guardian", "other")


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class _Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.lay = QVBoxLayout(self)
        self.form = QFormLayout()
        self.lay.addLayout(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.lay.addWidget(self.buttons)


class PersonDialog(_Form):
    def __init__(self, parent: QWidget | None = None, *, person: Any = None) -> None:
        super().__init__(self.tr("Edit person") if person else self.tr("Add a person"), parent)
        self.name = QLineEdit(person.name if person else "")
        self.name.setObjectName("personName")
        self.relation = QComboBox()
        for r in RELATIONS:
            self.relation.addItem(text.relation_label(r), r)
        self.relation.setCurrentIndex(RELATIONS.index(person.relation) if person else 3)
        self.birth_year = QSpinBox()
        self.birth_year.setRange(0, clock.today().year)
        self.birth_year.setSpecialValueText(self.tr("Unknown"))
        self.birth_year.setValue(person.birth_year or 0 if person else 0)
        self.minor = QCheckBox(self.tr("This is a child (under 18)"))
        self.minor.setChecked(bool(person and person.is_minor))
        # "an adult", as a communicator remembered it from a photo: kept unless unticked here
        self.adult = QCheckBox(self.tr("Confirmed adult (someone checked a photo of them)"))
        self.adult.setObjectName("confirmedAdult")
        self.adult.setChecked(bool(person and person.is_minor is False))
        self.adult.setVisible(bool(person and person.is_minor is False))
        self.minor.toggled.connect(lambda on: self.adult.setChecked(False) if on else None)
        self.protected = QCheckBox(self.tr("Protected identity (never published identifiably)"))
        self.protected.setChecked(bool(person and person.protected_identity))
        self.matching = QCheckBox(self.tr("Agreed to face matching (biometric data)"))
        self.matching.setChecked(bool(person and person.matching_consent))
        self.form.addRow(self.tr("Name:"), self.name)
        self.form.addRow(self.tr("Relation:"), self.relation)
        self.form.addRow(self.tr("Birth year:"), self.birth_year)
        self.form.addRow("", self.minor)
        self.form.addRow("", self.adult)
        self.form.addRow("", self.protected)
        self.form.addRow("", self.matching)
        self.name.textChanged.connect(self._check)
        self.finish()
        self._check()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name.text().strip()))

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "relation": combo_data(self.relation),
                "birth_year": self.birth_year.value() or None,
                "is_minor": True if self.minor.isChecked()
                else False if self.adult.isChecked() else None,
                "protected_identity": self.protected.isChecked(),
                "matching_consent": self.matching.isChecked()}


class GuardianDialog(_Form):
    def __init__(self, child_name: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a guardian for %1").replace("%1", child_name), parent)
        self.name = QLineEdit()
        self.relation = QComboBox()
        for r, label in zip(GUARDIAN_RELATIONS, (self.tr("Parent"), self.tr("Custodian"),
                                                 self.tr("Legal guardian"), self.tr("Other"))):
            self.relation.addItem(label, r)
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(self.tr("Phone or e-mail (optional)"))
        self.form.addRow(self.tr("Name:"), self.name)
        self.form.addRow(self.tr("Relation:"), self.relation)
        self.form.addRow(self.tr("Contact:"), self.contact)
        self.finish()

    def values(self) -> dict[str, Any]:
        return {"name": self.name.text().strip(), "relation": combo_data(self.relation),
                "contact": self.contact.text().strip()}


def channel_checkboxes(policy: Policy) -> tuple[QWidget, dict[str, QCheckBox]]:
    """One ticked box per channel the policy knows, three to a row (a consent's channels)."""
    grid = QGridLayout()
    boxes: dict[str, QCheckBox] = {}
    for i, (name, cfg) in enumerate(policy.channels.items()):
        box = QCheckBox(str(cfg.get("label", name)))
        box.setChecked(True)
        boxes[name] = box
        grid.addWidget(box, i // 3, i % 3)
    holder = QWidget()
    holder.setLayout(grid)
    return holder, boxes


class ConsentDialog(_Form):
    """A consent: channels, purpose, dates, who signed, and the evidence."""

    def __init__(self, *, policy: Policy, person_name: str, is_minor: bool,
                 guardians: Sequence[Any], logged_by: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a consent for %1").replace("%1", person_name), parent)
        holder, self.channels = channel_checkboxes(policy)
        self.form.addRow(self.tr("Channels:"), holder)
        self.purpose = QLineEdit(self.tr("Our communication in social media and on the website"))
        self.form.addRow(self.tr("Purpose:"), self.purpose)
        self.given = QDateEdit(_qdate(clock.today()))
        self.given.setCalendarPopup(True)
        self.form.addRow(self.tr("Given on:"), self.given)
        row = QHBoxLayout()
        self.has_expiry = QCheckBox(self.tr("Expires on"))
        self.expires = QDateEdit(_qdate(date(clock.today().year + 2, 12, 31)))
        self.expires.setCalendarPopup(True)
        self.expires.setEnabled(False)
        self.expires.setAccessibleName(self.tr("Expires on"))
        self.has_expiry.toggled.connect(self.expires.setEnabled)
        row.addWidget(self.has_expiry)
        row.addWidget(self.expires, 1)
        self.form.addRow(self.tr("Valid:"), row)
        self.signers: list[tuple[str, QCheckBox]] = []
        sign_box = QVBoxLayout()
        me = QCheckBox(self.tr("%1 (themselves)").replace("%1", person_name))
        me.setChecked(not is_minor)
        self.signers.append(("self", me))
        sign_box.addWidget(me)
        for g in guardians:
            b = QCheckBox(self.tr("%1 (guardian)").replace("%1", g.name))
            b.setChecked(is_minor)
            self.signers.append((g.id, b))
            sign_box.addWidget(b)
        if is_minor and not guardians:
            warn = QLabel(self.tr("Add the child's guardian first: a child's consent must be "
                                  "signed by a guardian."))
            warn.setWordWrap(True)
            sign_box.addWidget(warn)
        self.form.addRow(self.tr("Signed by:"), sign_box)
        ev = QHBoxLayout()
        self.evidence = QLineEdit()
        self.evidence.setPlaceholderText(self.tr("The signed form (PDF or photo)"))
        self.evidence.setAccessibleName(self.tr("Signed form"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        ev.addWidget(self.evidence, 1)
        ev.addWidget(browse)
        self.form.addRow(self.tr("Signed form:"), ev)
        self.verbal = QPlainTextEdit()
        self.verbal.setPlaceholderText(self.tr("…or a note of a verbal consent: when, where, who heard it"))
        self.verbal.setFixedHeight(60)
        self.form.addRow(self.tr("Or verbal:"), self.verbal)
        self.logged_by = QLineEdit(logged_by)
        self.form.addRow(self.tr("Logged by:"), self.logged_by)
        for w in (self.evidence, self.logged_by):
            w.textChanged.connect(self._check)
        self.verbal.textChanged.connect(self._check)
        for _, b in self.signers:
            b.toggled.connect(self._check)
        for b in self.channels.values():
            b.toggled.connect(self._check)
        self.finish()
        self._check()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The signed consent form"))
        if path:
            self.evidence.setText(path)

    def _check(self) -> None:
        ok = (any(b.isChecked() for b in self.channels.values())
              and any(b.isChecked() for _, b in self.signers)
              and bool(self.evidence.text().strip() or self.verbal.toPlainText().strip())
              and bool(self.logged_by.text().strip()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> dict[str, Any]:
        return {"channels": [n for n, b in self.channels.items() if b.isChecked()],
                "purpose": self.purpose.text().strip(), "given_on": _pydate(self.given.date()),
                "expires_on": _pydate(self.expires.date()) if self.has_expiry.isChecked() else None,
                "signed_by": [s for s, b in self.signers if b.isChecked()],
                "evidence_file": self.evidence.text().strip() or None,
                "verbal_note": self.verbal.toPlainText().strip() or None,
                "logged_by": self.logged_by.text().strip()}


class WithdrawDialog(_Form):
    def __init__(self, summary: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Withdraw consent"), parent)
        info = QLabel(self.tr("Withdrawing stops every future export that relies on this consent. "
                              "Posts already published are listed afterwards so you can take "
                              "them down.") + "\n\n" + summary)
        info.setWordWrap(True)
        self.form.addRow(info)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why? (e.g. asked by phone on 3 May)"))
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.finish()

    def values(self) -> dict[str, Any]:
        return {"reason": self.reason.text().strip()}


def confirm_erase(parent: QWidget | None, name: str) -> bool:
    """Ask before a person is erased from the registry (for good)."""
    answer = QMessageBox.warning(
        parent, QCoreApplication.translate("RegistryWindow", "Delete person"),
        QCoreApplication.translate(
            "RegistryWindow", "Delete %1 from the registry? Their name, details, face references "
                              "and evidence files are erased for good. The audit log keeps only a "
                              "trace without personal data.").replace("%1", name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes
