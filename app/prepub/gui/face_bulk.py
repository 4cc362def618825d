"""Bulk face decisions: every unknown face of a photo, or of the selected photos, marked not
identifiable or blurred on export at once — a crowd is one action, not forty clicks.

"Unknown" means a face large enough to identify that has no decision yet. The findings panel
also decides the faces of one cause across photos (:func:`decide_listed`). Possible children are
never marked not identifiable in bulk: a child the user calls unidentifiable still blocks the
export unless blurred (``prepub.core.checks.post._faces``), so they are left for the user and
the confirmation says how many. Blurring covers them too. The whole change is one undo step, and
the confirmation and the status bar say how many faces in how many photos it touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from prepub.gui.session import PostSession

NOT_IDENTIFIABLE, BLUR = "not_identifiable", "blur"
ADULTS = "adults"  # not a decision: "I have checked: these are adults", face by face


@dataclass(frozen=True)
class BulkPlan:
    """What a bulk action would change: ``faces`` as (path, face index)."""

    decision: str
    faces: list[tuple[str, int]] = field(default_factory=list)
    minors_left: int = 0  # possible children left undecided (never marked not identifiable)
    unknown: bool = True  # every face in it is undecided (else some are named)

    @property
    def photos(self) -> int:
        return len({p for p, _i in self.faces})


def plan(session: "PostSession", paths: Sequence[str], decision: str) -> BulkPlan:
    """The unknown faces of ``paths`` that ``decision`` would be applied to."""
    faces: list[tuple[str, int]] = []
    minors = 0
    for path in paths:
        rep, im = session.reports.get(path), session.image(path)
        if rep is None or im is None:
            continue
        states = session.face_states(path)
        for face in rep.faces:
            dec = im.face(face.index)
            if (dec is not None and dec.decision is not None) or states.get(face.index) == "small":
                continue
            minor = face.possible_minor and not (dec is not None and dec.confirmed_adult)
            if minor and decision == NOT_IDENTIFIABLE:
                minors += 1
                continue
            faces.append((path, face.index))
    return BulkPlan(decision=decision, faces=faces, minors_left=minors)


def plan_listed(session: "PostSession", faces: Sequence[tuple[str, int]],
                decision: str) -> BulkPlan:
    """``decision`` for exactly ``faces`` (a cause group's faces, decided or not): faces that
    already have it are left out, and so are possible children for "not identifiable"."""
    out: list[tuple[str, int]] = []
    minors = 0
    for path, index in faces:
        rep, im = session.reports.get(path), session.image(path)
        face = next((f for f in rep.faces if f.index == index), None) if rep is not None else None
        if face is None or im is None:
            continue
        dec = im.face(index)
        if dec is not None and dec.decision == decision:
            continue
        minor = face.possible_minor and not (dec is not None and dec.confirmed_adult)
        if minor and decision == NOT_IDENTIFIABLE:
            minors += 1
            continue
        out.append((path, index))
    return BulkPlan(decision=decision, faces=out, minors_left=minors, unknown=False)


def flagged_children(session: "PostSession", path: str) -> list[tuple[int, float | None]]:
    """(index, estimated age) of the faces of ``path`` that count as possible children: large
    enough to identify, not blurred, not yet confirmed adult (whatever else was decided)."""
    rep, im = session.reports.get(path), session.image(path)
    if rep is None or im is None:
        return []
    states = session.face_states(path)
    out = []
    for face in rep.faces:
        dec = im.face(face.index)
        if not face.possible_minor or states.get(face.index) in ("small", "blurred") \
                or (dec is not None and dec.confirmed_adult):
            continue
        out.append((face.index, face.age))
    return out


def confirm_adults(session: "PostSession", paths: Sequence[str], *, parent: QWidget | None,
                   crop: Callable[[str, int], Any] | None = None,
                   confirm: bool = True) -> tuple[int, str]:
    """"All adults" for a group photo in one step that still shows each flagged face: a dialog
    with every possible child's face, all ticked; the user unticks anyone they are not sure of.
    One undo step; faces linked to a consenting registry person are remembered there too
    (:meth:`~prepub.gui.session_edits.SessionEdits.remember_adults`)."""
    faces = [(path, index, age) for path in paths for index, age in flagged_children(session, path)]
    if not faces:
        return 0, QCoreApplication.translate("FaceBulk", "No face here is flagged as a possible "
                                                         "child.")
    chosen = [(p, i) for p, i, _a in faces]
    if confirm:
        from prepub.gui.dialogs.adults_dialog import AdultsDialog

        dlg = AdultsDialog([(p, i, a, crop(p, i) if crop is not None else None)
                            for p, i, a in faces], parent)
        if not dlg.exec():
            return 0, ""
        chosen = dlg.chosen()
    if not chosen:
        return 0, ""
    n = len(chosen)
    changed = session.confirm_adults(chosen, text=lambda: QCoreApplication.translate(
        "FaceBulk", "Confirm %n face(s) as adults", "", n))
    left = len(faces) - n
    msg = QCoreApplication.translate("FaceBulk", "%n face(s) confirmed as adults.", "", changed)
    if left:
        msg += " " + QCoreApplication.translate(
            "FaceBulk", "%n possible child(ren) left to decide.", "", left)
    return changed, msg + " " + QCoreApplication.translate("FaceBulk", "Undo with Ctrl+Z.")


def describe(p: BulkPlan) -> tuple[str, str]:
    """(question, details) for the confirmation."""
    n = len(p.faces)
    if p.decision == NOT_IDENTIFIABLE:
        question = QCoreApplication.translate(
            "FaceBulk", "Mark %n unknown face(s) as not identifiable?", "", n)
    elif p.unknown:
        question = QCoreApplication.translate(
            "FaceBulk", "Blur %n unknown face(s) on export?", "", n)
    else:
        question = QCoreApplication.translate("FaceBulk", "Blur %n face(s) on export?", "", n)
    details = [QCoreApplication.translate("FaceBulk", "They are in %n photo(s).", "", p.photos)]
    if p.minors_left:
        details.append(QCoreApplication.translate(
            "FaceBulk", "%n possible child(ren) are left for you to decide: a child marked not "
                        "identifiable still blocks the export, so blur them or say who they are.",
            "", p.minors_left))
    details.append(QCoreApplication.translate("FaceBulk", "You can undo this (Ctrl+Z)."))
    return question, " ".join(details)


def done_message(p: BulkPlan) -> str:
    n = len(p.faces)
    if p.decision == NOT_IDENTIFIABLE:
        msg = QCoreApplication.translate(
            "FaceBulk", "%n face(s) marked not identifiable.", "", n)
    else:
        msg = QCoreApplication.translate("FaceBulk", "%n face(s) blurred on export.", "", n)
    if p.minors_left:
        msg += " " + QCoreApplication.translate(
            "FaceBulk", "%n possible child(ren) left to decide.", "", p.minors_left)
    return msg + " " + QCoreApplication.translate("FaceBulk", "Undo with Ctrl+Z.")


def nothing_message(p: BulkPlan) -> str:
    if p.minors_left:
        return QCoreApplication.translate(
            "FaceBulk", "Only possible children are undecided (%n): blur them or say who they "
                        "are.", "", p.minors_left)
    return QCoreApplication.translate("FaceBulk", "No unknown faces to decide.")


def decide_unknown(session: "PostSession", paths: Sequence[str], decision: str, *,
                   parent: QWidget | None, confirm: bool = True) -> tuple[int, str]:
    """Apply ``decision`` to the unknown faces of ``paths`` after asking (when ``confirm``);
    returns (faces changed, a message for the status bar)."""
    return _apply(session, plan(session, paths, decision), parent=parent, confirm=confirm)


def decide_listed(session: "PostSession", faces: Sequence[tuple[str, int]], decision: str, *,
                  parent: QWidget | None, confirm: bool = True) -> tuple[int, str]:
    """Apply ``decision`` to ``faces`` (path, index) after asking, as :func:`decide_unknown`."""
    return _apply(session, plan_listed(session, faces, decision), parent=parent, confirm=confirm)


def _apply(session: "PostSession", p: BulkPlan, *, parent: QWidget | None,
           confirm: bool) -> tuple[int, str]:
    decision = p.decision
    if not p.faces:
        return 0, nothing_message(p)
    if confirm:
        question, details = describe(p)
        box = QMessageBox(QMessageBox.Icon.Question,
                          QCoreApplication.translate("FaceBulk", "Decide unknown faces"), question,
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
                          parent)
        box.setObjectName("bulkFacesConfirm")
        box.setInformativeText(details)
        box.setDefaultButton(QMessageBox.StandardButton.Ok)
        box.button(QMessageBox.StandardButton.Ok).setText(
            QCoreApplication.translate("FaceBulk", "Mark not identifiable")
            if decision == NOT_IDENTIFIABLE else QCoreApplication.translate("FaceBulk", "Blur"))
        if box.exec() != QMessageBox.StandardButton.Ok:
            return 0, ""
    n = len(p.faces)

    def label() -> str:  # the undo step's name, in the UI language at the time it is shown
        return (QCoreApplication.translate("FaceBulk", "Mark %n face(s) not identifiable", "", n)
                if decision == NOT_IDENTIFIABLE
                else QCoreApplication.translate("FaceBulk", "Blur %n face(s)", "", n))

    changed = session.decide_faces(p.faces, decision, text=label)
    return changed, done_message(p)
