"""The publication record: one self-contained HTML page, and the same page as PDF/A, for the archive.

Posts by public bodies are public records (allmänna handlingar), so every export carries
``record.html``, a document a registrar can file: the organisation, the case (diary) number when
there is one, who approved the post, who checked and exported it and when, the post text per
channel, the exported images (embedded as ``data:`` URIs, so the page needs nothing else) with
their context (what, where, when), alt text and credit, every finding with its message and every
override with its reason, the consents relied on (opaque ids, channels and expiry; for a minor
only "guardian's consent, id …"), the policy and app versions and the hash of every file. The
tool's own to-do list (notices) is not in it: that stays in ``manifest.json``. Inline CSS, no
scripts, no external resources; it prints on A4.

:func:`record_pdf` renders that same HTML with WeasyPrint into ``record.pdf``, PDF/A-3b (the
usual registrar format; PDF/A-3 lets the images and ``bundle.json`` travel inside as embedded
files), with every font embedded. WeasyPrint needs Pango from the system (Debian:
``libpango-1.0-0 libpangoft2-1.0-0`` and a font such as ``fonts-dejavu-core``); where it cannot
be loaded, :class:`RecordPdfUnavailable` says why and the export goes on with the HTML only.
"""

from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Sequence

import jinja2

from prepub import __version__
from prepub.core.export.consents import ConsentRef
from prepub.core.export.documents import ImageEntry, label
from prepub.core.languages import UI_LANGUAGES
from prepub.core.resources import resource

LANGUAGES = UI_LANGUAGES


class RecordPdfUnavailable(RuntimeError):
    """WeasyPrint (or the system libraries it needs) cannot be loaded here; ``str()`` says why."""


def render_record(*, lang: str, bundle_dir: Path, bundle: str, title: str, post_id: str,
                  scheduled_at: str | None, zone_name: str,
                  channels: Sequence[Mapping[str, str]], images: Sequence[ImageEntry],
                  exported_at: str, exported_by: str, checked_at: str | None,
                  findings: Sequence[Mapping[str, Any]], overrides: Sequence[Mapping[str, Any]],
                  consents: Sequence[ConsentRef], policy_name: str, policy_version: Any,
                  files: Sequence[Mapping[str, Any]], organisation: str = "",
                  approver: str | None = None, case_number: str | None = None,
                  exported_iso: str = "") -> str:
    """The record's HTML. ``channels`` items hold ``id``, ``label`` and ``text``; channels that publish
    the same text share one heading ("Facebook, LinkedIn"), so the record shows each distinct
    text once. Images are read from ``bundle_dir`` (the largest rendition of each is embedded)."""
    lang = lang if lang in LANGUAGES else "en"
    template = _template()
    order = {"block": 0, "warn": 1, "info": 2}
    return template.render(
        L=lambda key, **params: label(key, lang, **params), lang=lang, app_version=__version__,
        bundle=bundle, organisation=organisation, approver=approver or "",
        case_number=case_number or "", exported_iso=exported_iso,
        title=title, post_id=post_id, scheduled_at=scheduled_at, zone_name=zone_name,
        channels=list(channels), texts=_texts(channels),
        images=[_image(im, bundle_dir, lang, {c.get("id", c["label"]): c["label"] for c in channels})
                for im in images],
        exported_at=exported_at, exported_by=exported_by, checked_at=checked_at,
        findings=sorted(findings, key=lambda f: order.get(str(f.get("severity")), 3)),
        overrides=list(overrides), consents=list(consents), policy_name=policy_name,
        policy_version=policy_version, files=list(files))


def _texts(channels: Sequence[Mapping[str, str]]) -> list[dict[str, str]]:
    """One entry per distinct text, in the channels' order, labelled with every channel using it."""
    groups: dict[str, list[str]] = {}
    for ch in channels:
        groups.setdefault(ch["text"], []).append(ch["label"])
    return [{"label": ", ".join(labels), "text": text} for text, labels in groups.items()]


def record_pdf(html: str, *, attachments: Sequence[tuple[Path, str, str]] = ()) -> bytes:
    """``html`` (the record) as a PDF/A-3b document with ``attachments`` embedded, each
    ``(file, name in the PDF, description)``. Raises :class:`RecordPdfUnavailable` when
    WeasyPrint cannot be loaded. The PDF's dates and title come from the page's own
    ``dcterms.created``/``dcterms.modified`` and ``<title>`` (the export's clock, not the wall's)."""
    try:
        import weasyprint
    except (ImportError, OSError) as e:  # OSError: Pango/GObject libraries missing
        raise RecordPdfUnavailable(f"{type(e).__name__}: {e}") from None
    files = [weasyprint.Attachment(string=Path(path).read_bytes(), name=name,
                                   description=description, relationship="Data")
             for path, name, description in attachments]
    doc = weasyprint.HTML(string=html)
    return bytes(doc.write_pdf(pdf_variant="pdf/a-3b", attachments=files) or b"")


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(resource("templates"))),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    return env.get_template("record.html.j2")


def _image(im: ImageEntry, bundle_dir: Path, lang: str,
           labels: Mapping[str, str]) -> dict[str, Any]:
    biggest = max(im.renditions, key=lambda r: r.width * r.height)
    data = (bundle_dir / biggest.file).read_bytes()
    uri = f"data:{biggest.mime};base64,{base64.b64encode(data).decode('ascii')}"
    return {
        "index": im.index, "alt_text": im.alt_text, "credit": im.credit, "rights": im.rights,
        "what": im.context.get("what", ""), "where": im.context.get("where", ""),
        "when": im.context.get("when", ""),
        "caption": im.caption, "release_status": im.release_status,
        "digital_source_type": im.digital_source_type, "blurred_faces": im.blurred_faces,
        "source_sha256": im.source_sha256, "data_uri": uri, "width": biggest.width,
        "height": biggest.height,
        "renditions": [{"file": r.file, "width": r.width, "height": r.height, "sha256": r.sha256,
                        "channels_label": ", ".join(labels.get(c, c) for c in r.channels)} for r in im.renditions],
    }
