"""The inspector for the selected image: the fields the policy requires, and what the file says.

Top: photographer (prefilled from the file, remembered), context (what, where, when), alt text
with a length counter against the policy, source and licence, caption. Below: time, camera and
place (an offline place name for the GPS position) with a note that the location is removed on
export. Every edit goes straight into the draft through the session. The widgets and their
words are in ``inspector_form.py``.

With several photos selected in the strip, a field typed here applies to all of them (one undo
step per field); a field whose value differs between them shows "Several values" until it is
typed over, and an "alt text prefix" field puts the same words in front of each photo's alt text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from prepub.core import templates as tpl
from prepub.gui.qtcompat import combo_data
from prepub.gui.edits import route_history_keys
from prepub.gui.session import PostSession
from prepub.gui.settings import GuiSettings
from prepub.gui.style import pill_stylesheet
from prepub.gui.widgets.event_templates import TemplateButton
from prepub.gui.widgets.inspector_form import InspectorForm

FIELDS = ("photographer", "context", "what", "where", "when", "source", "licence", "alt_text",
          "caption")


class InspectorPanel(InspectorForm, QScrollArea):
    """Metadata and required fields of one image."""

    def __init__(self, session: PostSession, settings: GuiSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.session, self.settings = session, settings
        self.path = ""  # the current photo (its file data is shown)
        self.paths: list[str] = []  # every selected photo (the fields apply to all)
        self._writing = False  # our own edit is going into the session
        self._prefix_base: dict[str, str] = {}  # alt texts before the prefix being typed
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(6, 6, 6, 6)

        self._placeholders: dict[QWidget, str] = {}
        self._build_form(body, lay)
        self.templates = TemplateButton(session, lambda: list(self.paths), self._template_values,
                                        body)
        self.title_row.addWidget(self.templates)
        self.photographer.editingFinished.connect(self._remember_photographer)
        self.trip_ended.toggled.connect(session.set_trip_ended)

        self._edits: dict[str, Any] = {
            "photographer": self.photographer, "context.what": self.what,
            "context.where": self.where, "context.when": self.when,
            "source.licence": self.licence, "caption": self.caption,
        }
        for name, edit in self._edits.items():
            edit.textChanged.connect(lambda value, n=name: self._edited(n, value))
            edit.editingFinished.connect(session.close_edit_group)
        self.alt_text.textChanged.connect(self._alt_edited)
        self.alt_prefix.textChanged.connect(self._prefix_edited)
        self.alt_prefix.editingFinished.connect(session.close_edit_group)
        for edit in (*self._edits.values(), self.alt_prefix):
            # a narrow field that lost focus shows the start of its text ("Folkets park, Ma…")
            edit.editingFinished.connect(lambda e=edit: e.hasFocus() or e.setCursorPosition(0))
        self.source.currentIndexChanged.connect(self._source_edited)
        route_history_keys(self, *self._edits.values(), self.alt_text, self.alt_prefix)
        self._highlight_timer = QTimer(self)
        self._highlight_timer.setSingleShot(True)
        self._highlight_timer.timeout.connect(lambda: self._highlight(None))

        session.report_ready.connect(self._maybe_reload)
        session.image_changed.connect(self._image_changed)
        session.images_removed.connect(self._images_removed)
        session.post_changed.connect(self._post_changed)
        session.findings_changed.connect(self._refresh_notices)
        session.channels_changed.connect(self._update_alt_counter)
        session.draft_replaced.connect(self.clear_image)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the UI language (at start and when the language changes)."""
        self.retranslate_form()
        self.templates.retranslate()
        self.show_images(self.paths, self.path or None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- showing an image ------------------------------------------------------------------------

    def clear_image(self) -> None:
        self.show_image("")

    def show_image(self, path: str) -> None:
        self.show_images([path] if path else [])

    def show_images(self, paths: list[str], current: str | None = None) -> None:
        """Show the fields of ``paths`` (the strip's selection); ``current`` (default: the
        first) is the photo whose file data is shown."""
        paths = [p for p in dict.fromkeys(paths) if self.session.image(p) is not None]
        self.paths = paths
        self.path = current if current in paths else (paths[0] if paths else "")
        self._prefix_base = {p: self.session.field_value(p, "alt_text") or "" for p in paths}
        many = len(paths) > 1
        self._form_box.setEnabled(bool(paths))
        self.batch_note.setVisible(many)
        for w in (self.alt_prefix, self.alt_prefix_label):
            w.setVisible(many)
        with _Blocked(self.alt_prefix):
            self.alt_prefix.clear()
        if not paths:
            self.title.setText(self.tr("No image selected"))
        elif many:
            self.title.setText(self.tr("%n photos selected", "", len(paths)))
        else:
            self.title.setText(Path(self.path).name)
        self._load_fields()
        with _Blocked(self.trip_ended):
            self.trip_ended.setChecked(self.session.draft.trip_ended)
        self._show_metadata()
        self._refresh_notices()

    def _template_values(self) -> tuple[dict[str, Any], str]:
        """The fields the selection shares (None where they differ) and the alt text prefix
        being typed, for "Save these fields as a template"."""
        out = {}
        for name in tpl.FIELDS:
            same, value = self._common(name)
            out[name] = value if same else None
        return out, self.alt_prefix.text() if len(self.paths) > 1 else ""

    def _common(self, name: str) -> tuple[bool, Any]:
        """(all the same, that value) of a field over the selection."""
        values = [self.session.field_value(p, name) for p in self.paths]
        if not values:
            return True, ""
        first = values[0]
        return all(v == first for v in values), first

    def _load_fields(self) -> None:
        """Put the selection's values in the fields (skipping those already showing them, so
        the cursor stays where the user types)."""
        several = self.tr("Several values")
        with _Blocked(*self._edits.values(), self.alt_text, self.source):
            for name, edit in self._edits.items():
                same, value = self._common(name)
                value = value if same and value is not None else ""
                if edit.text() != value:
                    edit.setText(value)
                    if not edit.hasFocus():  # a narrow field shows the start, not the end
                        edit.setCursorPosition(0)
                edit.setPlaceholderText(self._placeholders[edit] if same else several)
            same, value = self._common("alt_text")
            value = value if same and value is not None else ""
            if self.alt_text.toPlainText() != value:
                self.alt_text.setPlainText(value)
            self.alt_text.setPlaceholderText(self._placeholders[self.alt_text] if same else several)
            same, kind = self._common("source.kind")
            if not self.paths:
                self.source.setCurrentIndex(0)
            elif same:
                self.source.setCurrentIndex(max(0, self.source.findData(kind or "unknown")))
            else:
                self.source.setCurrentIndex(-1)
                self.source.setPlaceholderText(several)
        self._update_licence_enabled()
        self._update_alt_counter()

    def _maybe_reload(self, path: str) -> None:
        if path in self.paths:  # prefilled fields and metadata arrived
            self._load_fields()
            if path == self.path:
                self._show_metadata()
                self._refresh_notices()

    def _image_changed(self, path: str) -> None:
        """A field changed from elsewhere (undo, redo, another selection): show it; an alt
        text prefix being typed starts again from the new alt texts."""
        if self._writing or path not in self.paths:
            return
        self._prefix_base = {p: self.session.field_value(p, "alt_text") or "" for p in self.paths}
        with _Blocked(self.alt_prefix):
            self.alt_prefix.clear()
        self._load_fields()

    def _images_removed(self, paths: list[str]) -> None:
        if any(p in self.paths for p in paths):
            keep = [p for p in self.paths if p not in paths]
            self.show_images(keep, self.path if self.path in keep else None)

    def _post_changed(self) -> None:
        with _Blocked(self.trip_ended):
            self.trip_ended.setChecked(self.session.draft.trip_ended)
        self._refresh_notices()

    def _show_metadata(self) -> None:
        rep = self.session.reports.get(self.path) if self.path else None
        md = rep.metadata if rep is not None else None
        self.place.setText("–")
        self.gps_notice.hide()
        if rep is None:
            self.taken.setText(self.tr("Checking…") if self.path else "–")
            self.camera.setText("–")
            return
        if rep.error:
            self.taken.setText(self.tr("The file cannot be read: %1").replace("%1", rep.error))
            self.camera.setText("–")
            return
        taken = md.taken_at.value if md is not None and md.taken_at is not None else None
        self.taken.setText(taken.strftime("%Y-%m-%d %H:%M") if hasattr(taken, "strftime")
                           else (str(taken) if taken else self.tr("Not in the file")))
        cam = " ".join(str(t.value) for t in (md.camera_make, md.camera_model) if t is not None) \
            if md is not None else ""
        self.camera.setText(cam or self.tr("Not in the file"))
        if md is not None and md.gps is not None:
            self.gps_notice.show()
            lat, lon = md.gps.lat, md.gps.lon
            self.place.setText(self.tr("Looking up the place… (%1, %2)")
                               .replace("%1", f"{lat:.4f}").replace("%2", f"{lon:.4f}"))
            path = self.path
            places = self.session.services.places

            def done(result: Any, error: BaseException | None) -> None:
                if path != self.path:
                    return
                coords = f"{lat:.4f}, {lon:.4f}"
                if result:
                    self.place.setText(f"{result} ({coords})")
                else:
                    self.place.setText(self.tr("Unknown place (%1)").replace("%1", coords))

            self.session.runner.run_in_background(places.name, done, pool="decode", name="place",
                                                  args=(lat, lon))
        elif md is not None and md.gps_present:
            self.place.setText(self.tr("An empty GPS block (removed on export)"))
        else:
            self.place.setText(self.tr("No position in the file"))

    def _refresh_notices(self) -> None:
        mine = self.session.findings_for(self.path) if self.path else []
        rules = {f.rule for f in mine}
        removed = []
        if "image.serials" in rules:
            removed.append(self.tr("camera serial numbers"))
        if "image.owner_name" in rules:
            removed.append(self.tr("the owner's name"))
        if "image.embedded_preview" in rules:
            removed.append(self.tr("an embedded preview image"))
        if "image.face_regions" in rules:
            removed.append(self.tr("named face regions"))
        self.strip_notice.setVisible(bool(removed))
        self.strip_notice.setText(self.tr("Also removed on export: %1").replace("%1", ", ".join(removed)))
        trip = "location.trip" in rules or self.session.draft.trip_ended
        self.trip_ended.setVisible(trip)

    # --- edits -----------------------------------------------------------------------------------

    def _write(self, name: str, value: Any) -> None:
        if not self.paths:
            return
        self._writing = True
        try:
            self.session.set_fields(self.paths, name, value)
        finally:
            self._writing = False
        if name != "alt_text" and len(self.paths) > 1:
            self._load_fields()  # "several values" gives way to the typed value

    def _edited(self, name: str, value: str) -> None:
        self._write(name, value)

    def _alt_edited(self) -> None:
        self._write("alt_text", self.alt_text.toPlainText())
        self._prefix_base = {p: self.session.field_value(p, "alt_text") or "" for p in self.paths}
        self._update_alt_counter()

    def _prefix_edited(self, prefix: str) -> None:
        """Each selected photo's alt text becomes the prefix followed by the alt text it had."""
        if not self.paths:
            return
        values = {p: (prefix + base) if base.strip() else prefix.rstrip()
                  for p, base in self._prefix_base.items()}
        self._writing = True
        try:
            self.session.set_field_values("alt_text", values)
        finally:
            self._writing = False
        with _Blocked(self.alt_text):
            same, value = self._common("alt_text")
            self.alt_text.setPlainText(value if same else "")
            self.alt_text.setPlaceholderText(self._placeholders[self.alt_text] if same
                                             else self.tr("Several values"))
        self._update_alt_counter()

    def _source_edited(self) -> None:
        kind = combo_data(self.source)
        if kind is not None:
            self._write("source.kind", kind)
        self._update_licence_enabled()

    def _update_licence_enabled(self) -> None:
        kind = combo_data(self.source)
        kinds = {kind} if kind is not None else {self.session.field_value(p, "source.kind")
                                                 for p in self.paths}
        self.licence.setEnabled(bool(kinds & {"stock", "partner"}))

    def _remember_photographer(self) -> None:
        name = self.photographer.text().strip()
        if name:
            self.settings.remember_photographer(name)
            self._photographers.setStringList(self.settings.photographers)

    def alt_text_limit(self) -> int:
        policy, channels = self.session.policy, self.session.draft.channels
        limits = [int(policy.images.alt_text_max)]
        limits += [int(policy.channel(c)["alt_text_max"]) for c in channels
                   if "alt_text_max" in policy.channel(c)]
        return min(limits)

    def _update_alt_counter(self) -> None:
        texts = [self.session.field_value(p, "alt_text") or "" for p in self.paths] \
            or [self.alt_text.toPlainText()]
        n, limit = max(len(t.strip()) for t in texts), self.alt_text_limit()
        self.alt_counter.setText(self.tr("%1 / %2 characters").replace("%1", str(n))
                                 .replace("%2", str(limit)))
        self.alt_counter.setStyleSheet(pill_stylesheet("blocked") if n > limit else "")

    # --- go to fix -------------------------------------------------------------------------------

    def focus_field(self, name: str) -> None:
        """Put the cursor in a field (photographer, context, source, licence, alt_text …)."""
        widget = {"photographer": self.photographer, "context": self.what, "what": self.what,
                  "where": self.where, "when": self.when, "source": self.source,
                  "licence": self.licence, "alt_text": self.alt_text,
                  "caption": self.caption}.get(name)
        if widget is None:
            return
        self.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self._highlight(widget)
        self._highlight_timer.start(1500)

    def _highlight(self, widget: QWidget | None) -> None:
        for w in (self.photographer, self.what, self.where, self.when, self.source, self.licence,
                  self.alt_text, self.caption):
            w.setStyleSheet("")
        if widget is not None:
            widget.setStyleSheet("border: 2px solid palette(highlight);")


class _Blocked:
    """``with _Blocked(a, b):`` — the widgets' signals are blocked inside the block."""

    def __init__(self, *widgets: QWidget) -> None:
        self.widgets = widgets
        self._blockers: list[QSignalBlocker] = []

    def __enter__(self) -> "_Blocked":
        self._blockers = [QSignalBlocker(w) for w in self.widgets]
        return self

    def __exit__(self, *_exc: Any) -> None:
        for b in self._blockers:
            b.unblock()
        self._blockers = []
