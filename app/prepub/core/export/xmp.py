"""The metadata an exported image carries, and the XMP packet and EXIF mirror built from it.

:class:`ExportMeta` is everything Prepub writes into an exported file, nothing more: creator,
credit line, copyright notice, usage terms, copyright owners and licensors (names only), caption,
alt text, model-release status with opaque release ids, digital source type and an optional
rights web page. The rights fields carry the original's values unless the user changed them
(:func:`prepub.core.export.plan.image_meta`): a re-encoded copy keeps its rights. :func:`build_xmp` turns it into one small
XMP packet (IPTC Photo Metadata 2025.1 properties, namespaces from ExifTool's ``%nsURI``;
``../shared/research/metadata_and_law.md`` §1.2–1.3). :func:`exif_mirror` builds a fresh EXIF
block with only IFD0 Artist, Copyright and ImageDescription, and only for pure-ASCII values,
since EXIF text is ASCII and XMP (UTF-8) is authoritative (§1.5).

Never written: person names (``PersonInImage``), ages, locations, regions, edit history.

The one colour profile an exported file may carry is one of the app's own (:func:`own_profiles`:
sRGB, or Display P3 for a P3 source; ``resources/icc``). A source's profile is never copied: its
description, device names and private tags can name the camera, its owner, a serial number or a
place. :func:`profile_space` says which of the app's profiles the pixels are converted to.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence
from xml.sax.saxutils import escape, quoteattr

from PIL import Image

from prepub.core.export.icc import SPACES
from prepub.core.resources import resource

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
    "Iptc4xmpExt": "http://iptc.org/std/Iptc4xmpExt/2008-02-29/",
    "plus": "http://ns.useplus.org/ldf/xmp/1.0/",
    "xmpRights": "http://ns.adobe.com/xap/1.0/rights/",
}

#: PLUS Model Release Status codes (ExifTool XMP2.pl); written as the full URI.
PLUS_VOCAB = "http://ns.useplus.org/ldf/vocab/"
RELEASE_STATUSES = ("MR-NON", "MR-NAP", "MR-UMR", "MR-LMR")

#: IPTC Digital Source Type (active codes, cv.iptc.org/newscodes/digitalsourcetype).
DIGITAL_SOURCE_VOCAB = "http://cv.iptc.org/newscodes/digitalsourcetype/"
DIGITAL_SOURCE_TYPES = frozenset({
    "digitalCapture", "computationalCapture", "negativeFilm", "positiveFilm", "print", "humanEdits",
    "algorithmicallyEnhanced", "digitalArt", "digitalCreation", "dataDrivenMedia",
    "trainedAlgorithmicMedia", "compositeWithTrainedAlgorithmicMedia", "algorithmicMedia",
    "screenCapture", "virtualRecording", "composite", "compositeCapture", "compositeSynthetic",
})
#: Source types that mean "a capture of reality": after a blur they become ``humanEdits``.
CAPTURE_TYPES = frozenset({"digitalCapture", "computationalCapture", "negativeFilm", "positiveFilm",
                           "print", "humanEdits"})

#: Every XMP property an exported file may hold (the verifier allows exactly these).
WRITTEN_PROPERTIES = frozenset({
    "dc:creator", "dc:rights", "dc:description", "photoshop:Credit",
    "Iptc4xmpCore:AltTextAccessibility", "plus:ModelReleaseStatus", "plus:ModelReleaseID",
    "Iptc4xmpExt:DigitalSourceType", "xmpRights:WebStatement", "xmpRights:UsageTerms",
    "plus:CopyrightOwner", "plus:Licensor",
})

# One APP1 segment holds at most 65533 - 29 bytes of XMP; Pillow has no Extended XMP.
MAX_XMP_BYTES = 65504

EXIF_ARTIST, EXIF_COPYRIGHT, EXIF_DESCRIPTION = 0x013B, 0x8298, 0x010E
EXIF_XRES, EXIF_YRES, EXIF_RES_UNIT, EXIF_YCBCR_POS = 0x011A, 0x011B, 0x0128, 0x0213
#: Every EXIF tag an exported file may hold (all in IFD0; the verifier allows exactly these).
EXIF_TAGS_WRITTEN = frozenset({EXIF_ARTIST, EXIF_COPYRIGHT, EXIF_DESCRIPTION, EXIF_XRES, EXIF_YRES,
                               EXIF_RES_UNIT, EXIF_YCBCR_POS})


@dataclass(frozen=True)
class ExportMeta:
    """The newly built metadata of one exported image. Empty strings are left out."""

    creators: tuple[str, ...] = ()
    credit: str = ""
    rights: str = ""
    usage_terms: str = ""
    copyright_owners: tuple[str, ...] = ()  # names only (PLUS CopyrightOwnerName)
    licensors: tuple[str, ...] = ()  # names only (PLUS LicensorName)
    caption: str = ""
    alt_text: str = ""
    language: str = "sv"  # xml:lang of the Lang Alt values, besides x-default
    rights_language: str | None = None  # for dc:rights and UsageTerms; "x-default" for an original's
    release_status: str = "MR-NAP"  # one of RELEASE_STATUSES
    release_ids: tuple[str, ...] = ()  # opaque consent ids; never names
    digital_source_type: str = "digitalCapture"
    web_statement: str | None = None

    def __post_init__(self) -> None:
        if self.release_status not in RELEASE_STATUSES:
            raise ValueError(f"unknown model release status {self.release_status!r}")
        if self.digital_source_type not in DIGITAL_SOURCE_TYPES:
            raise ValueError(f"unknown digital source type {self.digital_source_type!r}")


def build_xmp(meta: ExportMeta) -> bytes:
    """One XMP packet (UTF-8) with exactly the properties in ``meta``.

    Raises ValueError when the packet would not fit one JPEG APP1 segment."""
    lang = (meta.language or "x-default").strip() or "x-default"
    props: list[str] = []
    creators = [c.strip() for c in meta.creators if c.strip()]
    if creators:
        props.append(_array("dc:creator", "Seq", creators))
    if meta.credit.strip():
        props.append(_text("photoshop:Credit", meta.credit))
    rights_lang = (meta.rights_language or lang).strip() or "x-default"
    if meta.rights.strip():
        props.append(_lang_alt("dc:rights", meta.rights, rights_lang))
    if meta.usage_terms.strip():
        props.append(_lang_alt("xmpRights:UsageTerms", meta.usage_terms, rights_lang))
    owners = [o.strip() for o in meta.copyright_owners if o.strip()]
    if owners:
        props.append(_structs("plus:CopyrightOwner", "plus:CopyrightOwnerName", owners))
    licensors = [o.strip() for o in meta.licensors if o.strip()]
    if licensors:
        props.append(_structs("plus:Licensor", "plus:LicensorName", licensors))
    if meta.caption.strip():
        props.append(_lang_alt("dc:description", meta.caption, lang))
    if meta.alt_text.strip():
        props.append(_lang_alt("Iptc4xmpCore:AltTextAccessibility", meta.alt_text, lang))
    props.append(_text("plus:ModelReleaseStatus", PLUS_VOCAB + meta.release_status))
    ids = [i.strip() for i in meta.release_ids if i.strip()]
    if ids:
        props.append(_array("plus:ModelReleaseID", "Bag", ids))
    props.append(_text("Iptc4xmpExt:DigitalSourceType", DIGITAL_SOURCE_VOCAB + meta.digital_source_type))
    if meta.web_statement and meta.web_statement.strip():
        props.append(_text("xmpRights:WebStatement", meta.web_statement))
    xmlns = "".join(f"\n    xmlns:{p}={quoteattr(u)}" for p, u in NS.items() if p not in ("x", "rdf"))
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        f'  <rdf:Description rdf:about=""{xmlns}>\n'
        + "".join(props) +
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    ).encode("utf-8")
    if len(packet) > MAX_XMP_BYTES:
        raise ValueError(f"the XMP packet is {len(packet)} bytes; at most {MAX_XMP_BYTES} fit")
    return packet


def exif_mirror(meta: ExportMeta) -> Image.Exif:
    """A fresh EXIF block: IFD0 Artist, Copyright and ImageDescription for ASCII values only
    (plus the resolution tags EXIF requires beside them).

    No GPS IFD, no Exif IFD, no IFD1 (thumbnail): the block is built new, never copied."""
    exif = Image.Exif()
    creators = "; ".join(c.strip() for c in meta.creators if c.strip())
    for tag, value in ((EXIF_ARTIST, creators), (EXIF_COPYRIGHT, meta.rights),
                       (EXIF_DESCRIPTION, meta.caption)):
        v = _single_line(value)
        if v and is_ascii(v):
            exif[tag] = v
    if len(exif):
        # The tags EXIF 2.32 requires in a JPEG's IFD0 (``exiftool -validate`` asks for them);
        # they describe the pixel grid only.
        exif[EXIF_XRES] = exif[EXIF_YRES] = 72.0
        exif[EXIF_RES_UNIT] = 2  # inches
        exif[EXIF_YCBCR_POS] = 1  # centred
    return exif


# --- colour profiles -----------------------------------------------------------------------------

#: The app's own ICC profiles, the only ones an export embeds: small ICC v2 display profiles that
#: :mod:`prepub.core.export.icc` builds from the published definitions of sRGB and Display P3
#: (resources/icc/README.md). V2 for the widest software support.
PROFILE_FILES = {space: name for space, (name, _d, _p) in SPACES.items()}
#: Display P3's primaries as chromaticities (x, y) of the D50-adapted colorant tags, red, green,
#: blue (Apple's profile and the P3 above agree to 0.001); sRGB's green is at (0.321, 0.598).
P3_COLORANTS_XY = ((0.682, 0.319), (0.285, 0.675), (0.156, 0.066))
_XY_TOLERANCE = 0.01


@lru_cache(maxsize=None)
def own_profile(space: str) -> bytes:
    """The bytes of the app's profile for ``space`` (``"srgb"`` or ``"display-p3"``)."""
    return resource("icc", PROFILE_FILES[space]).read_bytes()


def own_profiles() -> dict[str, bytes]:
    """Every profile an exported file may embed, by colour space."""
    return {space: own_profile(space) for space in PROFILE_FILES}


def profile_space(icc: bytes | None) -> str:
    """``"display-p3"`` when ``icc`` describes Display P3 (by its colorants' primaries, or, for a
    profile without colorant tags, by a description naming P3), else ``"srgb"``: every other
    source, wide-gamut ones included, is converted to sRGB, what the networks expect."""
    if not icc:
        return "srgb"
    from PIL import ImageCms

    try:
        prof = ImageCms.ImageCmsProfile(io.BytesIO(icc)).profile
        prims = (prof.red_primary, prof.green_primary, prof.blue_primary)
        desc = prof.profile_description or ""
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return "srgb"
    if all(p is not None for p in prims):
        xy = [(p[1][0], p[1][1]) for p in prims]  # ((X, Y, Z), (x, y, Y)) per colorant
        p3 = all(abs(a - b) <= _XY_TOLERANCE and abs(c - d) <= _XY_TOLERANCE
                 for (a, c), (b, d) in zip(xy, P3_COLORANTS_XY, strict=True))
        return "display-p3" if p3 else "srgb"
    return "display-p3" if re.search(r"\bP3\b", desc, re.IGNORECASE) else "srgb"


def is_ascii(s: str) -> bool:
    return all(32 <= ord(ch) < 127 for ch in s)


def release_status_for(*, identifiable: int, covered: int) -> str:
    """Rule 8 of the research: ``MR-NAP`` nobody identifiable, ``MR-UMR`` everyone identifiable is
    covered by a consent, ``MR-LMR`` only some are, ``MR-NON`` none is."""
    if identifiable <= 0:
        return "MR-NAP"
    if covered >= identifiable:
        return "MR-UMR"
    return "MR-LMR" if covered > 0 else "MR-NON"


def source_type_for(original: str | None, *, blurred: bool) -> str:
    """The digital source type to declare. A type the original declares is kept (an AI image
    stays declared as one); a capture becomes ``humanEdits`` once Prepub has blurred a face."""
    orig = original if original in DIGITAL_SOURCE_TYPES else None
    if blurred and (orig is None or orig in CAPTURE_TYPES):
        return "humanEdits"
    return orig or "digitalCapture"


def _single_line(s: str) -> str:
    return " ".join(s.split())


# Characters XML 1.0 does not allow (C0 controls other than tab, newline, return; lone surrogates).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _x(value: str) -> str:
    return escape(_XML_INVALID.sub("", value.strip()))


def _text(name: str, value: str) -> str:
    return f"   <{name}>{_x(value)}</{name}>\n"


def _array(name: str, kind: str, values: Sequence[str]) -> str:
    items = "".join(f"      <rdf:li>{_x(v)}</rdf:li>\n" for v in values)
    return f"   <{name}>\n    <rdf:{kind}>\n{items}    </rdf:{kind}>\n   </{name}>\n"


def _structs(name: str, field: str, values: Sequence[str]) -> str:
    """A PLUS ``Seq`` of structs with one text field each (``rdf:parseType="Resource"``)."""
    items = "".join(f'      <rdf:li rdf:parseType="Resource">\n       <{field}>{_x(v)}</{field}>\n'
                    f"      </rdf:li>\n" for v in values)
    return f"   <{name}>\n    <rdf:Seq>\n{items}    </rdf:Seq>\n   </{name}>\n"


def _lang_alt(name: str, value: str, lang: str) -> str:
    v = _x(value)
    items = f'      <rdf:li xml:lang="x-default">{v}</rdf:li>\n'
    if lang != "x-default":
        items += f"      <rdf:li xml:lang={quoteattr(lang)}>{v}</rdf:li>\n"
    return f"   <{name}>\n    <rdf:Alt>\n{items}    </rdf:Alt>\n   </{name}>\n"
