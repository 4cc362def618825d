"""``read_metadata``: one image file in, one :class:`~prepub.core.model.Metadata` out.

This module owns reconciling the sources. :mod:`.container` finds the blocks, :mod:`.exif`,
:mod:`.xmp` and :mod:`.iptc` parse them; here we decide which value wins and tag it with where it
came from. Where EXIF, IPTC and XMP overlap (creator, copyright, description) we follow the
Metadata Working Group guidance as ExifTool implements it: a non-blank EXIF value first, then
XMP, unless the IPTC digest shows the IPTC was edited after the XMP was written, then IPTC.
FLIR cameras' own record (:mod:`.flir`) adds a position, serial numbers, a model and a time
where the standard blocks have none. Last, when ExifTool is installed, it reads the file as a
second opinion (:mod:`.exiftool`): a position, serial number or owner name only it sees is
added, tagged ``ExifTool:<group>:<tag>``, with an ``exiftool.only`` note saying so.
The file is opened read-only and never written.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, BinaryIO, Callable, TypeVar

from prepub.core.inputfiles import NotRegularFile, open_regular
from prepub.core.metadata import exiftool as exiftoolmod
from prepub.core.metadata import gps as gpsmod
from prepub.core.metadata import iptc as iptcmod
from prepub.core.metadata import regions, rights, values
from prepub.core.metadata.container import Container, open_container
from prepub.core.metadata.errors import UnreadableImage
from prepub.core.metadata.exif import ExifData, read_exif
from prepub.core.metadata.flir import FlirInfo, parse_fff
from prepub.core.metadata.xmp import Xmp, XmpError, parse_xmp
from prepub.core.model import GpsFix, Metadata, Tagged

T = TypeVar("T")
_MAX_WARNINGS = 20


def read_metadata(path: str | os.PathLike[str], *, data: bytes | None = None,
                  exiftool: bool | None = None) -> Metadata:
    """Read what the image at ``path`` (or, when given, ``data``) says about itself.

    ``exiftool``: ask ExifTool for a second opinion (None: for a file on disk, when ExifTool
    is installed and ``PREPUB_NO_EXIFTOOL`` is not set; bytes in ``data`` only when asked, as
    each costs a whole ExifTool start). Raises :class:`UnreadableImage` when it is not an image
    we can read at all. Problems with the metadata itself end up in ``Metadata.warnings``.
    """
    name = os.fspath(path)
    if data is not None:
        md, notes = _read(io.BytesIO(data), name)
    else:
        try:
            fh = open_regular(name)  # a FIFO or a device is refused, never waited on
        except NotRegularFile as e:
            raise UnreadableImage("not_regular", e.kind) from None
        except OSError as e:
            raise UnreadableImage("io_error", f"{type(e).__name__}: {e.strerror or e}") from None
        with fh:
            try:
                md, notes = _read(fh, name)
            except OSError as e:
                raise UnreadableImage("io_error", f"{type(e).__name__}: {e}") from None
    if exiftool if exiftool is not None else (data is None and exiftoolmod.enabled()):
        md = _second_opinion(md, name, data, notes)
    return _with_warnings(md, notes)


@dataclass
class _Sources:
    c: Container
    exif: list[ExifData]
    xmp: Xmp
    iim: iptcmod.Iim | None
    irb: iptcmod.Irb | None
    notes: list[str]
    flir: FlirInfo | None = None

    def exif_value(self, tag: int) -> Any:
        for e in self.exif:
            v = e.get(tag)
            if v is not None:
                return v
        return None

    def iptc_prefer(self) -> bool:
        """True when the IPTC was changed after the XMP was synchronised with it."""
        if self.iim is None or self.irb is None:
            return False
        stored = self.irb.resources.get(iptcmod.IRB_IPTC_DIGEST)
        return stored is not None and stored.hex() != self.iim.digest and any(stored)


def _read(fh: BinaryIO, name: str) -> tuple[Metadata, list[str]]:
    c = open_container(fh, name)
    notes = list(c.warnings)
    exifs = []
    for block in c.exif:
        e = read_exif(block, c.image)
        notes.extend(e.warnings)
        exifs.append(e)
    src = _Sources(c, exifs, _read_xmp(c, notes), None, None, notes)
    _read_iptc(src)
    if c.flir:
        src.flir = parse_fff(c.flir)
        notes.extend(src.flir.warnings)
    try:
        md = _assemble(src)
    except Exception as e:  # a bug of ours on odd data must not lose the whole file
        notes.append(f"internal: {type(e).__name__}: {e}")
        md = Metadata(format=c.format, width=c.size[0], height=c.size[1])
    return md, notes


def _second_opinion(md: Metadata, name: str, data: bytes | None, notes: list[str]) -> Metadata:
    """Add what only ExifTool sees: a position, serial numbers, an owner name."""
    try:
        tags = exiftoolmod.read(name if data is None else None, data=data)
    except FileNotFoundError:
        return md
    except exiftoolmod.ExiftoolFailed as e:
        notes.append(f"exiftool.failed: {e}")
        return md
    try:
        return _merge_exiftool(md, tags, notes)
    except Exception as e:  # a second opinion must never cost the first
        notes.append(f"internal: exiftool: {type(e).__name__}: {e}")
        return md


def _merge_exiftool(md: Metadata, tags: dict[str, Any], notes: list[str]) -> Metadata:
    changes: dict[str, Any] = {}
    if md.gps is None:
        for p in exiftoolmod.positions(tags):
            r = gpsmod.from_coordinates(p.lat, p.lon, p.alt, f"ExifTool:{p.tag}")
            if r.fix is not None:
                changes.update(gps=r.fix, gps_present=True, gps_empty=False)
                notes.append(f"exiftool.only: GPS position in {p.tag} (only ExifTool reads it)")
                break
        else:
            gps_tags = exiftoolmod.has_gps_tags(tags)
            if gps_tags and not md.gps_present:
                changes.update(gps_present=True, gps_empty=True)
                notes.append(f"exiftool.only: GPS data without a position in {gps_tags[0]}")
    serials = list(md.serial_numbers)
    for f in exiftoolmod.serials(tags):
        if not any(_same_serial(f.value, s.value) for s in serials):
            serials.append(Tagged(f.value, f"ExifTool:{f.tag}"))
            notes.append(f"exiftool.only: serial number in {f.tag} (only ExifTool reads it)")
    if len(serials) > len(md.serial_numbers):
        changes["serial_numbers"] = tuple(serials)
    if md.owner_name is None:
        for f in exiftoolmod.owner_names(tags):
            changes["owner_name"] = Tagged(f.value, f"ExifTool:{f.tag}")
            notes.append(f"exiftool.only: owner name in {f.tag} (only ExifTool reads it)")
            break
    return replace(md, **changes) if changes else md


def _same_serial(a: str, b: str) -> bool:
    """The same number, also when one reader keeps a prefix (Nikon's ``NO= 3005``) or padding."""
    x, y = (re.sub(r"\s+", "", v).lower() for v in (a, b))
    return x == y or (min(len(x), len(y)) >= 4 and (x in y or y in x))


def _with_warnings(md: Metadata, notes: list[str]) -> Metadata:
    unique = list(dict.fromkeys(n.strip() for n in notes if n.strip()))
    if len(unique) > _MAX_WARNINGS:
        unique = unique[:_MAX_WARNINGS - 1] + [f"more: {len(unique) - _MAX_WARNINGS + 1} more"]
    return replace(md, warnings=tuple(unique))


def _read_xmp(c: Container, notes: list[str]) -> Xmp:
    merged = Xmp()
    packets = list(c.xmp) + ([c.extended_xmp] if c.extended_xmp else [])
    for i, raw in enumerate(packets):
        try:
            merged = merged.merged(parse_xmp(raw))
        except XmpError as e:
            kind = "xmp.extended_unreadable" if i >= len(c.xmp) else "xmp.unreadable"
            notes.append(f"{kind}: {e}")
    return merged


def _read_iptc(src: _Sources) -> None:
    c = src.c
    iim_raw = c.iim
    if c.irb:
        src.irb = iptcmod.parse_irb(c.irb)
        if src.irb.corrupt:
            src.notes.append("irb.corrupt: Photoshop resource list cut short")
        iim_raw = src.irb.resources.get(iptcmod.IRB_IPTC, iim_raw)
    if iim_raw:
        src.iim = iptcmod.parse_iim(iim_raw)
        if src.iim.corrupt:
            src.notes.append("iptc.corrupt: IPTC records cut short")


def _first(*candidates: Tagged[T] | None) -> Tagged[T] | None:
    for t in candidates:
        if t is not None:
            return t
    return None


def _tag(value: T | None, source: str) -> Tagged[T] | None:
    return None if value is None else Tagged(value, source)


def _mwg(src: _Sources, exif: Tagged[str] | None, iptc: Tagged[str] | None,
         xmp: Tagged[str] | None) -> Tagged[str] | None:
    if exif is not None:
        return exif
    if xmp is not None and not (iptc is not None and src.iptc_prefer()):
        return xmp
    return _first(iptc, xmp)


def _xmp_text(src: _Sources, prefix: str, local: str,
              clean: Callable[[Any], str | None] = values.text, *, join: bool = False,
              ) -> Tagged[str] | None:
    items = [t for t in (clean(v) for v in src.xmp.texts(prefix, local)) if t]
    if not items:
        return None
    value = "; ".join(dict.fromkeys(items)) if join else items[0]
    return Tagged(value, f"XMP:{prefix}:{local}")


def _iptc_text(src: _Sources, dataset: int, name: str,
               clean: Callable[[Any], str | None] = values.text) -> Tagged[str] | None:
    if src.iim is None:
        return None
    items = [t for t in (clean(v) for v in src.iim.datasets.get((2, dataset), [])) if t]
    return Tagged("; ".join(dict.fromkeys(items)), f"IPTC:{name}") if items else None


def _assemble(src: _Sources) -> Metadata:
    c, xmp = src.c, src.xmp
    flir = src.flir.strings if src.flir else {}
    make = _tag(values.text(src.exif_value(0x010F)), "EXIF:Make") or _xmp_text(src, "tiff", "Make")
    model = (_tag(values.text(src.exif_value(0x0110)), "EXIF:Model")
             or _xmp_text(src, "tiff", "Model")
             or _tag(flir.get("CameraModel"), "FLIR:CameraModel"))

    def clean_caption(v: Any) -> str | None:
        return values.caption(v, make=make and make.value, model=model and model.value)

    orientation = _orientation(src)
    width, height = c.size
    if not c.size_is_upright and orientation in (5, 6, 7, 8):
        width, height = height, width

    fix, gps_present = _gps(src)
    previews = (c.frames > 1 or c.heif_thumbnails > 0 or any(e.maker_preview for e in src.exif)
                or regions.has_embedded_image(xmp)
                or (src.irb is not None
                    and any(src.irb.resources.get(r) for r in iptcmod.IRB_THUMBNAILS)))
    return Metadata(
        format=c.format,
        width=width,
        height=height,
        orientation=orientation,
        taken_at=_taken_at(src),
        camera_make=make,
        camera_model=model,
        gps=fix,
        gps_present=gps_present,
        gps_empty=gps_present and fix is None,
        photographer=_mwg(
            src, _tag(values.text(src.exif_value(0x013B)), "EXIF:Artist"),
            _iptc_text(src, 80, "By-line"), _xmp_text(src, "dc", "creator", join=True),
        ) or _tag(values.ucs2(src.exif_value(0x9C9D)), "EXIF:XPAuthor"),
        copyright=_mwg(
            src, _tag(values.text(src.exif_value(0x8298)), "EXIF:Copyright"),
            _iptc_text(src, 116, "CopyrightNotice"), _xmp_text(src, "dc", "rights"),
        ),
        caption=_mwg(
            src, _tag(clean_caption(src.exif_value(0x010E)), "EXIF:ImageDescription"),
            _iptc_text(src, 120, "Caption-Abstract", clean_caption),
            _xmp_text(src, "dc", "description", clean_caption),
        ),
        serial_numbers=_serials(src),
        owner_name=_first(
            _tag(values.text(src.exif_value(0xA430)), "EXIF:CameraOwnerName"),
            _tag(values.text(src.exif_value(0xFDE8)), "EXIF:OwnerName"),
            _xmp_text(src, "aux", "OwnerName"),
            _xmp_text(src, "exifEX", "CameraOwnerName"),
            *(_tag(values.text(e.maker.get("OwnerName")), "MakerNote:OwnerName")
              for e in src.exif),
        ),
        persons_shown=tuple(regions.persons_shown(xmp)),
        has_exif=c.exif_found > 0,
        has_xmp=bool(c.xmp or c.extended_xmp),
        has_iptc=src.iim is not None and bool(src.iim.datasets),
        has_thumbnail=c.jfif_thumbnail or any(e.thumbnail for e in src.exif),
        has_preview=previews,
        has_face_regions=regions.has_face_regions(xmp),
        has_maker_note=any(e.maker_note for e in src.exif),
        **rights.read_rights(xmp, src.iim, iptc_preferred=src.iptc_prefer()),
    )


def _orientation(src: _Sources) -> int | None:
    if src.c.stored_orientation is not None:
        candidates: list[Any] = [src.c.stored_orientation]
    else:
        candidates = [src.exif_value(0x0112), src.xmp.text("tiff", "Orientation")]
    for v in candidates:
        if v is None:
            continue
        o = values.integer(v)
        if o is not None and 1 <= o <= 8:
            return o
        src.notes.append(f"orientation.invalid: {v!r}")
    return None


def _gps(src: _Sources) -> tuple[GpsFix | None, bool]:
    present = False
    for e in src.exif:
        r = gpsmod.from_exif(e.gps)
        present = present or r.present
        if r.fix is not None:
            return r.fix, True
    for r in (gpsmod.from_xmp(src.xmp), gpsmod.from_flir(src.flir.gps if src.flir else None)):
        present = present or r.present
        if r.fix is not None:
            return r.fix, True
    return None, present


def _taken_at(src: _Sources) -> Tagged[datetime] | None:
    ev = src.exif_value
    iim = src.iim
    cands = [
        _tag(values.exif_datetime(ev(0x9003), offset=ev(0x9011), subsec=ev(0x9291)),
             "EXIF:DateTimeOriginal"),
        _tag(values.iso_datetime(src.xmp.text("exif", "DateTimeOriginal")),
             "XMP:exif:DateTimeOriginal"),
        _tag(values.iso_datetime(src.xmp.text("photoshop", "DateCreated")),
             "XMP:photoshop:DateCreated"),
        _tag(values.iptc_datetime(iim.first(2, 55), iim.first(2, 60)) if iim else None,
             "IPTC:DateCreated"),
        _tag(values.exif_datetime(ev(0x9004), offset=ev(0x9012), subsec=ev(0x9292)),
             "EXIF:DateTimeDigitized"),
        _tag(values.iso_datetime(src.xmp.text("xmp", "CreateDate")), "XMP:xmp:CreateDate"),
        _tag(values.exif_datetime(ev(0x0132), offset=ev(0x9010), subsec=ev(0x9290)),
             "EXIF:DateTime"),
        _tag(src.flir.taken_at if src.flir else None, "FLIR:DateTimeOriginal"),
    ]
    found = [t for t in cands if t is not None]
    if not found:
        return None
    best = found[0]
    if best.value.tzinfo is None:  # borrow the offset of another record of the same moment
        for t in found[1:]:
            if t.value.tzinfo is not None and t.value.replace(tzinfo=None, microsecond=0) == \
                    best.value.replace(microsecond=0):
                return Tagged(best.value.replace(tzinfo=t.value.tzinfo), best.source)
    return best


def _serials(src: _Sources) -> tuple[Tagged[str], ...]:
    found: list[Tagged[str]] = []
    for tag, name in ((0xA431, "BodySerialNumber"), (0xC62F, "CameraSerialNumber"),
                      (0xFDE9, "SerialNumber"), (0xA435, "LensSerialNumber")):
        t = _tag(values.serial(src.exif_value(tag)), f"EXIF:{name}")
        if t:
            found.append(t)
    for e in src.exif:
        for name in ("SerialNumber", "InternalSerialNumber", "BodySerialNumber",
                     "CameraSerialNumber", "LensSerialNumber"):
            t = _tag(values.serial(e.maker.get(name)), f"MakerNote:{name}")
            if t:
                found.append(t)
    for prefix, local in (("aux", "SerialNumber"), ("exifEX", "BodySerialNumber"),
                          ("aux", "LensSerialNumber"), ("exifEX", "LensSerialNumber")):
        t = _xmp_text(src, prefix, local, values.serial)
        if t:
            found.append(t)
    if src.flir:
        found.extend(Tagged(v, f"FLIR:{n}") for n, v in src.flir.serials)
    seen: set[str] = set()
    unique = []
    for t in found:
        if t.value not in seen:
            seen.add(t.value)
            unique.append(t)
    return tuple(unique)
