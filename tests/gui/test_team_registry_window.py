"""The team registry in the window (issue 16), on a real throwaway PostgreSQL server: the
two-machine story seen in an open main window, the password asked once, the offline copy (its
notice, its age limit blocking export, reconnecting) and photographer mode's outbox.

Every wait is for a state (``qtbot.waitUntil``); the guards only stop a hang. The server is
taken away with :class:`netswitch.NetSwitch` between the window and the cluster."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))

from guikit import FakeAnalyzer, ModalAnswer, face, make_jpeg, wait_analysed, wait_until  # noqa: E402
from netswitch import NetSwitch, switch  # noqa: E402, F401 - fixture
from netswitch import role_url as _url  # noqa: E402
from pg import Team, memory_keyring, pg_cluster, team, verbal_consent as _verbal  # noqa: E402, F401 - fixtures
from prepub.core.consent import postgres, sync  # noqa: E402
from prepub.core.consent.store import resolve_url  # noqa: E402




def _consent_blocks(s: Any, path: str) -> bool:
    """The face of ``path`` is blocked for want of a valid consent (the export gate's answer)."""
    return any(f.rule.startswith("face.consent") for f in s.blockers()
               if f.subject == path and f.face == 0)


def _post(w: Any, qtbot: Any, tmp_path: Path, analyzer: FakeAnalyzer) -> str:
    img = make_jpeg(tmp_path / "lisa.jpg")
    analyzer.faces_by_name["lisa.jpg"] = [face(0, (100, 100, 300, 340))]
    w.session.set_channels(["instagram"])
    w.session.add_images([str(img)])
    wait_analysed(qtbot, w, 1)
    return str(img.resolve())






# --- the two-machine story, in the window ----------------------------------------------------------

def test_a_communicators_window_follows_consent_and_withdrawal(
        make_window: Any, qtbot: Any, tmp_path: Path, analyzer: FakeAnalyzer, team: Team) -> None:
    photo, admin = team.open("photographer"), team.open("admin")
    try:
        lisa = photo.add_person(name="Lisa Ek", relation="public")
        w = make_window(registry_url=team.url("communicator"))
        s = w.session
        assert w.team.state == "team" and s.registry.dialect == "postgresql", s.registry_error
        assert "registry" not in w.notices.notices()
        path = _post(w, qtbot, tmp_path, analyzer)
        s.decide_face(path, 0, "person", person_id=lisa.id)
        wait_until(qtbot, lambda: _consent_blocks(s, path) and s.settled)
        assert not w.export_state()[0]

        cid = _verbal(photo, lisa.id)  # the photographer, on another laptop
        wait_until(qtbot, lambda: not _consent_blocks(s, path))
        admin.withdraw_consent(cid, reason="ångrat sig")  # the admin, on a third
        wait_until(qtbot, lambda: _consent_blocks(s, path))
        # meanwhile the window kept a copy for offline use, refreshed after the changes
        wait_until(qtbot, lambda: (info := sync.copy_info()) is not None
                   and info.audit_head == s.registry.latest_change())
    finally:
        photo.close()
        admin.close()


def test_the_password_is_asked_once_and_not_stored(
        make_window: Any, qtbot: Any, team: Team, memory_keyring: Any) -> None:
    from prepub.gui.dialogs.registry_password import RegistryPasswordDialog

    url = team.url("communicator")
    key = postgres.credential_key(resolve_url(url)[0])
    memory_keyring.items = {k: v for k, v in memory_keyring.items.items() if k[1] != key}

    def answer(password: str) -> Any:
        def fill(dlg: Any) -> None:
            dlg.setTextValue(password)
            dlg.accept()
        return fill

    with ModalAnswer(RegistryPasswordDialog, answer(team.passwords["communicator"])):
        w = make_window(registry_url=url, wait_registry=False)
        wait_until(qtbot, lambda: w.team.state == "team")
    assert w.session.registry.dialect == "postgresql"
    assert all(k[1] != key for k in memory_keyring.items)  # the GUI stored nothing

    with ModalAnswer(RegistryPasswordDialog, answer("not the password")) as asked:
        w2 = make_window(registry_url=url, wait_registry=False)
        wait_until(qtbot, lambda: w2.team.state == "failed")
    assert len(asked.answered) == 1  # asked once, not again after a wrong answer
    assert "password" in (w2.session.registry_error or "")
    assert "could not be opened" in w2.notices.notices()["registry"]


# --- away from the office: the communicator's copy ---------------------------------------------------

def test_offline_start_uses_the_copy_and_reconnects(
        make_window: Any, qtbot: Any, tmp_path: Path, analyzer: FakeAnalyzer, team: Team,
        switch: NetSwitch, fixed_clock: Any) -> None:
    photo = team.open("photographer")
    try:
        lisa = photo.add_person(name="Lisa Ek", relation="public")
        _verbal(photo, lisa.id)
    finally:
        photo.close()
    url = _url(switch, team, "communicator")
    first = make_window(registry_url=url)  # at the office: the window keeps a copy
    wait_until(qtbot, lambda: sync.copy_info() is not None)
    first.close()

    switch.off()  # on the train
    fixed_clock.advance(hours=3)
    w = make_window(registry_url=url)
    s = w.session
    wait_until(qtbot, lambda: w.team.offline and s.registry is not None)
    assert hasattr(s.registry, "too_old") and not s.registry.too_old()
    notice = w.notices.notices()["registry"]
    assert notice.startswith("Offline: using the copy of the team registry from ")
    assert "(3 hours old)" in notice
    path = _post(w, qtbot, tmp_path, analyzer)
    s.decide_face(path, 0, "person", person_id=lisa.id)
    wait_until(qtbot, lambda: s.settled and path in s.reports)
    assert not _consent_blocks(s, path)  # the copy knows Lisa's consent
    assert "registry.offline_copy_stale" not in {f.rule for f in s.findings()}

    switch.on()  # back at the office: the watcher sees the server, the team registry reopens
    wait_until(qtbot, lambda: w.team.state == "team" and s.registry.dialect == "postgresql")
    assert "registry" not in w.notices.notices()
    wait_until(qtbot, lambda: s.settled)
    assert not _consent_blocks(s, path)
    wait_until(qtbot, lambda: sync.copy_info().age().total_seconds() == 0)  # a fresh copy

    switch.off()  # lost again while the window is open: the copy takes over
    wait_until(qtbot, lambda: w.team.offline and hasattr(s.registry, "too_old"))
    assert "(0 hours old)" in w.notices.notices()["registry"]


def test_a_stale_copy_blocks_export(make_window: Any, qtbot: Any, tmp_path: Path,
                                   analyzer: FakeAnalyzer, team: Team, switch: NetSwitch,
                                   fixed_clock: Any) -> None:
    from prepub.core.checks.post import evaluate_draft
    from prepub.gui import services

    from prepub.core.consent import open_registry

    comm = open_registry(_url(switch, team, "communicator"))  # a copy of this address's registry
    try:
        sync.refresh_copy(comm)
    finally:
        comm.close()
    switch.off()
    fixed_clock.advance(hours=25)  # the policy allows 24
    w = make_window(registry_url=_url(switch, team, "communicator"))
    s = w.session
    wait_until(qtbot, lambda: w.team.offline and s.registry is not None)
    assert s.registry.too_old()
    assert "(25 hours old)" in w.notices.notices()["registry"]
    _post(w, qtbot, tmp_path, analyzer)
    wait_until(qtbot, lambda: s.settled)
    stale = [f for f in s.blockers() if f.rule == "registry.offline_copy_stale"]
    assert stale and not services.override_allowed(stale[0].rule, s.policy)
    assert not w.export_state()[0]
    # the same finding `prepub check` gets: one evaluate_draft, fed the registry it was given
    cli = evaluate_draft(s.snapshot(), reports=s.reports, policy=s.policy, registry=s.registry,
                         today=s.services.today(), text_check=lambda *a, **k: [])
    assert [f.params for f in cli.findings if f.rule == stale[0].rule] == [stale[0].params]


# --- away from the office: the photographer's outbox -------------------------------------------------

def test_photographer_entries_queue_offline_and_sync(
        make_window: Any, qtbot: Any, team: Team, switch: NetSwitch) -> None:
    from prepub.gui.dialogs.photographer_window import open_photographer_window

    switch.off()  # at the shoot, no network
    w = make_window(registry_url=_url(switch, team, "photographer"))
    wait_until(qtbot, lambda: w.team.offline)
    assert "cannot be reached" in w.notices.notices()["registry"]  # and no copy yet
    win = open_photographer_window(w)
    wait_until(qtbot, lambda: w.team.outbox is not None and win.busy == 0)
    bar = win.sync_bar
    assert bar.isVisible() and "0 entries waiting to sync" in bar.waiting.text()
    win.photographer.setText("Pia Foto")
    win.event.setText("Marknad")
    qtbot.mouseClick(win.start_button, Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: win.pages.currentIndex() == 1 and win.busy == 0)
    win.name.setText("Ola Berg")
    win.verbal.setText("Ola sa ja, hört av Pia")
    qtbot.mouseClick(win.save_button, Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: w.team.outbox_waiting == 1)
    assert "1 entry waiting to sync" in bar.waiting.text()

    admin = team.open("admin")
    try:
        assert not [p for p in admin.list_people() if p.name == "Ola Berg"]
        switch.on()  # the server answers: the outbox is sent by itself
        wait_until(qtbot, lambda: w.team.state == "team" and w.team.outbox_waiting == 0
                   and bar.result.isVisible())
        (ola,) = [p for p in admin.list_people() if p.name == "Ola Berg"]
        assert [c.shoot_id for c in admin.consents_for(ola.id)] == [win.shoot.id]
        assert "Sent to the team registry" in bar.result.text()

        # the office corrects the name; an entry logged on the laptop meanwhile still carries
        # the old one: Sync now sends the entry and shows the conflict (the team's name stays)
        admin.update_person(ola.id, name="Ola Bergström")
        _verbal(w.team.outbox, ola.id, channels=["website"], logged_by="Pia Foto",
                shoot_id=win.shoot.id)
        w.team.count_outbox()
        wait_until(qtbot, lambda: w.team.outbox_waiting == 1 and bar.sync_button.isEnabled())
        qtbot.mouseClick(bar.sync_button, Qt.MouseButton.LeftButton)
        wait_until(qtbot, lambda: w.team.outbox_waiting == 0 and not w.team.syncing
                   and "to check" in bar.result.text())
        assert "team registry's value was kept" in bar.result.text()
        assert admin.get_person(ola.id).name == "Ola Bergström"
        assert len(admin.consents_for(ola.id)) == 2
    finally:
        admin.close()


# --- the command line, away from the server --------------------------------------------------------

def test_the_command_line_uses_the_copy_too_and_says_so(
        tmp_path: Path, team: Team, switch: NetSwitch, fixed_clock: Any,
        capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from prepub import cli
    from prepub.core.draft import Draft, save_draft

    draft = Draft(text="Välkommen på öppet hus!", channels=["instagram"])
    draft.add_image(str(make_jpeg(tmp_path / "a.jpg")))
    path = save_draft(draft, tmp_path / "post.prepub.json")
    url = _url(switch, team, "communicator")
    from prepub.core.consent import open_registry

    comm = open_registry(url)  # the copy is of the registry at this address
    try:
        sync.refresh_copy(comm)
    finally:
        comm.close()
    switch.off()

    def check() -> tuple[int, dict[str, Any], str]:
        code = cli.main(["check", "--json", "--no-faces", "--registry", url, str(path)])
        out, err = capsys.readouterr()
        return code, json.loads(out) if out.strip() else {}, err

    code, doc, err = check()
    assert "The team registry does not answer: checking against this computer's copy" in err
    assert "(0.0 hours old)" in err
    rules = {f["rule"] for p in doc["posts"] for f in p["findings"]}
    assert "registry.offline_copy_stale" not in rules
    fixed_clock.advance(hours=25)  # the policy allows 24
    code, doc, err = check()
    assert "(25.0 hours old)" in err and code == cli.EXIT_BLOCKED
    assert "registry.offline_copy_stale" in {f["rule"] for p in doc["posts"] for f in p["findings"]}
    # no copy of this registry: a plain reason, not a traceback
    other = url.replace(team.users["communicator"], team.users["admin"])
    code = cli.main(["check", "--no-faces", "--registry", other, str(path)])
    err = capsys.readouterr().err
    assert code == cli.EXIT_USAGE
    assert err.startswith("prepub: consent registry:") and "another registry" in err
