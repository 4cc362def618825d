"""The open post as the windows see it: the draft, each image's analysis report, and the findings.

:class:`PostSession` is the one model every widget observes. It owns the :class:`Draft` being
edited, schedules analysis (image by image, cancellable), re-evaluates the policy rules after
every change (debounced, on the ``eval`` pool), and runs the text checks live (debounced
~300 ms). Widgets change the draft only through its methods (the editing ones are in
``session_edits.py``), so every change marks the draft dirty, triggers the checks and is one step
on ``undo_stack``. It never blocks the GUI thread: all core work goes through
:class:`~prepub.gui.tasks.TaskRunner`.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any, Sequence

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from prepub.core.analyze import failed_report
from prepub.core.draft import Draft, DraftImage
from prepub.core.model import Finding, ImageReport, Severity
from prepub.core.policy import Policy
from prepub.core.progress import Cancelled
from prepub.gui import services
from prepub.gui.services import Services, TextResult, Unavailable
from prepub.gui.session_edits import SessionEdits
from prepub.gui.tasks import Task, TaskRunner

EVAL_DELAY_MS = 120
EVAL_DELAY_ANALYSING_MS = 400
TEXT_DELAY_MS = 300

# Image states shown as badges in the strip.
PENDING, READY, ATTENTION, BLOCKED = "pending", "ready", "attention", "blocked"


class PostSession(SessionEdits, QObject):
    """The draft being edited plus everything the checks know about it."""

    draft_replaced = Signal()
    images_added = Signal(list)  # paths
    images_removed = Signal(list)
    report_ready = Signal(str)  # path
    image_changed = Signal(str)  # a field of this image changed
    faces_changed = Signal(str)  # a face decision of this image changed
    findings_changed = Signal()
    text_result_changed = Signal()
    text_changed = Signal()  # the draft's text was replaced from outside the editor
    channels_changed = Signal()
    post_changed = Signal()  # a value of the post itself (channels, trip ended, language)
    dirty_changed = Signal(bool)
    analysis_progressed = Signal(int, int, str)  # done, total, file name
    analysis_finished = Signal()
    registry_changed = Signal()
    people_changed = Signal()
    faces_availability_changed = Signal()
    error_reported = Signal(str, str)  # title, text
    registry_changes = Signal(list)  # changes made elsewhere to a team registry (watcher thread)
    registry_online = Signal(bool, str)  # the team registry answers / the reason it does not
    registry_noted = Signal(str)  # something remembered in the registry on the user's behalf

    def __init__(self, *, policy: Policy, runner: TaskRunner, services: Services,
                 ui_language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.policy = policy
        self.runner = runner
        self.services = services
        self.ui_language = ui_language
        self.draft = Draft()
        self.path: Path | None = None
        self.dirty = False
        self.reports: dict[str, ImageReport] = {}
        self.evaluation: list[Finding] = []
        self.text_result: TextResult | None = None
        self.text_error: str | None = None
        self.registry: Any = None
        self.registry_error: str | None = None
        self.core_ready = False  # the rule catalogue and export gate are imported (warm-up done)
        self.features: dict[str, str | None] = {}  # feature -> None (available) or the reason not
        self.people: list[Any] = []  # registry people (frozen Person records), refreshed in background
        self._queue: list[str] = []
        self._analysis: Task | None = None
        self._analysis_total = 0
        self._analysis_done = 0
        self._in_flight = 0  # evaluations and text checks started and not yet back
        self._eval_generation = 0
        self._text_generation = 0
        self._eval_timer = self._single_shot(EVAL_DELAY_MS, self._start_evaluation)
        self._text_timer = self._single_shot(TEXT_DELAY_MS, self._start_text_check)
        self.registry_changes.connect(self._on_registry_changes)  # queued: emitted on the watcher thread
        self.undo_stack = QUndoStack(self)  # every edit to the draft, one step per user action

    def _single_shot(self, ms: int, slot: Any) -> QTimer:
        t = QTimer(self)
        t.setSingleShot(True)
        t.setInterval(ms)
        t.timeout.connect(slot)
        return t

    # --- the draft as a whole --------------------------------------------------------------------

    def replace_draft(self, draft: Draft, path: Path | None, *, dirty: bool = False) -> None:
        self.cancel_analysis()
        self.undo_stack.clear()  # another post: its history starts here
        self.draft = draft
        self.path = path
        self.reports.clear()
        self.evaluation = []
        self.text_result = None
        self._queue.clear()
        self._set_dirty(dirty)
        self.draft_replaced.emit()
        self.text_changed.emit()
        self.channels_changed.emit()
        if draft.images:
            self._enqueue([im.path for im in draft.images])
        self.request_evaluation()
        self.request_text_check()

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self._set_dirty(False)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self.dirty:
            self.dirty = dirty
            self.dirty_changed.emit(dirty)

    def _changed(self) -> None:
        self._set_dirty(True)
        self.request_evaluation()

    def set_policy(self, policy: Policy) -> None:
        """A new policy: analyse every image again (thresholds may differ) and re-check."""
        self.policy = policy
        paths = [im.path for im in self.draft.images]
        self.cancel_analysis()
        self.reports.clear()
        self._enqueue(paths)
        self.channels_changed.emit()
        self.request_evaluation()
        self.request_text_check()

    # --- images --------------------------------------------------------------------------------

    def image(self, path: str) -> DraftImage | None:
        return self.draft.image(path)

    # --- analysis --------------------------------------------------------------------------------

    @property
    def analysing(self) -> bool:
        return self._analysis is not None

    @property
    def settled(self) -> bool:
        """No analysis, evaluation or text check is pending: the findings are current."""
        return (self._analysis is None and not self._queue and self._in_flight == 0
                and not self._eval_timer.isActive() and not self._text_timer.isActive())

    def pending(self, path: str) -> bool:
        return path in self._queue or (path not in self.reports and self._analysis is not None)

    def analysis_counts(self) -> tuple[int, int]:
        return self._analysis_done, self._analysis_total

    def _enqueue(self, paths: Sequence[str]) -> None:
        for p in paths:
            if p not in self._queue:
                self._queue.append(p)
        self._analysis_total += len(paths)
        if self._analysis is None:
            self._start_analysis()

    def _start_analysis(self) -> None:
        if not self._queue:
            self._analysis_total = self._analysis_done = 0
            self.analysis_finished.emit()
            return
        batch, self._queue = list(self._queue), []
        analyzer, policy = self.services.analyzer, self.policy

        def work(cancel: Any) -> Any:
            analyzer.prepare()
            yield ("prepared", None)
            for p in batch:
                cancel.raise_if_cancelled()
                try:
                    rep = analyzer.analyze(p, policy=policy)
                except Exception as e:  # noqa: BLE001 - each photo ends analysed or unreadable
                    rep = failed_report(p, e, policy)
                yield ("report", rep)

        self._analysis = self.runner.run_in_background(
            work, self._analysis_done_cb, on_progress=self._analysis_progress, pool="analysis",
            name="analysis", pass_cancel=True)

    def _analysis_progress(self, item: Any) -> None:
        kind, value = item
        if kind == "prepared":
            self.faces_availability_changed.emit()
            return
        rep: ImageReport = value
        im = self.draft.image(rep.path)
        if im is None:
            return  # removed meanwhile
        self.reports[rep.path] = rep
        self._prefill(im, rep)
        self._analysis_done += 1
        self.report_ready.emit(rep.path)
        self.analysis_progressed.emit(self._analysis_done, self._analysis_total,
                                      Path(rep.path).name)
        self.request_evaluation()
        if self.draft.text.strip() or self.draft.channel_texts:
            self.request_text_check()  # the photo-credit rule reads the file's photographer

    def _prefill(self, im: DraftImage, rep: ImageReport) -> None:
        """Fill empty fields with what the file says (the user sees and can change them): the
        core's one :func:`~prepub.core.draft.prefill_from_file`, as ``prepub draft`` does."""
        from prepub.core.draft import own_rights_names, prefill_from_file

        own, people = own_rights_names(self.policy)
        prefill_from_file(im, rep.metadata, own_names=own, people=people)

    def _analysis_done_cb(self, _result: Any, error: BaseException | None) -> None:
        self._analysis = None
        if error is not None and not isinstance(error, Cancelled):
            self.error_reported.emit("analysis", str(error))
        if isinstance(error, Cancelled):
            self._queue.clear()
            self._analysis_total = self._analysis_done = 0
            self.analysis_finished.emit()
            self.request_evaluation()
            return
        self._start_analysis()

    def cancel_analysis(self) -> None:
        self._queue.clear()
        if self._analysis is not None:
            self._analysis.cancel()

    def analyse_again(self) -> None:
        """Analyse the images that have no report (after a cancel)."""
        missing = [im.path for im in self.draft.images if im.path not in self.reports]
        if missing:
            self._enqueue(missing)

    # --- evaluation (policy rules for images, faces, consent, location) --------------------------

    def snapshot(self) -> Draft:
        """A private copy of the draft for a worker thread (pickle copies the draft's
        dataclasses about four times faster than ``copy.deepcopy``)."""
        return pickle.loads(pickle.dumps(self.draft, pickle.HIGHEST_PROTOCOL))

    def request_evaluation(self) -> None:
        if self._analysis is not None:
            # while photos are analysed, at most one evaluation per EVAL_DELAY_ANALYSING_MS:
            # each is Python work that competes with the window's thread for the interpreter
            if not self._eval_timer.isActive():
                self._eval_timer.start(EVAL_DELAY_ANALYSING_MS)
            return
        self._eval_timer.start(EVAL_DELAY_MS)

    def _start_evaluation(self) -> None:
        self._eval_generation += 1
        gen = self._eval_generation
        draft = self.snapshot()
        reports = dict(self.reports)
        policy, registry, today = self.policy, self.registry, self.services.today()

        def work() -> list[Finding]:
            ev = services.evaluate(draft, reports=reports, policy=policy, registry=registry,
                                   today=today)
            return list(ev.findings)

        def done(result: Any, error: BaseException | None) -> None:
            self._in_flight -= 1
            if gen != self._eval_generation:
                return  # a newer evaluation is on its way
            if error is not None:
                self.error_reported.emit("evaluation", str(error))
                return
            self.evaluation = result
            self.findings_changed.emit()

        self._in_flight += 1
        self.runner.run_in_background(work, done, pool="eval", name="evaluate")

    # --- text ------------------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        if text == self.draft.text:
            return
        self.draft.text = text
        self._set_dirty(True)
        self.request_text_check()
        self.request_evaluation()  # people named in the text

    def request_text_check(self) -> None:
        self._text_timer.start()

    def _start_text_check(self) -> None:
        self._text_generation += 1
        gen = self._text_generation
        draft, reports = self.snapshot(), dict(self.reports)
        policy, today = self.policy, self.services.today()

        def work() -> TextResult:
            return services.check_text(draft, reports=reports, policy=policy, today=today)

        def done(result: Any, error: BaseException | None) -> None:
            self._in_flight -= 1
            if gen != self._text_generation:
                return
            if isinstance(error, Unavailable):
                self.text_error = error.reason
                self.text_result = None
            elif error is not None:
                self.text_error = str(error)
                self.text_result = None
            else:
                self.text_error = None
                self.text_result = result
            self.text_result_changed.emit()
            self.findings_changed.emit()

        self._in_flight += 1
        self.runner.run_in_background(work, done, pool="eval", name="text")

    # --- registry --------------------------------------------------------------------------------

    def set_registry(self, registry: Any, error: str | None = None) -> None:
        self.stop_watching()
        self.registry, self.registry_error = registry, error
        self.registry_changed.emit()
        self.refresh_people()
        self.request_evaluation()
        if registry is not None and getattr(registry, "dialect", "") == "postgresql":
            self._watch(registry)

    def _watch(self, registry: Any) -> None:
        """A team registry: a withdrawal or a new consent made on another laptop reaches this
        window within a second or two (LISTEN/NOTIFY), and the draft is evaluated again."""
        from prepub.core.consent.watch import RegistryWatcher

        self._watcher = RegistryWatcher(
            registry, on_change=lambda changes: self.registry_changes.emit(list(changes)),
            on_status=lambda ok, err: self.registry_online.emit(bool(ok), err or ""),
            lazy=True).start()

    def stop_watching(self) -> None:
        watcher, self._watcher = getattr(self, "_watcher", None), None
        if watcher is not None:
            watcher.stop(timeout=0)  # the window never waits: the loop ends within a second

    def _on_registry_changes(self, changes: list) -> None:
        if any(getattr(c, "affects_consent", True) for c in changes):
            self.refresh_people()
            self.request_evaluation()

    def refresh_people(self) -> None:
        """Reload the registry's people (after a change in the registry window)."""
        registry = self.registry
        if registry is None:
            self.people = []
            self.people_changed.emit()
            return

        def done(result: Any, error: BaseException | None) -> None:
            self._in_flight -= 1
            if error is not None:
                self.error_reported.emit("registry", str(error))
                return
            self.people = list(result)
            self.people_changed.emit()
            self.request_evaluation()

        self._in_flight += 1  # `settled` waits for the people and the evaluation they trigger
        self.runner.run_in_background(registry.list_people, done, pool="eval", name="people")

    @property
    def person_names(self) -> dict[str, str]:
        return {p.id: p.name for p in self.people}

    # --- what the widgets read -------------------------------------------------------------------

    def findings(self) -> list[Finding]:
        out = list(self.evaluation)
        if self.text_result is not None:
            out.extend(self.text_result.findings)
        return out

    def findings_for(self, subject: str) -> list[Finding]:
        return list(self._by_subject().get(subject, ()))

    def _by_subject(self) -> dict[str | None, list[Finding]]:
        """The findings grouped by subject, cached until the evaluation or text result changes
        (the strip asks for every image's state after each change)."""
        cached = getattr(self, "_subject_index", None)
        if cached is None or cached[0] is not self.evaluation or cached[1] is not self.text_result:
            index: dict[str | None, list[Finding]] = {}
            for f in self.findings():
                index.setdefault(f.subject, []).append(f)
            cached = (self.evaluation, self.text_result, index)  # holds them: ids stay unique
            self._subject_index = cached
        return cached[2]

    def text_findings(self) -> list[Finding]:
        return [f for f in self.findings() if f.span is not None]

    def blockers(self) -> list[Finding]:
        """Blocking findings that no override allowed by the policy covers (cached until the
        findings, the overrides or the policy change)."""
        same = (self.evaluation, self.text_result, self.policy)  # compared by identity
        equal = (tuple((o.rule, o.subject, o.reason) for o in self.draft.overrides), self.core_ready)
        cached = getattr(self, "_blockers_cached", None)
        if cached is not None and cached[1] == equal and all(a is b for a, b in zip(cached[0], same)):
            return list(cached[2])
        result = self._compute_blockers()
        self._blockers_cached = (same, equal, result)
        return list(result)

    def _compute_blockers(self) -> list[Finding]:
        if not self.core_ready:  # never import the export gate on the GUI thread
            return [f for f in self.findings() if f.blocks]
        try:
            return services.unresolved_blocks(self.findings(), self.draft, self.policy)
        except Unavailable:
            return [f for f in self.findings() if f.blocks]

    def mark_core_ready(self, features: dict[str, str | None]) -> None:
        self.core_ready = True
        self.features = dict(features)
        self._bkey = None
        self.findings_changed.emit()

    def blocker_ids(self) -> set[int]:
        return {id(f) for f in self.blockers()}

    def to_check(self) -> list[Finding]:
        """What the user should look at but that does not block: warnings, and blocking findings
        an allowed override covers. Notes (info) are neither. The panel, the strip and the
        Export button all count from here and from :meth:`blockers`, so they agree."""
        blocking = self._blocking_cache()
        return [f for f in self.findings() if id(f) not in blocking
                and (f.severity is Severity.WARN or f.blocks)]

    def counts_for(self, subject: str) -> tuple[int, int]:
        """(blocking, to check) for one photo (or "post"/"text")."""
        blocking = self._blocking_cache()
        mine = self._by_subject().get(subject, ())
        n_block = sum(1 for f in mine if id(f) in blocking)
        n_check = sum(1 for f in mine if id(f) not in blocking
                      and (f.severity is Severity.WARN or f.blocks))
        return n_block, n_check

    def image_state(self, path: str) -> str:
        if path not in self.reports:
            return PENDING
        mine = self._by_subject().get(path, ())
        blocking = self._blocking_cache()
        if any(id(f) in blocking for f in mine):
            return BLOCKED
        if any(f.severity is Severity.WARN or f.blocks for f in mine):
            return ATTENTION
        return READY

    def _blocking_cache(self) -> set[int]:
        key = (id(self.evaluation), id(self.text_result), len(self.draft.overrides), self.core_ready)
        if getattr(self, "_bkey", None) != key:
            # keep the objects whose ids make the key, so the ids cannot be reused meanwhile
            self._bkey, self._bids = key, self.blocker_ids()
            self._bkey_objs = (self.evaluation, self.text_result)
        return self._bids

    def face_states(self, path: str) -> dict[int, str]:
        """Per face index: ok, unknown, minor, problem, blurred, not_identifiable or small."""
        rep = self.reports.get(path)
        im = self.draft.image(path)
        if rep is None or im is None:
            return {}
        min_px = int(self.policy.faces.detector_min_face_px)
        by_face: dict[int, list[Finding]] = {}
        for f in self._by_subject().get(path, ()):
            if f.face is not None:
                by_face.setdefault(f.face, []).append(f)
        out: dict[int, str] = {}
        for face in rep.faces:
            dec = im.face(face.index)
            decision = dec.decision if dec is not None else None
            found = by_face.get(face.index, [])
            minor_block = any(f.rule in ("face.possible_minor", "face.guardian_consent_required")
                              for f in found if f.blocks)
            if face.height < min_px:
                out[face.index] = "small"
            elif decision == "blur":
                out[face.index] = "blurred"
            elif minor_block:
                out[face.index] = "minor"
            elif decision == "not_identifiable":
                out[face.index] = "not_identifiable"
            elif decision == "person":
                out[face.index] = "problem" if any(f.blocks for f in found) else "ok"
            elif face.possible_minor and not (dec is not None and dec.confirmed_adult):
                out[face.index] = "minor"
            else:
                out[face.index] = "unknown"
        return out
