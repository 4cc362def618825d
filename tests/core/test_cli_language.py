"""`--lang sv` and `--lang da` mean the whole report in that language, counts included."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from PIL import Image

from prepub import cli
from prepub.core.messages import render


@pytest.mark.parametrize("lang,words", [("sv", ["bilder granskade", "STOPPAR", "STOPP"]),
                                        ("da", ["billeder tjekket", "STOPPER", "STOP"])])
def test_check_report_is_in_the_chosen_language(tmp_path: Path, lang: str, words: list[str]) -> None:
    for n in ("a.jpg", "b.jpg"):
        Image.new("RGB", (64, 48), "#888").save(tmp_path / n, "JPEG")
    (tmp_path / "c.jpg").write_bytes(b"not a jpeg")  # blocks: unreadable
    out = io.StringIO()
    with redirect_stdout(out):
        code = cli.main(["check", "--lang", lang, "--no-faces", str(tmp_path)])
    text = out.getvalue()
    assert code == 1
    for w in words:
        assert w in text, text
    for english in ("image(s)", "checked", "nothing to report", "BLOCK ", "something BLOCKS"):
        assert english not in text, text


def test_counts_choose_one_or_other() -> None:
    assert render("cli.written", {"count": 1}, "en") == "Written: 1 file"
    assert render("cli.written", {"count": 3}, "sv") == "Skrivet: 3 filer"


def test_consent_reasons_are_words_in_every_language() -> None:
    assert render("face.consent_missing", {"name": "A", "reasons": "withdrawn", "channels": "x"}, "da") \
        .count("trukket tilbage") == 1
