"""The images strip: one row per image with its thumbnail, name and a status badge.

:class:`ImageStripModel` mirrors the session's draft images; thumbnails are decoded on the
``decode`` pool and appear as they arrive. :class:`ImageStripView` is a list that accepts the
same drops as the window and emits :attr:`ImageStripView.image_selected`.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Any

from PySide6.QtCore import (QAbstractListModel, QEvent, QItemSelection, QItemSelectionModel, QModelIndex,
                            QPersistentModelIndex, QRect, QRectF, QSize, Qt, Signal)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QListView, QStyle, QStyledItemDelegate,
                               QStyleOptionViewItem, QWidget)

from prepub.gui.qtcompat import item_data
from prepub.gui import text
from prepub.gui.imaging import THUMB_SIDE, DecodedImage, decode_for_display
from prepub.gui.session import PostSession
from prepub.gui.style import STATE_SYMBOLS, paint_pill

PathRole = Qt.ItemDataRole.UserRole + 1
StateRole = Qt.ItemDataRole.UserRole + 2
ErrorRole = Qt.ItemDataRole.UserRole + 3
BadgeRole = Qt.ItemDataRole.UserRole + 4
THUMB_H = 72  # a row: the thumbnail's height plus a margin
THUMB_W = THUMB_H * 4 / 3
MIN_THUMB_W = 48.0
THUMBS_IN_FLIGHT = 4  # decode tasks queued at once (the decode pool runs one or two)


class ImageStripModel(QAbstractListModel):
    """The draft's images, in order, with thumbnails and states."""

    def __init__(self, session: PostSession, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self._paths: list[str] = []
        self._thumbs: dict[str, QPixmap] = {}
        self._thumb_errors: dict[str, str] = {}
        self._states: dict[str, str] = {}
        self._counts: dict[str, int] = {}
        self._scaled: dict[tuple[str, int, int], QPixmap] = {}
        # thumbnails are decoded a few at a time: queueing 100 tasks at once would hold the
        # window for a tenth of a second when a folder is dropped
        self._thumb_queue: deque[str] = deque()
        self._thumbs_in_flight = 0
        session.draft_replaced.connect(self._reset)
        session.images_added.connect(self._added)
        session.images_removed.connect(self._removed)
        session.report_ready.connect(self._refresh_states)
        session.findings_changed.connect(self._refresh_states)

    # --- model -----------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._paths)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self._paths):
            return None
        path = self._paths[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return Path(path).name
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbs.get(path)
        if role == PathRole:
            return path
        if role == StateRole:
            return self._states.get(path, "pending")
        if role == ErrorRole:
            rep = self.session.reports.get(path)
            return (rep.error if rep is not None else None) or self._thumb_errors.get(path)
        if role == BadgeRole:
            return self.badge_text(path)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{path}\n{text.state_description(self.state(path), self.count(path))}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{Path(path).name}: {text.state_description(self.state(path), self.count(path))}"
        return None

    def path_at(self, row: int) -> str | None:
        return self._paths[row] if 0 <= row < len(self._paths) else None

    def row_of(self, path: str) -> int:
        try:
            return self._paths.index(path)
        except ValueError:
            return -1

    def thumbnail(self, path: str) -> QPixmap | None:
        return self._thumbs.get(path)

    def scaled_thumbnail(self, path: str, width: int, height: int) -> QPixmap | None:
        """The thumbnail scaled to fit ``width`` x ``height``, made once per size (smooth
        scaling on every paint cost the window's thread about a millisecond a row)."""
        key = (path, width, height)
        pix = self._scaled.get(key)
        if pix is None:
            thumb = self._thumbs.get(path)
            if thumb is None or thumb.isNull():
                return None
            pix = thumb.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)
            if len(self._scaled) > 4 * max(64, len(self._paths)):
                self._scaled.clear()
            self._scaled[key] = pix
        return pix

    def state(self, path: str) -> str:
        return self._states.get(path, "pending")

    def count(self, path: str) -> int:
        """What the badge counts: the photo's blockers when it is blocked, what is to check
        when it needs a look, else 0 (the same findings the panel and Export count)."""
        return self._counts.get(path, 0)

    def badge_text(self, path: str) -> str:
        """The badge's words: "Blocked · 3", "To check · 1", "Ready"."""
        return text.state_badge(self.state(path), self.count(path))

    # --- session changes -------------------------------------------------------------------------

    def _reset(self) -> None:
        self.beginResetModel()
        self._paths = [im.path for im in self.session.draft.images]
        self._thumbs.clear()
        self._scaled.clear()
        self._thumb_errors.clear()
        self._states.clear()
        self._counts.clear()
        self.endResetModel()
        self._queue_thumbs(self._paths)

    def _added(self, paths: list[str]) -> None:
        """New rows where the draft has them (an undone removal puts photos back in place)."""
        paths = [p for p in paths if p not in self._paths]
        if not paths:
            return
        order = {im.path: i for i, im in enumerate(self.session.draft.images)}
        last = max((order.get(q, -1) for q in self._paths), default=-1)
        if all(order.get(p, len(order)) > last for p in paths):  # the usual case: appended
            paths.sort(key=lambda q: order.get(q, len(order)))
            first = len(self._paths)
            self.beginInsertRows(QModelIndex(), first, first + len(paths) - 1)
            self._paths.extend(paths)
            self.endInsertRows()
            self._queue_thumbs(paths)
            return
        for p in sorted(paths, key=lambda q: order.get(q, len(order))):
            want = order.get(p, len(order))
            row = next((r for r, q in enumerate(self._paths) if order.get(q, len(order)) > want),
                       len(self._paths))
            self.beginInsertRows(QModelIndex(), row, row)
            self._paths.insert(row, p)
            self.endInsertRows()
        self._queue_thumbs(paths)

    def _queue_thumbs(self, paths: list[str]) -> None:
        self._thumb_queue.extend(paths)
        self._feed_thumbs()

    def _feed_thumbs(self) -> None:
        while self._thumb_queue and self._thumbs_in_flight < THUMBS_IN_FLIGHT:
            p = self._thumb_queue.popleft()
            if p in self._paths and p not in self._thumbs:
                self._thumbs_in_flight += 1
                self._load_thumb(p)

    def _removed(self, paths: list[str]) -> None:
        for p in paths:
            row = self.row_of(p)
            if row < 0:
                continue
            self.beginRemoveRows(QModelIndex(), row, row)
            self._paths.pop(row)
            self._thumbs.pop(p, None)
            self._states.pop(p, None)
            self._counts.pop(p, None)
            self.endRemoveRows()

    def _refresh_states(self, *_args: Any) -> None:
        for row, p in enumerate(self._paths):
            new = self.session.image_state(p)
            n_block, n_check = self.session.counts_for(p)
            n = n_block if new == "blocked" else n_check if new == "attention" else 0
            if self._states.get(p) != new or self._counts.get(p, 0) != n:
                self._states[p] = new
                self._counts[p] = n
                idx = self.index(row)
                self.dataChanged.emit(idx, idx)

    def _load_thumb(self, path: str) -> None:
        def done(result: DecodedImage | None, error: BaseException | None) -> None:
            self._thumbs_in_flight -= 1
            self._feed_thumbs()
            row = self.row_of(path)
            if row < 0:
                return
            if result is not None:
                self._thumbs[path] = QPixmap.fromImage(result.image)
            else:
                self._thumb_errors[path] = getattr(error, "reason", str(error))
            idx = self.index(row)
            self.dataChanged.emit(idx, idx)

        self.session.runner.run_in_background(decode_for_display, done, pool="decode",
                                              name="thumbnail", args=(path,),
                                              kwargs={"max_side": THUMB_SIDE})


class ImageStripDelegate(QStyledItemDelegate):
    """Thumbnail on the left; beside it the file name (as many lines as fit) and the state
    badge with its count. The thumbnail gives way before the badge does, so a narrow strip
    (a 1366 x 768 screen) still shows "Blocked · 3" whole."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(option.rect.width() or 220, THUMB_H + 12)

    @staticmethod
    def badge_font(font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        small.setBold(True)
        return small

    @staticmethod
    def badge_width(label: str, state: str, font: QFont) -> float:
        """The width :func:`paint_pill` needs for the whole badge."""
        fm = QFontMetrics(font)
        return fm.horizontalAdvance(f"{STATE_SYMBOLS.get(state, '')} {label}".strip()) + fm.height()

    def layout(self, rect: QRect, font: QFont, label: str, state: str
               ) -> tuple[QRectF, QRectF, QRectF]:
        """(thumbnail, name, badge) rectangles in a row's ``rect``."""
        r = rect.adjusted(6, 6, -6, -6)
        bfont = self.badge_font(font)
        need = self.badge_width(label, state, bfont) + 2
        thumb_w = max(MIN_THUMB_W, min(THUMB_W, r.width() - 8 - need))
        thumb_h = min(float(THUMB_H), thumb_w * 3 / 4)
        thumb = QRectF(r.left(), r.top() + (r.height() - thumb_h) / 2, thumb_w, thumb_h)
        left = thumb.right() + 8
        bh = QFontMetrics(bfont).height() + 4
        badge = QRectF(left, r.bottom() - bh, max(0.0, r.right() - left), bh)
        name = QRectF(left, r.top(), max(0.0, r.right() - left), badge.top() - 4 - r.top())
        return thumb, name, badge

    @staticmethod
    def name_lines(name: str, rect: QRectF, fm: QFontMetrics) -> str:
        """``name`` as it fits in ``rect`` (wrapped anywhere; elided in the middle when it
        needs more lines than there are)."""
        lines = max(1, int(rect.height() // fm.lineSpacing()))
        room = int(rect.width()) * lines - fm.averageCharWidth() * lines
        return name if fm.horizontalAdvance(name) <= room else \
            fm.elidedText(name, Qt.TextElideMode.ElideMiddle, room)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        style = option.widget.style() if option.widget else None
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = type(opt.icon)()
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        state = str(item_data(index, StateRole) or "pending")
        label = str(item_data(index, BadgeRole) or text.state_label(state))
        thumb_box, name_rect, badge = self.layout(option.rect, option.font, label, state)
        model = index.model()
        path = str(item_data(index, PathRole) or "")
        size = thumb_box.size().toSize()
        scaled = model.scaled_thumbnail(path, size.width(), size.height()) \
            if isinstance(model, ImageStripModel) else None
        pal = option.palette
        if scaled is not None:
            x = thumb_box.left() + (thumb_box.width() - scaled.width()) / 2
            y = thumb_box.top() + (thumb_box.height() - scaled.height()) / 2
            painter.drawPixmap(int(x), int(y), scaled)
        else:
            painter.fillRect(thumb_box, pal.color(QPalette.ColorRole.Mid))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        fg = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        painter.setFont(option.font)
        painter.setPen(fg)
        name = str(item_data(index, Qt.ItemDataRole.DisplayRole) or "")
        painter.drawText(name_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                                        | Qt.TextFlag.TextWrapAnywhere),
                         self.name_lines(name, name_rect, option.fontMetrics))
        paint_pill(painter, badge, label, state, font=self.badge_font(option.font))
        painter.restore()


class ImageStripView(QListView):
    """The strip widget. ``image_selected(path)`` fires when the current image changes."""

    image_selected = Signal(str)
    selection_changed = Signal(list)  # the selected paths, in strip order
    remove_requested = Signal(list)

    def __init__(self, model: ImageStripModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageStrip")
        self.setModel(model)
        self.setItemDelegate(ImageStripDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMinimumWidth(220)
        self.retranslate()
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.selectionModel().selectionChanged.connect(self._selection_changed)
        model.rowsInserted.connect(self._select_first_if_none)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Images in the post"))
        self.viewport().update()  # the badges are worded as they are painted

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _current_changed(self, current: QModelIndex, _prev: QModelIndex) -> None:
        path = item_data(current, PathRole) if current.isValid() else None
        self.image_selected.emit(path or "")

    def _selection_changed(self, *_args: Any) -> None:
        self.selection_changed.emit(self.selected_paths())

    def selected_paths(self) -> list[str]:
        """The selected photos in strip order (the current one when nothing is selected)."""
        rows = sorted(i.row() for i in self.selectionModel().selectedRows())
        model: ImageStripModel = self.model()  # type: ignore[assignment]
        paths = [p for p in (model.path_at(r) for r in rows) if p]
        if not paths and self.currentIndex().isValid():
            current = model.path_at(self.currentIndex().row())
            paths = [current] if current else []
        return paths

    def _select_first_if_none(self, *_args: Any) -> None:
        if not self.currentIndex().isValid() and self.model().rowCount() > 0:
            self.setCurrentIndex(self.model().index(0, 0))

    def select_paths(self, paths: list[str]) -> None:
        """Select exactly ``paths`` (the first becomes the current photo): the inspector then
        edits all of them at once."""
        model: ImageStripModel = self.model()  # type: ignore[assignment]
        rows = [r for r in (model.row_of(p) for p in paths) if r >= 0]
        if not rows:
            return
        sm = self.selectionModel()
        sel = QItemSelection()
        for r in rows:
            sel.select(model.index(r, 0), model.index(r, 0))
        sm.setCurrentIndex(model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        sm.select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(model.index(rows[0], 0))

    def select_path(self, path: str) -> None:
        model: ImageStripModel = self.model()  # type: ignore[assignment]
        row = model.row_of(path)
        if row >= 0:
            self.setCurrentIndex(model.index(row, 0))
            self.scrollTo(model.index(row, 0))

    def step(self, delta: int) -> None:
        """Select the next (1) or previous (-1) image."""
        n = self.model().rowCount()
        if n == 0:
            return
        row = self.currentIndex().row()
        row = 0 if row < 0 else max(0, min(n - 1, row + delta))
        self.setCurrentIndex(self.model().index(row, 0))

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Delete:
            paths = self.selected_paths()
            if paths:
                self.remove_requested.emit(paths)
                return
        super().keyPressEvent(event)
