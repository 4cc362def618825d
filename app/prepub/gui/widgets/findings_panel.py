"""The findings panel: what blocks the export and what to check, grouped by cause across
photos ("7 photos lack a photographer — Set for all"), else per photo, plus the post text and
the post (``finding_groups.py`` decides the groups).

Each row shows its message in the UI language and the policy paragraph; a button (painted by the
delegate, so hundreds of rows stay cheap) appears only where there is something to do: "Go to
fix" on a row asks the window to select the image, face, field or text span, and a cause
group's button fixes all its photos at once. Notes (info) are hidden unless asked for.
"""

from __future__ import annotations

import difflib
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QTreeView,
                               QVBoxLayout, QWidget)

from prepub.core.model import Finding, Severity
from prepub.gui import finding_groups, text
from prepub.gui.qtcompat import item_data
from prepub.gui.session import PostSession
from prepub.gui.widgets.findings_delegate import (ActionRole, ButtonTextRole, CompactRole,
                                                  FindingDelegate, FindingRole, GroupActionRole,
                                                  KindRole, RefRole, StateRole, SubjectRole)

__all__ = ["FindingsModel", "FindingsPanel", "FindingRole", "SubjectRole", "RefRole"]

REBUILD_BUDGET_S = 0.015  # per event-loop turn; the window stays responsive while 100 groups appear
FOLD_ABOVE = 5  # a cause group with more photos than this starts folded


def _message_key(f: Finding, lang: str) -> tuple[Any, ...] | None:
    """What a finding's message depends on, or None when it cannot be a key."""
    try:
        key = (lang, f.rule, f.face, tuple(sorted(f.params.items())))
        hash(key)
    except TypeError:  # a parameter that is a list or a dict
        return None
    return key


def _row_signature(r: finding_groups.Row) -> tuple[Any, ...]:
    """What a finding row shows, its tooltip included (the whole message and the policy's name
    for the rule); rows with the same signature need not be built again."""
    f = r.finding
    params = _message_key(f, "") or id(f)  # unhashable parameters: always built again
    return (r.label, r.ref, r.blocking, f.severity, finding_groups.has_action(f), f.rule,
            f.subject, f.face, f.policy_ref, params)


class FindingsModel(QStandardItemModel):
    """Groups (post text, post, causes shared by photos, each photo) with rows as children."""

    def __init__(self, session: PostSession, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.show_info = False
        # (kind, message, policy ref, button) -> QSize; set by the panel from its delegate. Row
        # heights are stored as Qt.SizeHintRole so Qt lays out hundreds of rows without Python.
        self.size_for: Any = None
        self._signatures: dict[str, tuple[Any, ...]] = {}  # group key -> what its rows show
        self._titles: dict[tuple[str, int, int], str] = {}
        self._messages: dict[tuple[Any, ...], str] = {}  # a finding's words, by its content
        self.groups: dict[str, finding_groups.Group] = {}
        self._plan = []
        self._next = 0

    def retranslate(self) -> None:
        """The UI language changed: every title and message is built again."""
        self._titles.clear()
        self._messages.clear()
        self._signatures.clear()
        self.removeRows(0, self.rowCount())

    def rebuild(self, budget_s: float | None = None) -> bool:
        """Bring the rows up to date: :meth:`plan` then :meth:`apply`. Returns whether every
        group is current (see :meth:`apply`)."""
        self.plan()
        return self.apply(budget_s)

    def plan(self) -> None:
        """Work out the groups the session's findings make now (the rows follow in
        :meth:`apply`, possibly over several event-loop turns)."""
        s = self.session
        lang = s.ui_language
        findings = [f for f in s.findings() if self.show_info or f.severity is not Severity.INFO]
        if s.analysing:  # the summary counts the photos still being checked; no row per photo
            findings = [f for f in findings if f.rule != "post.not_analysed"]
        if len(self._messages) > 20_000:
            self._messages.clear()

        def message(f: Finding) -> str:
            key = _message_key(f, lang)
            msg = self._messages.get(key) if key is not None else None
            if msg is None:
                msg = text.finding_message(f, lang, s.policy)
                if f.face is not None and not text.mentions_face(f, lang):
                    msg = self.tr("Face %1: %2").replace("%1", str(f.face + 1)).replace("%2", msg)
                if key is not None:
                    self._messages[key] = msg
            return msg

        groups = finding_groups.build(findings, blocking=s.blocker_ids(),
                                      order=[im.path for im in s.draft.images], message=message,
                                      photo_title=self._title)
        self.groups = {g.key: g for g in groups}
        self._plan: list[finding_groups.Group] = groups
        self._next = 0

    def apply(self, budget_s: float | None = None) -> bool:
        """Make the rows match the planned groups. Only groups whose rows changed are rebuilt:
        while 100 photos are analysed the findings change many times, and rebuilding every
        row each time would hold the window for tens of milliseconds. With ``budget_s``, stop
        once that much time has passed and return False: call again (from the event loop) to
        go on; True when every group is current."""
        started = time.perf_counter()
        groups, lang = self._plan, self.session.ui_language
        if self._next == 0:
            keep = set(self.groups)
            for r in reversed(range(self.rowCount())):
                key = self.item(r).data(SubjectRole)
                if key not in keep:
                    self.removeRow(r)
                    self._signatures.pop(key, None)
        for pos in range(self._next, len(groups)):
            g = groups[pos]
            self._next = pos + 1
            rows = tuple(_row_signature(r) for r in g.rows)
            signature = ((g.title, g.action, g.action_label, g.ref), rows)
            current = self.item(pos) if pos < self.rowCount() else None
            old = self._signatures.get(g.key)
            if current is not None and current.data(SubjectRole) == g.key and old is not None:
                if old != signature:  # the same group, changed: only its changed rows again
                    self._update_group(current, g, lang, old, rows)
                    self._signatures[g.key] = signature
                # the rows kept get the new Finding objects; they look the same (same
                # signature), so the views need not hear of it (a signal per row was most of
                # the cost of an evaluation with 100 photos)
                blocked = self.blockSignals(True)
                try:
                    for c, row in enumerate(g.rows):
                        current.child(c).setData(row.finding, FindingRole)
                finally:
                    self.blockSignals(blocked)
                continue
            for r in range(self.rowCount()):  # the group moved or changed: drop the old one
                if self.item(r).data(SubjectRole) == g.key:
                    self.removeRow(r)
                    break
            self.insertRow(pos, self._group(g, lang))
            self._signatures[g.key] = signature
            if budget_s is not None and time.perf_counter() - started > budget_s \
                    and pos + 1 < len(groups):
                return False
        return True

    def _title(self, subject: str, n_block: int, n_check: int) -> str:
        key = (subject, n_block, n_check)
        title = self._titles.get(key)
        if title is None:
            if len(self._titles) > 5000:
                self._titles.clear()
            title = self._titles[key] = self._make_title(subject, n_block, n_check)
        return title

    def _make_title(self, subject: str, n_block: int, n_check: int) -> str:
        title = {"text": self.tr("Post text"), "post": self.tr("The post")}.get(
            subject, Path(subject).name)
        counts = []
        if n_block:
            counts.append(self.tr("%n blocking", "", n_block))
        if n_check:
            counts.append(self.tr("%n to check", "", n_check))
        return f"{title} — {', '.join(counts)}" if counts else title

    def _size(self, kind: str, msg: str, ref: str, button: str | None) -> Any:
        return self.size_for(kind, msg, ref, button) if self.size_for is not None else None

    def _group(self, g: finding_groups.Group, lang: str) -> QStandardItem:
        group = QStandardItem()
        group.setEditable(False)
        group.setData(g.key, SubjectRole)
        self._group_head(group, g)
        cause = g.key.startswith("cause:")
        for row in g.rows:
            group.appendRow(self._row(row, g, lang, cause))
        return group

    def _update_group(self, group: QStandardItem, g: finding_groups.Group, lang: str,
                      old: tuple[Any, tuple[Any, ...]], new: tuple[Any, ...]) -> None:
        """Bring an existing group item up to ``g`` in place: its title, and only the rows that
        were added, removed or changed (a cause of 100 photos gains one photo per evaluation
        while they are analysed; building all its rows again each time held the window)."""
        if old[0] != (g.title, g.action, g.action_label, g.ref):
            self._group_head(group, g)
        cause = g.key.startswith("cause:")
        ops = difflib.SequenceMatcher(a=old[1], b=new, autojunk=False).get_opcodes()
        for tag, i1, i2, j1, j2 in reversed(ops):  # from the end: earlier positions stay valid
            if tag == "equal":
                continue
            if i2 > i1:
                group.removeRows(i1, i2 - i1)
            for k, j in enumerate(range(j1, j2)):
                # the list form: PySide keeps the item alive only there (with the single-item
                # overload the row was inserted and its item then deleted by Python)
                group.insertRow(i1 + k, [self._row(g.rows[j], g, lang, cause)])

    def _group_head(self, group: QStandardItem, g: finding_groups.Group) -> None:
        cause = g.key.startswith("cause:")
        group.setText(g.title)
        group.setData("cause" if cause else "group", KindRole)
        # never store None: PySide reads an empty QVariant back without a reference to None
        # (see prepub.gui.qtcompat), and item_data reads every role of the item
        group.setData(g.ref, RefRole)
        if g.action:
            group.setData(g.action, GroupActionRole)
            group.setData(g.action_label, ButtonTextRole)
        else:
            group.setData("", GroupActionRole)
        if cause:
            worst = max((r.finding.severity.rank + r.blocking for r in g.rows), default=0)
            group.setData("blocked" if any(r.blocking for r in g.rows)
                          else "attention" if worst >= 1 else "pending", StateRole)
        f_ = group.font()
        f_.setBold(True)
        group.setFont(f_)
        size = self._size("cause" if cause else "group", g.title, g.ref,
                          g.action_label if g.action else None)
        if size is not None:
            group.setData(size, Qt.ItemDataRole.SizeHintRole)
        group.setToolTip(f"{g.title}\n\n§ {g.ref}" if cause and g.ref else "")

    def _row(self, row: finding_groups.Row, g: finding_groups.Group, lang: str,
             cause: bool) -> QStandardItem:
        f = row.finding
        child = QStandardItem(row.label)
        child.setEditable(False)
        child.setData(f, FindingRole)
        child.setData(f.subject or g.key, SubjectRole)
        if row.ref:
            child.setData(row.ref, RefRole)
        child.setData("row", KindRole)
        if cause:
            child.setData(True, CompactRole)
        action = finding_groups.has_action(f)
        child.setData(action, ActionRole)
        size = self._size("compact" if cause else "row", row.label, row.ref,
                          self._button() if action else None)
        if size is not None:
            child.setData(size, Qt.ItemDataRole.SizeHintRole)
        full = text.finding_message(f, lang, self.session.policy)
        helptext = text.finding_help(f, lang)
        child.setToolTip("\n\n".join(x for x in (full, helptext, f.policy_ref or "") if x))
        return child

    @staticmethod
    def _button() -> str:
        return QCoreApplication.translate("FindingDelegate", "Go to fix")

    def finding_rows(self) -> list[QModelIndex]:
        out = []
        for r in range(self.rowCount()):
            g = self.index(r, 0)
            out.extend(self.index(c, 0, g) for c in range(self.rowCount(g)))
        return out


class FindingsPanel(QWidget):
    """The panel; ``go_to(finding)`` fires for a row's button, a double-click or Enter;
    ``group_action(action, findings)`` for a cause group's button (or Enter on it)."""

    go_to = Signal(object)
    group_action = Signal(str, list)
    FINDING_ROLE = FindingRole

    def __init__(self, session: PostSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self.session = session
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("findingsSummary")
        self.summary.setWordWrap(True)
        f = self.summary.font()
        f.setBold(True)
        self.summary.setFont(f)
        head.addWidget(self.summary, 1)
        self.show_notes = QCheckBox()
        self.show_notes.toggled.connect(self._toggle_info)
        head.addWidget(self.show_notes)
        lay.addLayout(head)
        self.model = FindingsModel(session, self)
        self.view = QTreeView(self)
        self.view.setObjectName("findingsView")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(False)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.blocker_ids = set()  # type: ignore[attr-defined]
        self.delegate = FindingDelegate(self.view)
        self.delegate.go_to_clicked.connect(self.go_to)
        self.delegate.group_clicked.connect(self._group_activated)
        self.view.setItemDelegate(self.delegate)
        self.model.size_for = self.delegate.row_size
        self._more_pending = False
        self._user_folded: dict[Any, bool] = {}  # group key -> folded by the user
        self._folding = False  # the panel itself is folding groups (not the user)
        self._laid_out_width = -1
        self.view.viewport().installEventFilter(self)
        self.view.activated.connect(self._activated)
        self.view.expanded.connect(lambda i: self._folded_by_user(i, False))
        self.view.collapsed.connect(lambda i: self._folded_by_user(i, True))
        lay.addWidget(self.view, 1)
        self.retranslate()
        session.findings_changed.connect(self.refresh)
        session.report_ready.connect(self._update_summary)

    def retranslate(self) -> None:
        """Set every text in the UI language (at start and when the language changes)."""
        self.show_notes.setText(self.tr("Show notes"))
        self.view.setAccessibleName(self.tr("Findings"))
        self.delegate.retranslate()
        self.model.retranslate()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _folded_by_user(self, index: QModelIndex, folded: bool) -> None:
        if not self._folding and not index.parent().isValid():
            self._user_folded[self.model.itemFromIndex(index).data(SubjectRole)] = folded

    def _toggle_info(self, on: bool) -> None:
        self.model.show_info = on
        self.refresh()

    def refresh(self) -> None:
        self.view.blocker_ids = self.session.blocker_ids()  # type: ignore[attr-defined]
        self.model.plan()
        self._apply()

    def _apply(self) -> None:
        done = self.model.apply(budget_s=REBUILD_BUDGET_S)
        m = self.model
        self._folding = True
        try:
            for r in range(m.rowCount()):
                idx = m.index(r, 0)
                item = m.item(r)
                key = item.data(SubjectRole)
                if key in self._user_folded:  # the user folded or unfolded it: that stays
                    want = not self._user_folded[key]
                else:  # a cause of many photos is folded: its title and button say it all
                    want = not (str(key).startswith("cause:") and item.rowCount() > FOLD_ABOVE)
                if self.view.isExpanded(idx) != want:
                    self.view.setExpanded(idx, want)
        finally:
            self._folding = False
        self._update_summary()
        if not done and not self._more_pending:  # many new groups: the rest on the next turns
            self._more_pending = True
            QTimer.singleShot(0, self._refresh_more)

    def _refresh_more(self) -> None:
        self._more_pending = False
        self._apply()

    def _update_summary(self, *_a: Any) -> None:
        s = self.session
        n_block = len(s.blockers())
        n_warn = len(s.to_check())
        if not s.draft.images and not s.draft.text.strip():
            self.summary.setText(self.tr("Add photos and write the post; what needs fixing shows up here."))
        elif s.analysing:
            done, total = s.analysis_counts()
            self.summary.setText(self.tr("Checking images… %1 of %2").replace("%1", str(done))
                                 .replace("%2", str(total)))
        elif n_block:
            self.summary.setText(self.tr("%n thing(s) block the export", "", n_block)
                                 + (" · " + self.tr("%n to check", "", n_warn) if n_warn else ""))
        elif n_warn:
            self.summary.setText(self.tr("Nothing blocks. %n thing(s) to check.", "", n_warn))
        else:
            self.summary.setText(self.tr("All clear: nothing blocks the export."))

    def eventFilter(self, obj: Any, event: QEvent) -> bool:
        # The viewport's width changes with the panel and when the scroll bar comes or goes;
        # row heights depend on it, so measure again.
        if obj is self.view.viewport() and event.type() == QEvent.Type.Resize:
            width = self.view.viewport().width()
            if width != self._laid_out_width:
                self._laid_out_width = width
                self._remeasure()
        return False

    def _remeasure(self) -> None:
        m, d = self.model, self.delegate
        for r in range(m.rowCount()):
            group = m.item(r)
            idx = group.index()
            kind = str(group.data(KindRole) or "group")
            group.setData(d.row_size(kind, group.text(), str(group.data(RefRole) or ""),
                                     d.button_label(idx)), Qt.ItemDataRole.SizeHintRole)
            for c in range(group.rowCount()):
                child = group.child(c)
                child.setData(d.row_size("compact" if kind == "cause" else "row", child.text(),
                                         str(child.data(RefRole) or ""),
                                         d.button_label(child.index())),
                              Qt.ItemDataRole.SizeHintRole)
        self.view.doItemsLayout()

    def _activated(self, index: QModelIndex) -> None:
        f = item_data(index, FindingRole)
        if f is not None:
            self.go_to.emit(f)
        elif item_data(index, GroupActionRole):
            self._group_activated(index)
        else:
            self.go_to.emit(item_data(index, SubjectRole))

    def _group_activated(self, index: QModelIndex) -> None:
        g = self.model.groups.get(str(item_data(index, SubjectRole)))
        if g is not None and g.action:
            self.group_action.emit(g.action, g.findings)

    def button_rect(self, index: QModelIndex) -> QRect | None:
        """Where a row's button is in the view's viewport, or None when it has none."""
        return self.delegate.button_rect(index, self.view.visualRect(index))

    def finding_indexes(self) -> list[QModelIndex]:
        return self.model.finding_rows()
