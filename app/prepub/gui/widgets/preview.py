"""The preview of the selected image, with a box around every detected face coloured by its state.

The picture is decoded on the ``decode`` pool (a few recent ones are kept). Faces come from the
analysis report in full-resolution pixels and are scaled onto the preview. A click on a box emits
:attr:`PreviewView.face_clicked`; the window opens the face popup there. Zoom with the wheel,
``+`` / ``-`` and ``0`` (fit).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (QBrush, QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPainterPath,
                           QPen, QPixmap, QWheelEvent)
from PySide6.QtWidgets import (QGraphicsItem, QGraphicsPixmapItem, QGraphicsRectItem,
                               QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView,
                               QStyleOptionGraphicsItem, QWidget)

from prepub.gui import text
from prepub.gui.imaging import PREVIEW_SIDE, DecodedImage, decode_for_display
from prepub.gui.session import PostSession
from prepub.gui.style import FACE_COLOURS

CACHE = 4
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0


class FaceBoxItem(QGraphicsRectItem):
    """One face: a coloured frame with a dark outline, a label, and pixelation when blurred."""

    def __init__(self, index: int, rect: QRectF, state: str, label: str) -> None:
        super().__init__(rect)
        self.index = index
        self.state = state
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        self.setToolTip(label)
        self._hover = False
        # a small numbered tag in the state's colour; the full words are in the tooltip/legend
        colour = QColor(FACE_COLOURS.get(state, "#FFFFFF"))
        self.label = QGraphicsSimpleTextItem(str(index + 1), self)
        self.label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        f = QFont()
        f.setBold(True)
        self.label.setFont(f)
        self.label.setBrush(QBrush(QColor("#000000")))
        self.label.setPos(rect.left(), rect.top())
        self._bg = QGraphicsRectItem(self.label.boundingRect().adjusted(-4, -1, 4, 1), self.label)
        self._bg.setBrush(colour)
        self._bg.setPen(QPen(QColor(0, 0, 0, 200), 1))
        self._bg.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent, True)

    def hoverEnterEvent(self, event: Any) -> None:
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event: Any) -> None:
        self._hover = False
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: Any = None) -> None:
        colour = QColor(FACE_COLOURS.get(self.state, "#FFFFFF"))
        r = self.rect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = QPen(QColor(0, 0, 0, 200), 5 if not self._hover else 7)
        outline.setCosmetic(True)
        painter.setPen(outline)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(r)
        pen = QPen(colour, 3 if not self._hover else 5)
        pen.setCosmetic(True)
        if self.state in ("not_identifiable", "small"):
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        if self._hover:
            painter.setBrush(QColor(colour.red(), colour.green(), colour.blue(), 40))
        painter.drawRect(r)


class PreviewView(QGraphicsView):
    """Shows one image of the session with its faces."""

    face_clicked = Signal(str, int, QPoint)  # path, face index, global position

    def __init__(self, session: PostSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.session = session
        self.path = ""
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Image preview"))
        self._cache: OrderedDict[str, tuple[QPixmap, tuple[int, int]]] = OrderedDict()
        self._pixmap_item: QGraphicsPixmapItem | None = None
        self._faces: list[FaceBoxItem] = []
        self._drawn: list[tuple[int, QRectF, str, str]] | None = None  # what _faces show
        self._fit = True
        self._message = ""
        self._loading: str | None = None
        session.report_ready.connect(self._maybe_refresh)
        session.findings_changed.connect(self._refresh_faces)
        session.faces_changed.connect(self._maybe_refresh)
        session.images_removed.connect(self._removed)
        session.draft_replaced.connect(self.clear_image)

    # --- showing an image ------------------------------------------------------------------------

    def clear_image(self) -> None:
        self.show_image("")

    def show_image(self, path: str) -> None:
        self.path = path
        self._scene.clear()
        self._pixmap_item = None
        self._faces, self._drawn = [], None
        self._message = ""
        if not path:
            self.viewport().update()
            return
        cached = self._cache.get(path)
        if cached is not None:
            self._cache.move_to_end(path)
            self._install(cached[0], cached[1])
            return
        self._message = self.tr("Loading…")
        self.viewport().update()
        self._loading = path
        self.session.runner.run_in_background(decode_for_display, self._decoded, pool="decode",
                                              name="preview", args=(path,),
                                              kwargs={"max_side": PREVIEW_SIDE})

    def _decoded(self, result: DecodedImage | None, error: BaseException | None) -> None:
        if result is not None:
            pix = QPixmap.fromImage(result.image)
            self._cache[result.path] = (pix, result.full_size)
            while len(self._cache) > CACHE:
                self._cache.popitem(last=False)
            if result.path == self.path:
                self._install(pix, result.full_size)
        elif self._loading == self.path:
            reason = getattr(error, "reason", None) or str(error)
            self._message = self.tr("This image cannot be shown: %1").replace("%1", reason)
            self.viewport().update()

    def _install(self, pix: QPixmap, full_size: tuple[int, int]) -> None:
        self._message = ""
        self._scene.clear()
        self._faces, self._drawn = [], None
        self._pixmap_item = self._scene.addPixmap(pix)
        self._pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._full_size = full_size
        self._scene.setSceneRect(QRectF(pix.rect()))
        self._refresh_faces()
        if self._fit:
            self.fit()

    def _maybe_refresh(self, path: str) -> None:
        if path == self.path:
            self._refresh_faces()

    def _removed(self, paths: list[str]) -> None:
        for p in paths:
            self._cache.pop(p, None)
        if self.path in paths:
            self.show_image("")

    def _refresh_faces(self) -> None:
        """Draw the face boxes of the photo on show; nothing is redrawn when they look the same
        (each evaluation asks, about once per photo analysed, and a group photo has dozens)."""
        boxes = self._face_boxes()
        if boxes == self._drawn:
            return
        for item in self._faces:
            self._scene.removeItem(item)
        self._faces = []
        self._drawn = boxes
        for index, rect, state, label in boxes:
            if state == "blurred":
                self._add_pixelation(rect)
            item = FaceBoxItem(index, rect, state, label)
            self._scene.addItem(item)
            self._faces.append(item)

    def _face_boxes(self) -> list[tuple[int, QRectF, str, str]]:
        if self._pixmap_item is None or not self.path:
            return []
        rep = self.session.reports.get(self.path)
        if rep is None:
            return []
        pix = self._pixmap_item.pixmap()
        sx = pix.width() / max(1, self._full_size[0])
        sy = pix.height() / max(1, self._full_size[1])
        states = self.session.face_states(self.path)
        people = self._person_names()
        im = self.session.image(self.path)
        out = []
        for face in rep.faces:
            l, t, r, b = face.box
            rect = QRectF(l * sx, t * sy, (r - l) * sx, (b - t) * sy)
            state = states.get(face.index, "unknown")
            label = text.face_state_label(state)
            dec = im.face(face.index) if im is not None else None
            if dec is not None and dec.decision == "person" and dec.person_id in people:
                label = f"{people[dec.person_id]} · {label}"
            out.append((face.index, rect, state, f"{face.index + 1}. {label}"))
        return out

    def face_crop(self, path: str, index: int, side: int = 112) -> QPixmap | None:
        """Face ``index`` of ``path`` as shown (blurred faces blurred), with a margin, scaled to
        ``side``; None when that photo is not the one on show."""
        rep = self.session.reports.get(path)
        face = next((f for f in rep.faces if f.index == index), None) if rep else None
        if self._pixmap_item is None or path != self.path or face is None:
            return None
        pix = self._pixmap_item.pixmap()
        sx = pix.width() / max(1, self._full_size[0])
        sy = pix.height() / max(1, self._full_size[1])
        l, t, r, b = face.box
        mx, my = (r - l) * 0.25, (b - t) * 0.25
        rect = QRectF((l - mx) * sx, (t - my) * sy, (r - l + 2 * mx) * sx,
                      (b - t + 2 * my) * sy).intersected(QRectF(pix.rect()))
        if rect.isEmpty():
            return None
        return pix.copy(rect.toRect()).scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation)

    def _person_names(self) -> dict[str, str]:
        names = getattr(self.session, "person_names", None)
        return dict(names) if names else {}

    def _add_pixelation(self, rect: QRectF) -> None:
        """Show what "blur on export" will look like: the face pixelated in place."""
        if self._pixmap_item is None:
            return
        src = self._pixmap_item.pixmap().copy(rect.toRect())
        if src.isNull():
            return
        small = src.scaled(max(1, src.width() // 12), max(1, src.height() // 12),
                           Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
        block = small.scaled(src.size(), Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.FastTransformation)
        item = QGraphicsPixmapItem(block)
        item.setPos(rect.topLeft())
        item.setZValue(0.5)
        self._scene.addItem(item)
        self._faces.append(item)  # type: ignore[arg-type]  # removed with the boxes

    def face_items(self) -> list[FaceBoxItem]:
        return [f for f in self._faces if isinstance(f, FaceBoxItem)]

    def face_rect_in_view(self, index: int) -> QRectF | None:
        for item in self.face_items():
            if item.index == index:
                return QRectF(self.mapFromScene(item.mapRectToScene(item.rect())).boundingRect())
        return None

    # --- zoom ------------------------------------------------------------------------------------

    def fit(self) -> None:
        self._fit = True
        if self._pixmap_item is not None:
            self.fitInView(self._pixmap_item, Qt.AspectRatioMode.KeepAspectRatio)

    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        factor = max(MIN_ZOOM / current, min(MAX_ZOOM / current, factor))
        self._fit = False
        self.scale(factor, factor)

    def zoom_level(self) -> float:
        return self.transform().m11()

    def focus_face(self, index: int) -> None:
        for item in self.face_items():
            if item.index == index:
                self.centerOn(item)
                return

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self._fit:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self._pixmap_item is None:
            return
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom(1.25 ** steps)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom(0.8)
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            item = self.itemAt(event.position().toPoint())
            while item is not None and not isinstance(item, FaceBoxItem):
                item = item.parentItem()
            if isinstance(item, FaceBoxItem):
                self.face_clicked.emit(self.path, item.index,
                                       self.mapToGlobal(event.position().toPoint()))
                event.accept()
                return
        super().mousePressEvent(event)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawForeground(painter, rect)
        msg = self._message or ("" if self._pixmap_item is not None else self._empty_text())
        if not msg:
            return
        painter.save()
        painter.resetTransform()
        area = QRectF(self.viewport().rect()).adjusted(24, 24, -24, -24)
        painter.setPen(self.palette().color(self.foregroundRole()))
        f = painter.font()
        f.setPointSizeF(f.pointSizeF() * 1.25)
        painter.setFont(f)
        path = QPainterPath()
        path.addRoundedRect(area, 12, 12)
        pen = QPen(self.palette().color(self.foregroundRole()), 2, Qt.PenStyle.DashLine)
        if self._pixmap_item is None and not self._message:
            painter.setPen(pen)
            painter.drawPath(path)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), msg)
        painter.restore()

    def _empty_text(self) -> str:
        if self.session.draft.images:
            return self.tr("Select an image in the list to see it here.")
        return self.tr("Drop photos or a folder here\n(or press Ctrl+I to add images)")

    def scene_point(self, p: QPointF) -> QPointF:
        return self.mapToScene(p.toPoint())
