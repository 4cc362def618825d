"""People and embedded images described in XMP: person names, face regions, XMP previews.

This module owns the three region vocabularies (MWG ``mwg-rs:Regions``, Microsoft
``MP:RegionInfo``, IPTC ``Iptc4xmpExt:ImageRegion``), the IPTC person-shown properties, and the
XMP properties that embed another picture (``xmp:Thumbnails``, Google's ``GImage:Data``).
"""

from __future__ import annotations

from typing import Any

from prepub.core.metadata.xmp import Xmp, field_of, texts_of
from prepub.core.model import Tagged

_NOT_PEOPLE = {"pet", "focus", "barcode"}  # mwg-rs:Type values that are not faces


def _items(v: Any) -> list[Any]:
    if isinstance(v, list):
        return v
    return [] if v is None else [v]


def _mwg_regions(xmp: Xmp) -> list[dict[str, Any]]:
    regions = xmp.value("mwg-rs", "Regions")
    return [r for r in _items(field_of(regions, "mwg-rs", "RegionList")) if isinstance(r, dict)]


def _mp_regions(xmp: Xmp) -> list[dict[str, Any]]:
    info = xmp.value("MP", "RegionInfo")
    return [r for r in _items(field_of(info, "MPRI", "Regions")) if isinstance(r, dict)]


def _iptc_regions(xmp: Xmp) -> list[dict[str, Any]]:
    return [r for r in _items(xmp.value("Iptc4xmpExt", "ImageRegion")) if isinstance(r, dict)]


def _is_person_region(r: dict[str, Any]) -> bool:
    kind = texts_of(field_of(r, "mwg-rs", "Type"))
    return not kind or kind[0].lower() not in _NOT_PEOPLE


def has_face_regions(xmp: Xmp) -> bool:
    return (any(_is_person_region(r) for r in _mwg_regions(xmp)) or bool(_mp_regions(xmp))
            or bool(_iptc_regions(xmp)))


def persons_shown(xmp: Xmp) -> list[Tagged[str]]:
    """Names of people the XMP says are in the picture, first mention wins, in document order."""
    found: list[Tagged[str]] = []
    seen: set[str] = set()

    def add(names: list[str], source: str) -> None:
        for n in names:
            if n.casefold() not in seen:
                seen.add(n.casefold())
                found.append(Tagged(n, source))

    add(xmp.texts("Iptc4xmpExt", "PersonInImage"), "XMP:Iptc4xmpExt:PersonInImage")
    for p in _items(xmp.value("Iptc4xmpExt", "PersonInImageWDetails")):
        add(texts_of(field_of(p, "Iptc4xmpExt", "PersonName"))[:1],
            "XMP:Iptc4xmpExt:PersonInImageWDetails")
    for r in _mwg_regions(xmp):
        if _is_person_region(r):
            add(texts_of(field_of(r, "mwg-rs", "Name")), "XMP:mwg-rs:Regions")
    for r in _mp_regions(xmp):
        add(texts_of(field_of(r, "MPReg", "PersonDisplayName")), "XMP:MP:RegionInfo")
    for r in _iptc_regions(xmp):
        add(texts_of(field_of(r, "Iptc4xmpExt", "Name"))[:1], "XMP:Iptc4xmpExt:ImageRegion")
    return found


def has_embedded_image(xmp: Xmp) -> bool:
    """XMP carries a picture of its own: a thumbnail, or Google's original-before-edit image."""
    for t in _items(xmp.value("xmp", "Thumbnails")):
        if texts_of(field_of(t, "xmpGImg", "image")):
            return True
    return bool(xmp.texts("GImage", "Data"))
