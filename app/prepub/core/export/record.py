"""The publication record: one self-contained HTML page for the archive.

Posts by public bodies are public records, so every export carries ``record.html``: the post text
per channel, the exported images (embedded as ``data:`` URIs, so the page needs nothing else),
their alt text and credit, who checked and exported the post and when, every finding with its
message and every override with its reason, the consents relied on (opaque ids, channels and
expiry; for a minor only "guardian's consent, id …"), the policy and app versions and the hash of
every file. Inline CSS, no scripts, no external resources; it prints on A4.

PDF: not written. No PDF library is installed in this project (WeasyPrint, ReportLab and fpdf2
are all absent), and adding one is a dependency decision; the HTML prints to PDF from any browser.
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


def render_record(*, lang: str, bundle_dir: Path, bundle: str, title: str, post_id: str,
                  scheduled_at: str | None, zone_name: str,
                  channels: Sequence[Mapping[str, str]], images: Sequence[ImageEntry],
                  exported_at: str, exported_by: str, checked_at: str | None,
                  findings: Sequence[Mapping[str, Any]], overrides: Sequence[Mapping[str, Any]],
                  consents: Sequence[ConsentRef], policy_name: str, policy_version: Any,
                  files: Sequence[Mapping[str, Any]], notices: Sequence[Mapping[str, Any]]) -> str:
    """The record's HTML. ``channels`` items hold ``label`` and ``text``; images are read from
    ``bundle_dir`` (the largest rendition of each is embedded)."""
    lang = lang if lang in LANGUAGES else "en"
    template = _template()
    order = {"block": 0, "warn": 1, "info": 2}
    return template.render(
        L=lambda key: label(key, lang), lang=lang, app_version=__version__, bundle=bundle,
        title=title, post_id=post_id, scheduled_at=scheduled_at, zone_name=zone_name,
        channels=list(channels), images=[_image(im, bundle_dir, lang) for im in images],
        exported_at=exported_at, exported_by=exported_by, checked_at=checked_at,
        findings=sorted(findings, key=lambda f: order.get(str(f.get("severity")), 3)),
        overrides=list(overrides), consents=list(consents), policy_name=policy_name,
        policy_version=policy_version, files=list(files), notices=list(notices))


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(resource("templates"))),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    return env.get_template("record.html.j2")


def _image(im: ImageEntry, bundle_dir: Path, lang: str) -> dict[str, Any]:
    biggest = max(im.renditions, key=lambda r: r.width * r.height)
    data = (bundle_dir / biggest.file).read_bytes()
    uri = f"data:{biggest.mime};base64,{base64.b64encode(data).decode('ascii')}"
    return {
        "index": im.index, "alt_text": im.alt_text, "credit": im.credit, "rights": im.rights,
        "caption": im.caption, "release_status": im.release_status,
        "digital_source_type": im.digital_source_type, "blurred_faces": im.blurred_faces,
        "source_sha256": im.source_sha256, "data_uri": uri, "width": biggest.width,
        "height": biggest.height,
        "renditions": [{"file": r.file, "width": r.width, "height": r.height, "sha256": r.sha256,
                        "channels_label": ", ".join(r.channels)} for r in im.renditions],
    }
