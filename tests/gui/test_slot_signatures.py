"""No button or action hands its ``checked`` flag to a parameter that means something else.

``clicked(bool)`` and ``triggered(bool)`` carry a ``checked`` flag, and PySide passes it to
the first positional parameter of the connected slot when it has one. Connected directly,
``RegistryWindow.withdraw_selected(reason=None)`` got ``False`` as the withdrawal reason
("'bool' object has no attribute 'strip'"). This test reads the GUI's source and fails for any
such connection: the slot must take no positional parameter (keyword-only ones are fine), or
the first one must be a flag (named ``checked``/``on``/``_c``…, or annotated ``bool``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import prepub.gui

GUI = Path(prepub.gui.__file__).resolve().parent
FLAG_SIGNALS = {"clicked", "triggered"}
FLAG_NAMES = {"checked", "_checked", "_c", "on", "_on", "_"}


def _positional(args: ast.arguments, *, skip_self: bool) -> list[ast.arg]:
    pos = [*args.posonlyargs, *args.args]
    return pos[1:] if skip_self and pos else pos


def _takes_flag_safely(args: ast.arguments, *, skip_self: bool) -> bool:
    pos = _positional(args, skip_self=skip_self)
    if not pos:
        return True
    first = pos[0]
    is_bool = isinstance(first.annotation, ast.Name) and first.annotation.id == "bool"
    return first.arg in FLAG_NAMES or is_bool


def _problems(path: Path, root: Path = GUI.parent) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    out: list[str] = []
    for call in ast.walk(tree):
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and call.func.attr == "connect" and call.args
                and isinstance(call.func.value, ast.Attribute)
                and call.func.value.attr in FLAG_SIGNALS):
            continue
        slot = call.args[0]
        where = f"{path.relative_to(root)}:{call.lineno}"
        if isinstance(slot, ast.Lambda):
            if not _takes_flag_safely(slot.args, skip_self=False):
                out.append(f"{where}: lambda's first parameter "
                           f"{_positional(slot.args, skip_self=False)[0].arg!r} gets the "
                           "checked flag")
        elif (isinstance(slot, ast.Attribute) and isinstance(slot.value, ast.Name)
              and slot.value.id == "self"):
            cls: ast.AST | None = call
            while cls is not None and not isinstance(cls, ast.ClassDef):
                cls = parents.get(cls)
            methods = {f.name: f for f in getattr(cls, "body", [])
                       if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))}
            fn = methods.get(slot.attr)  # not found: a Qt method or an inherited one
            if fn is not None and not _takes_flag_safely(fn.args, skip_self=True):
                out.append(f"{where}: {slot.attr}()'s first parameter "
                           f"{_positional(fn.args, skip_self=True)[0].arg!r} gets the "
                           "checked flag")
    return out


def test_no_slot_takes_the_checked_flag_as_an_argument() -> None:
    problems = [p for f in sorted(GUI.rglob("*.py")) for p in _problems(f)]
    assert not problems, "\n".join(problems)


def test_the_check_finds_the_bug_it_guards_against(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("class W:\n"
                     "    def build(self):\n"
                     "        self.b.clicked.connect(self.withdraw)\n"
                     "        self.b.clicked.connect(self.ok)\n"
                     "        self.a.triggered.connect(lambda ff=1: self.ok())\n"
                     "        self.a.triggered.connect(lambda _c=False, ff=1: self.ok())\n"
                     "        self.c.toggled.connect(self.withdraw)  # toggled slots want the flag\n"
                     "    def withdraw(self, reason=None): ...\n"
                     "    def ok(self, *, confirmed=False): ...\n", encoding="utf-8")
    found = _problems(probe, tmp_path)
    assert len(found) == 2, found
    assert "probe.py:3: withdraw()" in found[0] and "'ff'" in found[1], found
