"""The findings panel: what blocks the export and what to check, grouped by cause across
photos ("7 photos lack a photographer — Set for all"), else per photo, plus the post text and
the post (``finding_groups.py`` decides the groups).

Each row shows its message in the UI language and the policy paragraph; a button (painted by the
delegate, so hundreds of rows stay cheap) appears only where there is something to do: "Go to
fix" on a row asks the window to select the image, face, field or text span, and a cause
group's button fixes all its photos at once. Notes (info) are hidden unless asked for.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import (QEvent, QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt,
                            QTimer, Signal)
from PySide6.QtGui import QFont, QFontMetrics, QMouseEvent, QPainter, QPalette, QStandardItem, \
    QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QStyle,
                               QStyledItemDelegate, QStyleOptionButton, QStyleOptionViewItem,
                               QTreeView, QVBoxLayout, QWidget)

from prepub.core.model import Finding, Severity
from prepub.gui.qtcompat import item_data
from prepub.gui import text
from prepub.gui.session import PostSession
from prepub.gui.style import SEVERITY_STATE, muted, paint_pill

FindingRole = Qt.ItemDataRole.UserRole + 10
SubjectRole = Qt.ItemDataRole.UserRole + 11
RefRole = Qt.ItemDataRole.UserRole + 12
PAD = 6
REBUILD_BUDGET_S = 0.015  # per event-loop turn; the window stays responsive while 100 groups appear


class FindingsModel(QStandardItemModel):
    """Groups (post text, post, each image) with their findings as children."""

    def __init__(self, session: PostSession, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.show_info = False
        # (message, policy ref, bold) -> QSize; set by the panel from its delegate. Row heights
        # are stored as Qt.SizeHintRole so Qt lays out hundreds of rows without calling Python.
        self.size_for: Any = None
        self._signatures: dict[str, tuple[Any, ...]] = {}  # subject -> what its rows show
        self._titles: dict[tuple[str, int, int], str] = {}  # the UI language is fixed per window

    def rebuild(self, budget_s: float | None = None) -> bool:
        """Bring the rows up to date. Only groups whose rows changed are rebuilt: while 100
        photos are analysed the findings change many times, and rebuilding every row each time
        would hold the window for tens of milliseconds. With ``budget_s``, stop building groups
        once that much time has passed and return False: call again (from the event loop) to
        go on; True when every group is current."""
        started = time.perf_counter()
        s = self.session
        lang = s.ui_language
        findings = [f for f in s.findings() if self.show_info or f.severity is not Severity.INFO]
        groups: dict[str, list[Finding]] = {}
        for f in findings:
            subject = f.subject or "post"
            if subject.startswith("text"):
                subject = "text"
            groups.setdefault(subject, []).append(f)
        order = ["text", "post"] + [im.path for im in s.draft.images]
        wanted = [subj for subj in order + [k for k in groups if k not in order] if groups.get(subj)]
        blocking = {id(f) for f in s.blockers()}
        keep = set(wanted)
        for r in reversed(range(self.rowCount())):
            subj = self.item(r).data(SubjectRole)
            if subj not in keep:
                self.removeRow(r)
                self._signatures.pop(subj, None)
        for pos, subject in enumerate(wanted):
            items = groups[subject]
            items.sort(key=lambda f: (-f.severity.rank, f.face if f.face is not None else -1))
            rows = []
            for f in items:
                msg = text.finding_message(f, lang, s.policy)
                if f.face is not None and not text.mentions_face(f, lang):
                    msg = self.tr("Face %1: %2").replace("%1", str(f.face + 1)).replace("%2", msg)
                rows.append((f, msg, f.policy_ref or "", id(f) in blocking))
            title = self._title(subject, sum(1 for r in rows if r[3]), len(rows))
            signature = (title, tuple((m, ref, b, f.severity) for f, m, ref, b in rows))
            current = self.item(pos) if pos < self.rowCount() else None
            if current is not None and current.data(SubjectRole) == subject \
                    and self._signatures.get(subject) == signature:
                for c, (f, _m, _ref, _b) in enumerate(rows):  # same rows, new Finding objects
                    current.child(c).setData(f, FindingRole)
                continue
            for r in range(self.rowCount()):  # the group moved or changed: drop the old one
                if self.item(r).data(SubjectRole) == subject:
                    self.removeRow(r)
                    break
            self.insertRow(pos, self._group(subject, title, rows, lang))
            self._signatures[subject] = signature
            if budget_s is not None and time.perf_counter() - started > budget_s \
                    and pos + 1 < len(wanted):
                return False
        return True

    def _title(self, subject: str, n_block: int, n_all: int) -> str:
        key = (subject, n_block, n_all)
        title = self._titles.get(key)
        if title is None:
            if len(self._titles) > 5000:
                self._titles.clear()
            title = self._titles[key] = self._make_title(subject, n_block, n_all)
        return title

    def _make_title(self, subject: str, n_block: int, n_all: int) -> str:
        n_warn = n_all - n_block
        title = {"text": self.tr("Post text"), "post": self.tr("The post")}.get(
            subject, Path(subject).name)
        counts = []
        if n_block:
            counts.append(self.tr("%n blocking", "", n_block))
        if n_warn:
            counts.append(self.tr("%n to check", "", n_warn))
        return f"{title} — {', '.join(counts)}"

    def _group(self, subject: str, title: str, rows: list[tuple[Finding, str, str, bool]],
               lang: str) -> QStandardItem:
        group = QStandardItem(title)
        group.setData(subject, SubjectRole)
        if self.size_for is not None:
            group.setData(self.size_for(title, "", True), Qt.ItemDataRole.SizeHintRole)
        group.setEditable(False)
        f_ = group.font()
        f_.setBold(True)
        group.setFont(f_)
        for f, msg, ref, _blocking in rows:
            child = QStandardItem(msg)
            child.setEditable(False)
            child.setData(f, FindingRole)
            child.setData(subject, SubjectRole)
            child.setData(ref, RefRole)
            if self.size_for is not None:
                child.setData(self.size_for(msg, ref, False), Qt.ItemDataRole.SizeHintRole)
            helptext = text.finding_help(f, lang)
            child.setToolTip("\n\n".join(x for x in (msg, helptext, ref) if x))
            group.appendRow(child)
        return group

    def finding_rows(self) -> list[QModelIndex]:
        out = []
        for r in range(self.rowCount()):
            g = self.index(r, 0)
            out.extend(self.index(c, 0, g) for c in range(self.rowCount(g)))
        return out


class FindingDelegate(QStyledItemDelegate):
    """Severity badge, wrapped message, policy paragraph, and a "Go to fix" button."""

    go_to_clicked = Signal(object)  # Finding

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view
        self.button_text = self.tr("Go to fix")
        self._pressed: QPersistentModelIndex | None = None
        self._sizes: dict[tuple[str, str, bool, int, str], QSize] = {}

    def _button_rect(self, rect: QRect, fm: QFontMetrics) -> QRect:
        w = fm.horizontalAdvance(self.button_text) + 24
        h = fm.height() + 10
        return QRect(rect.right() - w - PAD, rect.top() + PAD, w, h)

    def _layout(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
                ) -> tuple[QRect, QRect, QRect, QRect]:
        fm = option.fontMetrics
        rect = option.rect
        button = self._button_rect(rect, fm)
        badge_w = fm.horizontalAdvance("✕ " + text.severity_label(Severity.BLOCK)) + fm.height()
        badge = QRect(rect.left() + PAD, rect.top() + PAD, badge_w, fm.height() + 4)
        body_left = rect.left() + PAD
        body = QRect(body_left, badge.bottom() + 4, button.left() - body_left - PAD,
                     rect.height() - badge.height() - PAD * 2)
        return badge, body, button, rect

    def row_size(self, msg: str, ref: str, group: bool) -> QSize:
        """The height a row needs at the view's current width (cached: layout asks often)."""
        font = self.view.font()
        # a finding row sits one level in: one indentation for its level, one for the root's
        # expand arrows (when shown)
        levels = (0 if group else 1) + (1 if self.view.rootIsDecorated() else 0)
        width = max(200, self.view.viewport().width() - self.view.indentation() * levels - 2)
        key = (msg, ref, group, width, font.key())
        size = self._sizes.get(key)
        if size is not None:
            return size
        fm = QFontMetrics(font)
        if group:
            size = QSize(width, fm.height() + 12)
        else:
            button_w = fm.horizontalAdvance(self.button_text) + 24 + PAD * 3
            msg_rect = fm.boundingRect(QRect(0, 0, width - button_w, 10_000),
                                       int(Qt.TextFlag.TextWordWrap), msg)
            small = QFontMetrics(self._small(font))
            ref_rect = small.boundingRect(QRect(0, 0, width - button_w, 10_000),
                                          int(Qt.TextFlag.TextWordWrap), "§ " + ref) if ref else QRect()
            h = PAD * 2 + fm.height() + 4 + 4 + msg_rect.height() + (ref_rect.height() + 2 if ref else 0)
            size = QSize(width, max(h, fm.height() * 2 + PAD * 2))
        if len(self._sizes) > 20_000:
            self._sizes.clear()
        self._sizes[key] = size
        return size

    @staticmethod
    def _small(font: QFont) -> QFont:
        f = QFont(font)
        f.setPointSizeF(max(7.0, font.pointSizeF() * 0.88))
        return f

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        f: Finding | None = item_data(index, FindingRole)
        if f is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, self.view)
        badge, body, button, _rect = self._layout(option, index)
        painter.save()
        blocking = id(f) in self.view.blocker_ids  # type: ignore[attr-defined]
        state = "blocked" if blocking else SEVERITY_STATE.get(f.severity.value, "pending")
        if f.blocks and not blocking:
            state = "attention"  # covered by an allowed override
        small_bold = self._small(option.font)
        small_bold.setBold(True)
        paint_pill(painter, QRectF(badge), text.severity_label(f.severity), state, font=small_bold)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        fg = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        painter.setPen(fg)
        painter.setFont(option.font)
        msg = str(item_data(index, Qt.ItemDataRole.DisplayRole))
        used = painter.boundingRect(body, int(Qt.TextFlag.TextWordWrap), msg)
        painter.drawText(body, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop), msg)
        ref = str(item_data(index, RefRole) or "")
        if ref:
            painter.setFont(self._small(option.font))
            painter.setPen(fg if selected else muted(pal))
            ref_rect = QRect(body.left(), used.bottom() + 2, body.width(), body.bottom() - used.bottom())
            painter.drawText(ref_rect, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop),
                             "§ " + ref)
        painter.restore()
        btn = QStyleOptionButton()
        btn.rect = button
        btn.text = self.button_text
        btn.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
        if self._pressed is not None and QModelIndex(self._pressed) == index:
            btn.state |= QStyle.StateFlag.State_Sunken
        style.drawControl(QStyle.ControlElement.CE_PushButton, btn, painter, self.view)

    def editorEvent(self, event: QEvent, model: Any, option: QStyleOptionViewItem,
                    index: QModelIndex | QPersistentModelIndex) -> bool:
        f = item_data(index, FindingRole)
        if f is None or not isinstance(event, QMouseEvent):
            return super().editorEvent(event, model, option, index)
        inside = self._button_rect(option.rect, option.fontMetrics).contains(event.position().toPoint())
        if event.type() == QEvent.Type.MouseButtonPress and inside:
            self._pressed = QPersistentModelIndex(index)
            self.view.viewport().update()
            return True
        if event.type() == QEvent.Type.MouseButtonRelease:
            was = self._pressed is not None and QModelIndex(self._pressed) == index
            self._pressed = None
            self.view.viewport().update()
            if inside and was:
                self.go_to_clicked.emit(f)
                return True
        return super().editorEvent(event, model, option, index)


class FindingsPanel(QWidget):
    """The panel; ``go_to(finding)`` fires for the button, a double-click or Enter."""

    go_to = Signal(object)

    def __init__(self, session: PostSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self.session = session
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        f = self.summary.font()
        f.setBold(True)
        self.summary.setFont(f)
        head.addWidget(self.summary, 1)
        self.show_notes = QCheckBox(self.tr("Show notes"))
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
        self.view.setItemDelegate(self.delegate)
        self.model.size_for = self.delegate.row_size
        self._more_pending = False
        self._laid_out_width = -1
        self.view.viewport().installEventFilter(self)
        self.view.activated.connect(self._activated)
        self.view.setAccessibleName(self.tr("Findings"))
        lay.addWidget(self.view, 1)
        session.findings_changed.connect(self.refresh)
        session.report_ready.connect(self._update_summary)
        self.refresh()

    def _toggle_info(self, on: bool) -> None:
        self.model.show_info = on
        self.refresh()

    def refresh(self) -> None:
        expanded = {item_data(self.model.index(r, 0), SubjectRole) for r in range(self.model.rowCount())
                    if not self.view.isExpanded(self.model.index(r, 0))}
        self.view.blocker_ids = self.session.blocker_ids()  # type: ignore[attr-defined]
        done = self.model.rebuild(budget_s=REBUILD_BUDGET_S)
        for r in range(self.model.rowCount()):
            idx = self.model.index(r, 0)
            self.view.setExpanded(idx, item_data(idx, SubjectRole) not in expanded)
        self._update_summary()
        if not done and not self._more_pending:  # many new groups: the rest on the next turns
            self._more_pending = True
            QTimer.singleShot(0, self._refresh_more)

    def _refresh_more(self) -> None:
        self._more_pending = False
        self.refresh()

    def _update_summary(self, *_a: Any) -> None:
        s = self.session
        n_block = len(self.view.blocker_ids)  # type: ignore[attr-defined]
        n_warn = sum(1 for f in s.findings() if f.severity is Severity.WARN)
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
        m = self.model
        for r in range(m.rowCount()):
            group = m.item(r)
            group.setData(self.delegate.row_size(group.text(), "", True), Qt.ItemDataRole.SizeHintRole)
            for c in range(group.rowCount()):
                child = group.child(c)
                ref = str(child.data(RefRole) or "")
                child.setData(self.delegate.row_size(child.text(), ref, False),
                              Qt.ItemDataRole.SizeHintRole)
        self.view.doItemsLayout()

    def _activated(self, index: QModelIndex) -> None:
        f = item_data(index, FindingRole)
        if f is not None:
            self.go_to.emit(f)
        else:
            self.go_to.emit(item_data(index, SubjectRole))

    def finding_indexes(self) -> list[QModelIndex]:
        return self.model.finding_rows()
