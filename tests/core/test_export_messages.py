"""One renderer for every message (issue 14): every rule's message in every language, with and
without its parameters, never shows a {placeholder}; the bundle's documents carry the face number."""

from __future__ import annotations

import re
import string

import pytest

import prepub.core.checks.channels_fit  # noqa: F401 - registers the channel-fit rules
import prepub.core.checks.post  # noqa: F401 - registers the post rules
import prepub.core.checks.image  # noqa: F401 - registers the image rules
import prepub.core.export.bundle  # noqa: F401 - registers the export rules
import prepub.core.text.checks  # noqa: F401 - registers the text rules
from prepub.core.export.documents import finding_dict, label, labels
from prepub.core.languages import UI_LANGUAGES
from prepub.core.messages import MISSING, catalogue, format_template, message, render
from prepub.core.model import Finding, Severity
from prepub.core.rules import all_rules

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _fields(tpl: str) -> list[str]:
    return [f for _, f, _, _ in string.Formatter().parse(tpl) if f]


def _rules() -> list[str]:
    return sorted(k for k in catalogue() if not k.startswith("reason."))


@pytest.mark.parametrize("lang", UI_LANGUAGES)
def test_every_message_renders_without_and_with_its_parameters(lang: str) -> None:
    for rule in _rules():
        bare = render(rule, {}, lang)
        assert bare.strip() and not PLACEHOLDER.search(bare), (rule, lang, bare)
        entry = catalogue()[rule]
        tpl = entry.get(lang) or entry.get("en", "")
        params = {f.split(".")[0].split("[")[0]: f"«{f}»" for f in _fields(tpl)}
        full = render(rule, params, lang)
        assert not PLACEHOLDER.search(full), (rule, lang, full)
        for f in _fields(tpl):
            assert f"«{f}»" in full, (rule, lang, f)
        assert MISSING not in full or MISSING in tpl.replace("{", "").replace("}", ""), (rule, full)
        for key in (f"help_{lang}",):
            if key in entry:
                h = format_template(entry[key], {})
                assert not PLACEHOLDER.search(h), (rule, key, h)


def test_every_registered_rule_has_words_in_every_language() -> None:
    missing = [(rule, lang) for rule in all_rules() for lang in UI_LANGUAGES
               if lang not in catalogue().get(rule, {})]
    assert not missing, missing


def test_labels_render_through_the_same_renderer() -> None:
    for key in labels():
        for lang in UI_LANGUAGES:
            assert not PLACEHOLDER.search(label(key, lang)), (key, lang)
    assert label("guardian_consent", "sv", id="c-17") == "Vårdnadshavares samtycke, id c-17"


def test_the_face_number_reaches_the_bundle_documents() -> None:
    """Before: finding_dict rendered with the redacted params only, and "Ansikte {face} suddas
    vid export" reached record.html, manifest.json and bundle.json."""
    f = Finding(rule="face.blurred", severity=Severity.INFO, subject="/p/IMG_1.jpg", face=2)
    d = finding_dict(f, lang="sv", subjects={"/p/IMG_1.jpg": "image 1"})
    assert d["message"] == "Ansikte 3 suddas vid export." and d["subject"] == "image 1"
    assert message(f, "da") == "Ansigt 3 sløres ved eksport."
    named = Finding(rule="face.consent_missing", severity=Severity.BLOCK, subject="x", face=0,
                    params={"name": "Anna Berg", "reasons": "utgånget", "channels": "x"})
    d = finding_dict(named, lang="sv", subjects={})
    assert "Anna Berg" not in d["message"] and "ansikte 1" in d["message"]


def test_format_template_is_safe() -> None:
    assert format_template("Ansikte {face} suddas", {}) == f"Ansikte {MISSING} suddas"
    assert format_template("{count:d} st", {"count": "många"}) == "många st"
    assert format_template("{count:d} st", {"count": 3}) == "3 st"
    assert format_template("trasig {mall", {}) == "trasig mall"
    assert format_template("{a.b} {0} {x[1]}", {"a": 1}) == f"{MISSING} {MISSING} {MISSING}"
    assert format_template("{name!r}", {"name": "Å"}) == "'Å'"
    assert format_template("{v}", {"v": None}) == MISSING
