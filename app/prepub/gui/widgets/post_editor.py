"""The post editor: the text with live checks, target channels, per-channel counters and LIX.

Findings with a character span are drawn as wavy underlines (red blocks, amber warnings, blue
notes); hovering shows the message, how to fix it and the policy paragraph; a fix is one click in
the context menu, the "Apply suggestion" button or Ctrl+. (the window's action). The checks run
on the ``eval`` pool ~300 ms after the last keystroke (see :class:`~prepub.gui.session.PostSession`);
while they run, the existing underlines move with the text.

The text keeps Qt's own typing history; each of its steps also goes on the session's undo stack
(:class:`~prepub.gui.edits.DocumentEdit`), and Ctrl+Z here goes to that stack, so the post has
one history whatever has the focus.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (QAction, QColor, QContextMenuEvent, QKeyEvent, QTextCharFormat,
                           QTextCursor)
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
                               QSizePolicy, QTextEdit, QToolTip, QVBoxLayout, QWidget)

from prepub.core.model import Finding, Severity
from prepub.gui import text
from prepub.gui.edits import DocumentEdit, is_history_key
from prepub.gui.session import PostSession

UNDERLINE = {Severity.BLOCK: "#D93025", Severity.WARN: "#E8A200", Severity.INFO: "#4285F4"}


class PostTextEdit(QPlainTextEdit):
    """A plain-text editor that underlines findings and offers their fixes."""

    fix_applied = Signal(str)  # rule id

    def __init__(self, session: PostSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("postText")
        self.session = session
        self.spans: list[tuple[int, int, Finding]] = []
        self.retranslate()
        self.document().contentsChange.connect(self._shift_spans)
        self.document().undoCommandAdded.connect(self._document_step)
        self._step_label: Callable[[], str] | None = None  # names the next step of the history

    def retranslate(self) -> None:
        self.setPlaceholderText(self.tr("Write the post here. Prepub checks it as you type."))
        self.setAccessibleName(self.tr("Post text"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- one history: the text's steps go on the session's undo stack ---------------------------

    def _document_step(self) -> None:
        label, self._step_label = self._step_label, None
        command = DocumentEdit(self.document(), "")
        command.describe = label or (lambda: self.tr("Edit the post text"))  # type: ignore[attr-defined]
        command.setText(command.describe())  # type: ignore[attr-defined]
        self.session.undo_stack.push(command)

    def labelled_edit(self, label: Callable[[], str], replace: tuple[int, int] | None,
                      new_text: str) -> None:
        """Replace ``replace`` (start, end; None: the whole text) by ``new_text`` as one named
        undo step."""
        cur = QTextCursor(self.document())
        if replace is None:
            cur.select(QTextCursor.SelectionType.Document)
        else:
            cur.setPosition(replace[0])
            cur.setPosition(replace[1], QTextCursor.MoveMode.KeepAnchor)
        self._step_label = label
        cur.beginEditBlock()
        cur.insertText(new_text)
        cur.endEditBlock()
        self._step_label = None

    def undo(self) -> None:  # type: ignore[override]
        self.session.undo_stack.undo()

    def redo(self) -> None:  # type: ignore[override]
        self.session.undo_stack.redo()

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if is_history_key(e):  # the window's Undo/Redo act on the session's stack
            e.ignore()
            return
        super().keyPressEvent(e)

    # --- underlines ------------------------------------------------------------------------------

    def set_findings(self, findings: list[Finding]) -> None:
        n = len(self.toPlainText())
        self.spans = [(max(0, f.span[0]), min(n, f.span[1]), f) for f in findings
                      if f.span is not None and f.span[1] > f.span[0] and f.span[0] < n]
        self._paint()

    def _paint(self) -> None:
        sels = []
        for start, end, f in sorted(self.spans, key=lambda s: s[2].severity.rank):
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(UNDERLINE[f.severity]))
            sel.format = fmt
            cur = QTextCursor(self.document())
            cur.setPosition(start)
            cur.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cur
            sels.append(sel)
        self.setExtraSelections(sels)

    def _shift_spans(self, pos: int, removed: int, added: int) -> None:
        """Keep underlines on their words while the checks catch up with an edit."""
        delta = added - removed
        kept = []
        for start, end, f in self.spans:
            if end <= pos:
                kept.append((start, end, f))
            elif start >= pos + removed:
                kept.append((start + delta, end + delta, f))
            # spans the edit touched are dropped until the next check
        self.spans = kept
        self._paint()

    def findings_at(self, position: int) -> list[Finding]:
        return [f for s, e, f in self.spans if s <= position < e or (s < position <= e)]

    def span_of(self, finding: Finding) -> tuple[int, int] | None:
        for s, e, f in self.spans:
            if f is finding:
                return s, e
        return None

    # --- tooltips, fixes -------------------------------------------------------------------------

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent) \
                and is_history_key(e):
            e.ignore()  # let the window's Undo/Redo shortcut have it
            return False
        if e.type() == QEvent.Type.ToolTip:
            pos = self.cursorForPosition(self.viewport().mapFromGlobal(e.globalPos())).position()
            found = self.findings_at(pos)
            if found:
                QToolTip.showText(e.globalPos(), self.tooltip_for(found), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def tooltip_for(self, findings: list[Finding]) -> str:
        lang = self.session.ui_language
        parts = []
        for f in findings:
            msg = text.finding_message(f, lang, self.session.policy)
            helptext = text.finding_help(f, lang)
            ref = f.policy_ref or ""
            block = f"<b>{_esc(text.severity_label(f.severity))}:</b> {_esc(msg)}"
            if helptext:
                block += f"<br>{_esc(helptext)}"
            if f.fix is not None and f.fix.replacement is not None:
                block += "<br><i>" + _esc(self.tr("Suggestion: “%1”").replace("%1", f.fix.replacement)) + "</i>"
            if ref:
                block += f"<br><small>{_esc(ref)}</small>"
            parts.append(block)
        return "<p>" + "</p><hr><p>".join(parts) + "</p>"

    def contextMenuEvent(self, e: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        for act in menu.actions():  # the text's own undo would bypass the post's history
            if act.objectName() in ("edit-undo", "edit-redo"):
                act.triggered.disconnect()
                act.triggered.connect(self.undo if act.objectName() == "edit-undo" else self.redo)
                act.setEnabled(self.session.undo_stack.canUndo() if act.objectName() == "edit-undo"
                               else self.session.undo_stack.canRedo())
        pos = self.cursorForPosition(e.pos()).position()
        fixes = [f for f in self.findings_at(pos) if f.fix is not None and f.fix.replacement is not None]
        if fixes:
            first = menu.actions()[0] if menu.actions() else None
            for f in fixes:
                act = QAction(self.tr("Replace with “%1”").replace("%1", f.fix.replacement or "")
                              if f.fix.replacement else self.tr("Remove"), menu)
                act.triggered.connect(lambda _c=False, ff=f: self.apply_fix(ff))
                menu.insertAction(first, act)
            menu.insertSeparator(first)
        menu.exec(e.globalPos())

    def fixable_at_cursor(self) -> Finding | None:
        pos = self.textCursor().position()
        for f in self.findings_at(pos):
            if f.fix is not None and f.fix.replacement is not None:
                return f
        return None

    def apply_fix(self, finding: Finding) -> bool:
        """Replace the finding's span with its suggestion (one undo step)."""
        span = self.span_of(finding)
        if span is None or finding.fix is None or finding.fix.replacement is None:
            return False
        replacement = finding.fix.replacement
        self.labelled_edit(lambda: self.tr("Replace with “%1”").replace("%1", replacement),
                           span, finding.fix.replacement)
        self.fix_applied.emit(finding.rule)
        return True

    def next_fixable(self) -> tuple[int, int] | None:
        """The span of the first suggestion after the cursor (wrapping round), if any."""
        spans = sorted((s, e) for s, e, f in self.spans
                       if f.fix is not None and f.fix.replacement is not None)
        if not spans:
            return None
        pos = self.textCursor().position()
        return next((sp for sp in spans if sp[0] > pos), spans[0])

    def select_span(self, span: tuple[int, int]) -> None:
        n = len(self.toPlainText())
        cur = QTextCursor(self.document())
        cur.setPosition(min(span[0], n))
        cur.setPosition(min(span[1], n), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cur)
        self.ensureCursorVisible()
        self.setFocus(Qt.FocusReason.OtherFocusReason)


class PostEditor(QWidget):
    """Channels, the text, counters, LIX and the quick-fix button."""

    def __init__(self, session: PostSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("postEditor")
        self.session = session
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.post_to = QLabel()
        top.addWidget(self.post_to)
        self.channel_row = QHBoxLayout()
        top.addLayout(self.channel_row)
        top.addStretch(1)
        lay.addLayout(top)
        self.channel_boxes: dict[str, QCheckBox] = {}
        self.edit = PostTextEdit(session, self)
        self.edit.textChanged.connect(self._text_edited)
        self.edit.cursorPositionChanged.connect(self._update_fix_button)
        lay.addWidget(self.edit, 1)
        bottom = QHBoxLayout()
        self.counters = QLabel()
        self.counters.setTextFormat(Qt.TextFormat.RichText)
        self.counters.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.counters.setWordWrap(True)
        bottom.addWidget(self.counters, 1)
        self.lix = QLabel()
        self.lix.setObjectName("lixLabel")
        bottom.addWidget(self.lix)
        self.fix_button = QPushButton()
        # Ctrl+. is the window's action (a button's shortcut is lost whenever its text changes)
        self.fix_button.clicked.connect(self.apply_fix_at_cursor)
        self.fix_button.setEnabled(False)
        bottom.addWidget(self.fix_button)
        lay.addLayout(bottom)
        self.unavailable = QLabel()
        self.unavailable.setWordWrap(True)
        self.unavailable.hide()
        lay.addWidget(self.unavailable)

        session.channels_changed.connect(self._rebuild_channels)
        session.draft_replaced.connect(self._reset_text)
        session.text_changed.connect(self._load_text)
        session.text_result_changed.connect(self._result)
        session.findings_changed.connect(self._result)
        self._rebuild_channels()
        self._reset_text()
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the UI language (at start and when the language changes)."""
        self.post_to.setText(self.tr("Post to:"))
        self.fix_button.setToolTip(self.tr("Apply the suggested fix at the cursor (Ctrl+.)"))
        self._update_fix_button()
        self._result()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- channels --------------------------------------------------------------------------------

    def _rebuild_channels(self) -> None:
        chosen = set(self.session.draft.channels)
        available = self.session.policy.channels
        if set(available) == set(self.channel_boxes):
            for name, box in self.channel_boxes.items():
                box.blockSignals(True)
                box.setChecked(name in chosen)
                box.setText(str(available[name].get("label", name)))  # a new policy's words
                box.blockSignals(False)
            self._update_counters()
            return
        for box in self.channel_boxes.values():
            box.deleteLater()
        self.channel_boxes = {}
        for name, cfg in available.items():
            box = QCheckBox(str(cfg.get("label", name)), self)
            box.setObjectName(f"channel_{name}")
            box.setChecked(name in chosen)
            box.toggled.connect(self._channels_edited)
            self.channel_row.addWidget(box)
            self.channel_boxes[name] = box
        self._update_counters()

    def _channels_edited(self) -> None:
        self.session.set_channels([n for n, b in self.channel_boxes.items() if b.isChecked()])

    # --- text ------------------------------------------------------------------------------------

    def _reset_text(self) -> None:
        """Another post: its text, with a history that starts here."""
        self.edit.blockSignals(True)
        self.edit.setPlainText(self.session.draft.text)  # also empties the text's own history
        self.edit.blockSignals(False)
        self.edit.spans = []
        self.edit._paint()

    def _load_text(self) -> None:
        """The post's text was replaced from outside (a text file dropped): one undo step."""
        new = self.session.draft.text
        if self.edit.toPlainText() == new:
            return
        self.edit.blockSignals(True)
        self.edit.labelled_edit(lambda: self.tr("Load the post text"), None, new)
        self.edit.blockSignals(False)
        self.edit.spans = []
        self.edit._paint()

    def _text_edited(self) -> None:
        self.session.set_text(self.edit.toPlainText())
        self._update_counters()

    def _result(self) -> None:
        s = self.session
        if s.text_error is not None:
            self.unavailable.setText(self.tr("The text checks are not available in this "
                                             "installation (%1).").replace("%1", s.text_error))
            self.unavailable.show()
        else:
            self.unavailable.hide()
        if s.text_result is not None and s.draft.text == self.edit.toPlainText():
            self.edit.set_findings(s.text_findings())
        res = s.text_result
        if res is not None and res.lix is not None and s.draft.text.strip():
            self.lix.setText(self.tr("LIX %1 · %2").replace("%1", f"{res.lix:.0f}")
                             .replace("%2", text.lix_band_label(res.lix_band, res.lix)))
            self.lix.setToolTip(self.tr("LIX is a readability index: under 30 is very easy, "
                                        "30–40 easy, 40–50 average, over 50 hard."))
        else:
            self.lix.setText("")
        self._update_counters()
        self._update_fix_button()

    def _update_counters(self) -> None:
        res = self.session.text_result
        policy = self.session.policy
        parts = []
        for name in self.session.draft.channels:
            cfg = policy.channel(name)
            limit = cfg.get("max_chars")
            n = res.counts.get(name) if res is not None and name in res.counts else None
            if n is None:
                n = len(self.edit.toPlainText())
            label = str(cfg.get("label", name))
            if limit and n > int(limit):
                parts.append(f"<b style='color:{UNDERLINE[Severity.BLOCK]}'>{_esc(label)} {n}/{limit}</b>")
            elif limit:
                parts.append(f"{_esc(label)} {n}/{limit}")
            else:
                parts.append(f"{_esc(label)} {n}")
        self.counters.setText(" · ".join(parts) if parts else self.tr("Choose at least one channel"))

    def _update_fix_button(self) -> None:
        f = self.edit.fixable_at_cursor()
        self.fix_button.setEnabled(f is not None)
        if f is not None and f.fix is not None:
            self.fix_button.setText(self.tr("Replace with “%1”").replace("%1", f.fix.replacement or ""))
        else:
            self.fix_button.setText(self.tr("Apply suggestion"))

    def apply_fix_at_cursor(self) -> None:
        f = self.edit.fixable_at_cursor()
        if f is not None:
            self.edit.apply_fix(f)

    def apply_fix_or_next(self) -> bool:
        """Ctrl+.: apply the suggestion at the cursor; without one there, select the next
        suggestion (press again to apply it). False when the text has none."""
        f = self.edit.fixable_at_cursor()
        if f is not None:
            return self.edit.apply_fix(f)
        span = self.edit.next_fixable()
        if span is None:
            return False
        self.edit.select_span(span)
        return True

    def go_to(self, finding: Finding) -> None:
        span = self.edit.span_of(finding) or finding.span
        if span is not None:
            self.edit.select_span(span)
        else:
            self.edit.setFocus()

    def point_for(self, position: int) -> QPoint:
        cur = QTextCursor(self.edit.document())
        cur.setPosition(position)
        return self.edit.viewport().mapToGlobal(self.edit.cursorRect(cur).center())


def _esc(s: Any) -> str:
    return (str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
