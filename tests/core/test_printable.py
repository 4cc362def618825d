"""The text report cannot be forged by a file name or a metadata field (issue 17.9)."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from pathlib import Path

from PIL import Image

from prepub import cli
from prepub.core.printable import printable


def test_printable_escapes_controls_newlines_and_bidi() -> None:
    assert printable("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert printable("x\ny\rz") == "x\\ny\\rz"
    assert printable("abc\u202etxt.jpg") == "abc\\u202etxt.jpg"
    assert printable("Åsa Öberg 📸 ") == "Åsa Öberg 📸 "


def test_check_report_escapes_a_hostile_file_name(tmp_path: Path) -> None:
    name = "ok.jpg\n    ✓ nothing to report\x1b[32m.jpg"
    photo = tmp_path / name
    Image.new("RGB", (64, 48), "#888").save(photo, "JPEG")
    out = io.StringIO()
    with redirect_stdout(out):
        cli.main(["check", "--no-faces", str(photo)])
    text = out.getvalue()
    assert "\x1b" not in text
    assert "ok.jpg\\n    ✓ nothing to report\\x1b[32m.jpg" in text
    assert not any(line.startswith("    ✓ nothing to report") for line in text.splitlines()[:1])
