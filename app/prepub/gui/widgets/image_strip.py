"""The images strip: one row per image with its thumbnail, name and a status badge.

:class:`ImageStripModel` mirrors the session's draft images; thumbnails are decoded on the
``decode`` pool and appear as they arrive. :class:`ImageStripView` is a list that accepts the
same drops as the window and emits :attr:`ImageStripView.image_selected`.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Any

from PySide6.QtCore import (QAbstractListModel, QModelIndex, QPersistentModelIndex, QRectF, QSize,
                            Qt, Signal)
from PySide6.QtGui import QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QListView, QStyle, QStyledItemDelegate,
                               QStyleOptionViewItem, QWidget)

from prepub.gui.qtcompat import item_data
from prepub.gui import text
from prepub.gui.imaging import THUMB_SIDE, DecodedImage, decode_for_display
from prepub.gui.session import PostSession
from prepub.gui.style import paint_pill

PathRole = Qt.ItemDataRole.UserRole + 1
StateRole = Qt.ItemDataRole.UserRole + 2
ErrorRole = Qt.ItemDataRole.UserRole + 3
THUMB_H = 96
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
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{path}\n{text.state_label(self._states.get(path, 'pending'))}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{Path(path).name}: {text.state_label(self._states.get(path, 'pending'))}"
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

    def state(self, path: str) -> str:
        return self._states.get(path, "pending")

    # --- session changes -------------------------------------------------------------------------

    def _reset(self) -> None:
        self.beginResetModel()
        self._paths = [im.path for im in self.session.draft.images]
        self._thumbs.clear()
        self._thumb_errors.clear()
        self._states.clear()
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
            self.endRemoveRows()

    def _refresh_states(self, *_args: Any) -> None:
        for row, p in enumerate(self._paths):
            new = self.session.image_state(p)
            if self._states.get(p) != new:
                self._states[p] = new
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
    """Thumbnail on the left, file name and the state badge beside it."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(option.rect.width() or 220, THUMB_H + 12)

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
        r = option.rect.adjusted(6, 6, -6, -6)
        thumb_box = QRectF(r.left(), r.top(), THUMB_H * 4 / 3, THUMB_H)
        pix: QPixmap | None = item_data(index, Qt.ItemDataRole.DecorationRole)
        pal = option.palette
        if pix is not None and not pix.isNull():
            scaled = pix.scaled(thumb_box.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio,
                                Qt.TransformationMode.SmoothTransformation)
            x = thumb_box.left() + (thumb_box.width() - scaled.width()) / 2
            y = thumb_box.top() + (thumb_box.height() - scaled.height()) / 2
            painter.drawPixmap(int(x), int(y), scaled)
        else:
            painter.fillRect(thumb_box, pal.color(QPalette.ColorRole.Mid))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        fg = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        text_left = thumb_box.right() + 8
        text_rect = QRectF(text_left, r.top(), r.right() - text_left, r.height())
        font = option.font
        painter.setFont(font)
        painter.setPen(fg)
        name = str(item_data(index, Qt.ItemDataRole.DisplayRole) or "")
        fm = option.fontMetrics
        painter.drawText(text_rect.adjusted(0, 0, 0, -(r.height() - fm.height() * 2 - 4)),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWrapAnywhere),
                         fm.elidedText(name, Qt.TextElideMode.ElideMiddle, int(text_rect.width()) * 2 - 8))
        state = str(item_data(index, StateRole) or "pending")
        small = type(font)(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        small.setBold(True)
        badge = QRectF(text_left, r.bottom() - fm.height() - 6, text_rect.width(), fm.height() + 6)
        paint_pill(painter, badge, text.state_label(state), state, font=small)
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
        self.setAccessibleName(self.tr("Images in the post"))
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.selectionModel().selectionChanged.connect(self._selection_changed)
        model.rowsInserted.connect(self._select_first_if_none)

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
