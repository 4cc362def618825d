"""``prepub photo.jpg``, ``prepub folder`` and ``prepub post.prepub.json`` open the window with
them (the desktop file's ``Exec=prepub %F``); a name that is neither a command nor a file is a
usage error. The window side goes through :func:`prepub.gui.app.open_paths`, what ``run`` calls."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from guikit import make_jpeg, wait_analysed, wait_signal, wait_until
from prepub import cli
from prepub.core import draft as drafts

COMMANDS = cli.command_names(cli.build_parser())


def test_command_names_come_from_the_parser() -> None:
    assert {"check", "draft", "export", "rules", "registry"} <= set(COMMANDS)


def test_paths_open_the_window_and_commands_go_to_the_parser(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    photo = make_jpeg(tmp_path / "photo.jpg")
    post = tmp_path / "post.prepub.json"
    post.write_text("{}", encoding="utf-8")
    assert cli.gui_paths([], commands=COMMANDS) == []
    assert cli.gui_paths([str(photo), str(tmp_path), str(post)], commands=COMMANDS) == \
        [str(photo), str(tmp_path), str(post)]
    monkeypatch.chdir(tmp_path)
    assert cli.gui_paths(["photo.jpg"], commands=COMMANDS) == [str(photo)]  # made absolute
    for argv in (["check", "photo.jpg"], ["rules"], ["--version"], ["--self-test"], ["-h"],
                 ["photo.jpg", "--json"]):
        assert cli.gui_paths(argv, commands=COMMANDS) is None, argv
    (tmp_path / "rules").mkdir()  # a folder named like a command: the command wins, unless --
    assert cli.gui_paths(["rules"], commands=COMMANDS) is None
    assert cli.gui_paths(["--", "rules"], commands=COMMANDS) == [str(tmp_path / "rules")]
    with pytest.raises(cli._Usage, match="no such command or file: nosuch"):
        cli.gui_paths(["nosuch"], commands=COMMANDS)
    with pytest.raises(cli._Usage, match="no such command or file: gone.jpg"):
        cli.gui_paths([str(photo), "gone.jpg"], commands=COMMANDS)


def test_main_passes_the_paths_to_the_window(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: Any) -> None:
    from prepub.gui import app

    photo = make_jpeg(tmp_path / "photo.jpg")
    opened: list[list[str]] = []
    monkeypatch.setattr(app, "run", lambda argv: opened.append(list(argv)) or 0)
    assert cli.main([str(photo)]) == cli.EXIT_OK
    assert cli.main([]) == cli.EXIT_OK
    assert opened == [[str(photo)], []]
    assert cli.main([str(tmp_path / "nosuch.jpg")]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert f"prepub: no such command or file: {tmp_path / 'nosuch.jpg'}" in err
    assert "invalid choice" not in err and opened == [[str(photo)], []]


def test_window_opens_photos_and_folders_in_a_new_post(make_window: Any, qtbot: Any,
                                                       tmp_path: Path) -> None:
    from prepub.gui.app import open_paths

    one = make_jpeg(tmp_path / "one.jpg")
    folder = tmp_path / "trip"
    folder.mkdir()
    two = make_jpeg(folder / "two.jpg")
    three = make_jpeg(folder / "three.jpg")
    w = make_window()
    open_paths(w, cli.gui_paths([str(one), str(folder)], commands=COMMANDS) or [])
    wait_analysed(qtbot, w, 3)
    s = w.session
    assert {im.path for im in s.draft.images} == {str(p.resolve()) for p in (one, two, three)}
    assert s.path is None  # a new post, not saved anywhere yet


def test_window_opens_a_draft(make_window: Any, qtbot: Any, tmp_path: Path) -> None:
    from prepub.gui.app import open_paths

    photo = make_jpeg(tmp_path / "photo.jpg")
    d = drafts.Draft(text="Hej från Visby!", channels=["instagram"])
    d.add_image(str(photo.resolve()))
    post = tmp_path / "post.prepub.json"
    drafts.save_draft(d, post)
    w = make_window()
    with wait_signal(qtbot, w.files.opened):
        open_paths(w, cli.gui_paths([os.path.relpath(post)], commands=COMMANDS) or [])
    wait_analysed(qtbot, w, 1)
    s = w.session
    assert s.path == post and s.draft.text == "Hej från Visby!"
    assert [im.path for im in s.draft.images] == [str(photo.resolve())]
    wait_until(qtbot, lambda: "post.prepub.json" in w.windowTitle())
