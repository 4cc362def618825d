"""Painting the findings panel's rows: a severity badge, the wrapped message, the policy
paragraph and, only where there is something to do, a button — "Go to fix" on a finding, the
group's own fix ("Set for all", "Decide all…") on a cause shared by several photos.

Buttons are painted, not widgets, so hundreds of rows stay cheap; row heights are measured here
(cached per text and width) and stored by the model as size hints.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (QEvent, QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt,
                            Signal)
from PySide6.QtGui import QFont, QFontMetrics, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import (QStyle, QStyledItemDelegate, QStyleOptionButton,
                               QStyleOptionViewItem, QTreeView)

from prepub.core.model import Finding, Severity
from prepub.gui import text
from prepub.gui.qtcompat import item_data
from prepub.gui.style import SEVERITY_STATE, muted, paint_pill

FindingRole = Qt.ItemDataRole.UserRole + 10
SubjectRole = Qt.ItemDataRole.UserRole + 11
RefRole = Qt.ItemDataRole.UserRole + 12
ActionRole = Qt.ItemDataRole.UserRole + 13  # a finding row: has a "Go to fix" (bool)
GroupActionRole = Qt.ItemDataRole.UserRole + 14  # a cause group: its action (str) or None
ButtonTextRole = Qt.ItemDataRole.UserRole + 15  # a cause group: its button's text
KindRole = Qt.ItemDataRole.UserRole + 16  # "cause", "group" (a photo, the post, the text), "row"
StateRole = Qt.ItemDataRole.UserRole + 17  # a cause group: its badge (blocked, attention, pending)
CompactRole = Qt.ItemDataRole.UserRole + 18  # a row in a cause group: one line, no badge
PAD = 6


class FindingDelegate(QStyledItemDelegate):
    """Rows and cause groups; ``go_to_clicked(finding)`` and ``group_clicked(index)`` fire for
    their buttons."""

    go_to_clicked = Signal(object)  # Finding
    group_clicked = Signal(object)  # QModelIndex of a cause group

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view
        self.button_text = self.tr("Go to fix")
        self._pressed: QPersistentModelIndex | None = None
        self._sizes: dict[tuple[Any, ...], QSize] = {}

    def retranslate(self) -> None:
        self.button_text = self.tr("Go to fix")
        self._sizes.clear()

    # --- geometry --------------------------------------------------------------------------------

    def _button_rect(self, rect: QRect, fm: QFontMetrics, label: str) -> QRect:
        w = fm.horizontalAdvance(label) + 24
        h = fm.height() + 10
        return QRect(rect.right() - w - PAD, rect.top() + PAD, w, h)

    def button_label(self, index: QModelIndex | QPersistentModelIndex) -> str | None:
        """The text of the row's button, or None when the row has nothing to do."""
        kind = item_data(index, KindRole)
        if kind == "row":
            return self.button_text if item_data(index, ActionRole) else None
        if kind == "cause" and item_data(index, GroupActionRole):
            return str(item_data(index, ButtonTextRole) or "")
        return None

    def button_rect(self, index: QModelIndex | QPersistentModelIndex, rect: QRect) -> QRect | None:
        label = self.button_label(index)
        if label is None:
            return None
        return self._button_rect(rect, self.view.fontMetrics(), label)

    def row_size(self, kind: str, msg: str, ref: str, button: str | None) -> QSize:
        """The height a row needs at the view's current width (cached: layout asks often).
        ``kind`` is "group", "cause", "row" or "compact" (a row of a cause group)."""
        font = self.view.font()
        # a finding row sits one level in: one indentation for its level, one for the root's
        # expand arrows (when shown)
        levels = (1 if kind in ("row", "compact") else 0) + (1 if self.view.rootIsDecorated() else 0)
        width = max(200, self.view.viewport().width() - self.view.indentation() * levels - 2)
        key = (kind, msg, ref, button, width, font.key())
        size = self._sizes.get(key)
        if size is not None:
            return size
        fm = QFontMetrics(font)
        if kind == "group":
            size = QSize(width, fm.height() + 12)
        else:
            button_w = fm.horizontalAdvance(button) + 24 + PAD * 3 if button else PAD * 2
            text_font = self._bold(font) if kind == "cause" else font
            msg_rect = QFontMetrics(text_font).boundingRect(
                QRect(0, 0, width - button_w, 10_000), int(Qt.TextFlag.TextWordWrap), msg)
            small = QFontMetrics(self._small(font))
            ref_rect = small.boundingRect(QRect(0, 0, width - button_w, 10_000),
                                          int(Qt.TextFlag.TextWordWrap), "§ " + ref) if ref else QRect()
            badge = fm.height() + 4 + 4 if kind in ("row", "cause") else 0
            h = PAD * 2 + badge + msg_rect.height() + (ref_rect.height() + 2 if ref else 0)
            least = fm.height() + 10 + PAD * 2 if button else fm.height() + PAD * 2
            size = QSize(width, max(h, least))
        if len(self._sizes) > 20_000:
            self._sizes.clear()
        self._sizes[key] = size
        return size

    @staticmethod
    def _small(font: QFont) -> QFont:
        f = QFont(font)
        f.setPointSizeF(max(7.0, font.pointSizeF() * 0.88))
        return f

    @staticmethod
    def _bold(font: QFont) -> QFont:
        f = QFont(font)
        f.setBold(True)
        return f

    # --- painting --------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        kind = item_data(index, KindRole)
        if kind not in ("row", "cause"):
            super().paint(painter, option, index)
            return
        compact = bool(item_data(index, CompactRole))
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, self.view)
        rect = option.rect
        label = self.button_label(index)
        button = self._button_rect(rect, option.fontMetrics, label) if label is not None else None
        right = (button.left() - PAD) if button is not None else rect.right() - PAD
        body = QRect(rect.left() + PAD, rect.top() + PAD, right - rect.left() - PAD,
                     rect.height() - PAD * 2)
        painter.save()
        f: Finding | None = item_data(index, FindingRole)
        state: str | None = None
        if kind == "row" and f is not None and not compact:
            blocking = id(f) in self.view.blocker_ids  # type: ignore[attr-defined]
            state = "blocked" if blocking else SEVERITY_STATE.get(f.severity.value, "pending")
            if f.blocks and not blocking:
                state = "attention"  # covered by an allowed override
        elif kind == "cause":
            state = str(item_data(index, StateRole) or "pending")
        if state is not None:
            small_bold = self._small(option.font)
            small_bold.setBold(True)
            badge_w = option.fontMetrics.horizontalAdvance("✕ " + text.severity_label(Severity.BLOCK)) \
                + option.fontMetrics.height()
            badge = QRect(body.left(), body.top(), badge_w, option.fontMetrics.height() + 4)
            paint_pill(painter, QRectF(badge), text.state_severity_label(state), state,
                       font=small_bold)
            body.setTop(badge.bottom() + 4)
        elif compact:  # one line, centred on the button
            body = QRect(body.left(), rect.top(), body.width(), rect.height())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        fg = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        painter.setPen(fg)
        painter.setFont(self._bold(option.font) if kind == "cause" else option.font)
        msg = str(item_data(index, Qt.ItemDataRole.DisplayRole))
        flags = int(Qt.TextFlag.TextWordWrap | (Qt.AlignmentFlag.AlignVCenter if compact
                                                 else Qt.AlignmentFlag.AlignTop))
        used = painter.boundingRect(body, int(Qt.TextFlag.TextWordWrap), msg)
        painter.drawText(body, flags, msg)
        ref = str(item_data(index, RefRole) or "")
        if ref:
            painter.setFont(self._small(option.font))
            painter.setPen(fg if selected else muted(pal))
            ref_rect = QRect(body.left(), used.bottom() + 2, body.width(), body.bottom() - used.bottom())
            painter.drawText(ref_rect, flags, "§ " + ref)
        painter.restore()
        if button is not None and label is not None:
            btn = QStyleOptionButton()
            btn.rect = button
            btn.text = label
            btn.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
            if self._pressed is not None and QModelIndex(self._pressed) == index:
                btn.state |= QStyle.StateFlag.State_Sunken
            style.drawControl(QStyle.ControlElement.CE_PushButton, btn, painter, self.view)

    def editorEvent(self, event: QEvent, model: Any, option: QStyleOptionViewItem,
                    index: QModelIndex | QPersistentModelIndex) -> bool:
        label = self.button_label(index)
        if label is None or not isinstance(event, QMouseEvent):
            return super().editorEvent(event, model, option, index)
        inside = self._button_rect(option.rect, option.fontMetrics, label) \
            .contains(event.position().toPoint())
        if event.type() == QEvent.Type.MouseButtonPress and inside:
            self._pressed = QPersistentModelIndex(index)
            self.view.viewport().update()
            return True
        if event.type() == QEvent.Type.MouseButtonRelease:
            was = self._pressed is not None and QModelIndex(self._pressed) == index
            self._pressed = None
            self.view.viewport().update()
            if inside and was:
                if item_data(index, KindRole) == "cause":
                    self.group_clicked.emit(QModelIndex(index))
                else:
                    self.go_to_clicked.emit(item_data(index, FindingRole))
                return True
        return super().editorEvent(event, model, option, index)
