"""Issue 14, done when: a multi-paragraph Swedish post with emoji, exported to every tool and every
channel, checked file by file against the tools' import rules, X's counting, the one message
renderer, the record a registrar files (HTML and PDF/A-3b) and bundle.json's schema."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import zlib
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

import prepub.core.checks.post  # noqa: F401 - registers face.blurred
from prepub.core.checks.channels_fit import channel_fit_findings
from prepub.core.draft import Draft
from prepub.core.export import export_bundle
from prepub.core.export.plan import estimate_jpeg_quality
from prepub.core.export.scheduling import PUBLER_HEADER, SPROUT_HEADER
from prepub.core.model import ImageReport, Metadata
from prepub.core.policy import load_policy
from prepub.core.resources import resource
from prepub.core.rules import make_finding
from prepub.core.text import xcount

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
CHANNELS = ["website", "facebook", "instagram", "x", "linkedin", "threads", "bluesky", "mastodon"]
TEXT = ("Välkommen till Kulturnatten i Gamla stan! 🎉🎭\r\n\r\n"
        "I kväll öppnar 40 museer och gallerier sina dörrar – gratis för alla. "
        "Ta med familjen 👨‍👩‍👧 och upptäck staden i nytt ljus ✨\n\n"
        "Hela programmet: kulturnatt.example.se/program\n\n"
        "#kulturnatten #gamlastan")
PARAGRAPHS = TEXT.replace("\r\n", "\n")
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def _photo(path: Path, size: tuple[int, int], seed: int) -> Path:
    rng = np.random.default_rng(seed)
    small = rng.integers(0, 255, (size[1] // 40, size[0] // 40, 3), dtype=np.uint8)
    Image.fromarray(small).resize(size, Image.Resampling.BICUBIC).save(path, quality=87)
    return path


def _draft(tmp_path: Path) -> Draft:
    d = Draft(text=TEXT, channels=list(CHANNELS), title="Kulturnatten 2026",
              scheduled_at="2026-12-03T18:30:00+01:00")
    places = [("Ljusspel på Stortorget", "Stortorget, Gamla stan", "2026-11-20"),
              ("Barn bygger lyktor i Stadsmuseet", "Stadsmuseet", "2026-11-21")]
    for i, (size, (what, where, when)) in enumerate(zip([(1200, 1500), (900, 1200)], places)):
        im = d.add_image(str(_photo(tmp_path / f"Kulturnatt bild {i + 1}.jpg", size, i)))
        im.photographer = "Åsa Öberg"
        im.alt_text = f"{what}, fotograferat på kvällen."
        im.context.what, im.context.where, im.context.when = what, where, when
    d.images[0].decide(0, [400, 500, 600, 750], "blur")
    return d


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def _streams(pdf: bytes) -> bytes:
    """The PDF's bytes with every Flate stream (object streams, XMP, fonts) inflated after it."""
    out = [pdf]
    for m in re.finditer(rb"stream\r?\n", pdf):
        start = m.end()
        end = pdf.find(b"endstream", start)
        try:
            out.append(zlib.decompressobj().decompress(pdf[start:end]))
        except zlib.error:
            continue
    return b"\n".join(out)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Any:
    tmp = tmp_path_factory.mktemp("full")
    d = _draft(tmp)
    policy = load_policy(language="sv")
    blurred = make_finding("face.blurred", policy, subject=d.images[0].path, face=0)
    r = export_bundle(d, out_dir=tmp / "out", policy=policy, findings=[blurred], now=NOW, lang="sv",
                      date_order={"hootsuite": "dmy", "sprout": "mdy"},
                      media_base_url="https://www.example.se/media/kultur natt",
                      approver="Karin Holm", case_number="KS 2026/1234", record_pdf=True)
    return r, d, policy


def test_every_file_of_the_bundle(bundle: Any) -> None:  # noqa: PLR0915 - one bundle, every rule
    r, d, policy = bundle
    root: Path = r.path
    assert r.skipped == (), r.skipped
    social = [c for c in CHANNELS if c != "website"]
    expected = {f"scheduling/{t}-{c}.csv" for t in ("publer", "hootsuite", "sprout") for c in social}
    assert expected <= set(r.files)

    # 1. line breaks: kept in a quoted multi-line cell by Publer and Sprout, flattened with a
    #    per-file note for Hootsuite
    for c in social:
        publer = _rows(root / f"scheduling/publer-{c}.csv")
        assert tuple(publer[0]) == PUBLER_HEADER and publer[1][1] == PARAGRAPHS
        sprout = _rows(root / f"scheduling/sprout-{c}.csv")
        assert tuple(sprout[0]) == SPROUT_HEADER and sprout[1][2] == PARAGRAPHS
        hoot = _rows(root / f"scheduling/hootsuite-{c}.csv")
        assert len(hoot) == 1 and "\n" not in hoot[0][1] and "🎉🎭 I kväll" in hoot[0][1]
        notes = r.file_notes[f"scheduling/hootsuite-{c}.csv"]
        assert any("radbrytningar" in n and f"hootsuite-{c}.csv" in n for n in notes), notes
        assert not any("radbrytningar" in n for n in r.file_notes.get(f"scheduling/publer-{c}.csv", ()))
        raw = (root / f"scheduling/sprout-{c}.csv").read_bytes()
        assert raw.count(b"\r\n") == 2 and b'"V\xc3\xa4lkommen' in raw  # rows CRLF, breaks inside quotes

    # 4. dates in each tool's order: 3 December 2026, 18:30 Stockholm
        assert publer[1][0] == "2026-12-03 18:30"
        assert hoot[0][0] == "03/12/2026 18:30"
        assert sprout[1][:2] == ["12/03/2026", "18:30"]

    # 5. media URLs validated and encoded; Sprout gets no undocumented media column
        urls = publer[1][3].split(",")
        assert len(urls) == 2 and all(u.startswith("https://www.example.se/media/kultur%20natt/")
                                      for u in urls)
        assert " " not in publer[1][3]

    # 2. X by weight: this text is over 190 code points but its weight is what X counts
    doc = json.loads((root / "bundle.json").read_text(encoding="utf-8"))
    nets = {n["channel"]: n for n in doc["posts"][0]["networks"]}
    # one text in every file: the paragraphs as the text files and CSV cells have them
    assert {n["text"] for n in nets.values()} == {PARAGRAPHS}
    x_len = nets["x"]["length"]
    assert x_len == {"value": xcount.weighted_length(PARAGRAPHS), "limit": 280,
                     "method": "weighted"}
    assert x_len["value"] != len(PARAGRAPHS)
    assert nets["instagram"]["length"]["method"] == "codepoints"
    assert nets["x"]["text"] == PARAGRAPHS and nets["x"]["hashtags"] == ["kulturnatten", "gamlastan"]

    # 9. bundle.json is what its schema says
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(resource("schemas", "bundle.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(doc, schema, cls=jsonschema.Draft202012Validator)
    assert doc["$schema"] == schema["$id"]
    media = nets["instagram"]["media"]
    assert [m["context"]["where"] for m in media] == ["Stortorget, Gamla stan", "Stadsmuseet"]
    assert doc["posts"][0]["record"] == {"organisation": policy.name, "approver": "Karin Holm",
                                         "case_number": "KS 2026/1234"}

    # 3. every message through the one renderer: the face number is there, no {placeholder}
    for rel in r.files:
        if rel.endswith((".csv", ".txt", ".json", ".html")):
            body = (root / rel).read_text(encoding="utf-8")
            assert not PLACEHOLDER.search(body), (rel, PLACEHOLDER.search(body))
    for rel in ("record.html", "manifest.json", "bundle.json"):
        assert "Ansikte 1 suddas vid export." in (root / rel).read_text(encoding="utf-8"), rel

    # 8. the record a registrar files: organisation, case number, approver, context per photo,
    #    none of the tool's own to-do list
    html = (root / "record.html").read_text(encoding="utf-8")
    for needed in ("Karin Holm", "KS 2026/1234", policy.name, "Diarienummer",
                   "Godkänt för publicering av", "Ljusspel på Stortorget", "Stadsmuseet",
                   "2026-11-21", "Barn bygger lyktor i Stadsmuseet"):
        assert needed in html, needed
    for tool_text in ("Att göra för hand", "importera en fil per kanal", "bifoga bilderna"):
        assert tool_text not in html
    # each distinct text once, under the channels that publish it
    texts = {d.text_for(c) for c in d.channels}
    assert html.count('<div class="post">') == len(texts) < len(d.channels)
    assert "<h3>Webbplats, Facebook, Instagram, X, LinkedIn, Threads, Bluesky, Mastodon</h3>" in html
    assert "<th>Instagram, Threads</th>" in html  # renditions under the channels' names
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    assert any(n["rule"] == "export.import_settings" for n in manifest["notices"])  # kept there
    assert {"record.html", "record.pdf"} <= {f["path"] for f in manifest["files"]}

    # 7. re-encoding never above the original's quality (87), original names not used by default
    for rel in r.files:
        if rel.startswith("images/"):
            q = estimate_jpeg_quality(root / rel)
            assert q is not None and q <= 87, (rel, q)
            assert "kulturnatt-bild" not in rel.lower()

    # text files keep the paragraphs
    assert (root / "text/x.txt").read_text(encoding="utf-8").startswith(PARAGRAPHS)


def test_the_pdf_record_is_pdf_a_3b_with_fonts_and_files_embedded(bundle: Any) -> None:
    r, _d, _policy = bundle
    pdf = (r.path / "record.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    body = _streams(pdf)
    # PDF/A identification in the XMP metadata
    assert re.search(rb"pdfaid:part(>|=\")3", body), "no pdfaid:part 3"
    assert re.search(rb"pdfaid:conformance(>|=\")B", body), "no pdfaid:conformance B"
    # every font is embedded: each font descriptor carries its font file
    descriptors = len(re.findall(rb"/Type\s*/FontDescriptor", body))
    files = len(re.findall(rb"/FontFile[23]?\b", body))
    assert descriptors >= 1 and files >= descriptors, (descriptors, files)
    # the images and bundle.json travel inside (PDF/A-3 embedded files)
    assert b"/EmbeddedFiles" in body and b"/AFRelationship" in body
    assert b"bundle.json" in body
    if shutil.which("pdffonts"):
        out = subprocess.run(["pdffonts", str(r.path / "record.pdf")], capture_output=True,
                             text=True, check=True).stdout.splitlines()[2:]
        assert out and all(line.split()[-5] == "yes" for line in out), out  # the "emb" column
    if shutil.which("pdfdetach"):
        listed = subprocess.run(["pdfdetach", "-list", str(r.path / "record.pdf")],
                                capture_output=True, text=True, check=True).stdout
        assert "bundle.json" in listed and listed.count(".jpg") == sum(
            1 for f in r.files if f.startswith("images/"))


def test_channel_fit_for_the_same_post(bundle: Any) -> None:
    """6. The 3:4 photo is outside Instagram's 4:5-1.91:1: a finding with a 4:5 crop."""
    _r, d, policy = bundle
    reports = {im.path: ImageReport(path=im.path, metadata=Metadata(width=w, height=h))
               for im, (w, h) in zip(d.images, [(1200, 1500), (900, 1200)])}
    found = channel_fit_findings(d, reports=reports, policy=policy)
    ratio = [f for f in found if f.rule == "channel.aspect_ratio"]
    assert [(f.subject, f.params["channel"]) for f in ratio] == [(d.images[1].path, "instagram")]
    assert ratio[0].params["crop"] == [0, 37, 900, 1162] and ratio[0].params["target"] == "4:5"
    assert not [f for f in found if f.rule == "channel.too_many_images"]
