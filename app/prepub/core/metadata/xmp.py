"""XMP packets: finding them in raw bytes and turning RDF into plain Python values.

This module owns the XMP side of metadata reading. Parsing goes through ``defusedxml`` (never plain
``xml.etree`` on untrusted data). The RDF graph is flattened into a dictionary keyed by Clark
names (``"{namespace-uri}local"``); a property value is a ``str``, a ``list`` (``rdf:Seq``,
``rdf:Bag``, ``rdf:Alt`` with ``x-default`` first) or a ``dict`` (a struct). Nothing here knows
which property means what: :mod:`prepub.core.metadata.reader` decides that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET

NS: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xml": "http://www.w3.org/XML/1998/namespace",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "xmpNote": "http://ns.adobe.com/xmp/note/",
    "xmpGImg": "http://ns.adobe.com/xap/1.0/g/img/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "exif": "http://ns.adobe.com/exif/1.0/",
    "exifEX": "http://cipa.jp/exif/1.0/",
    "aux": "http://ns.adobe.com/exif/1.0/aux/",
    "tiff": "http://ns.adobe.com/tiff/1.0/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
    "Iptc4xmpExt": "http://iptc.org/std/Iptc4xmpExt/2008-02-29/",
    "mwg-rs": "http://www.metadataworkinggroup.com/schemas/regions/",
    "MP": "http://ns.microsoft.com/photo/1.2/",
    "MPRI": "http://ns.microsoft.com/photo/1.2/t/RegionInfo#",
    "MPReg": "http://ns.microsoft.com/photo/1.2/t/Region#",
    "GImage": "http://ns.google.com/photos/1.0/image/",
    "GDepth": "http://ns.google.com/photos/1.0/depthmap/",
    "xmpRights": "http://ns.adobe.com/xap/1.0/rights/",
    "plus": "http://ns.useplus.org/ldf/xmp/1.0/",
}

_RDF = "{%s}" % NS["rdf"]
_XML = "{%s}" % NS["xml"]
_CONTAINERS = {_RDF + "Seq", _RDF + "Bag", _RDF + "Alt"}
_MAX_DEPTH = 24  # deeper RDF than this is not real-world XMP; stop rather than recurse forever
_MAX_PACKET = 16 * 1024 * 1024

_START = re.compile(rb"<\?xpacket begin|<[\w.-]+:x[am]pmeta\b|<rdf:RDF\b")
_END = re.compile(rb"</[\w.-]+:(?:xmpmeta|xapmeta|RDF)\s*>")
_PI_END = re.compile(rb"<\?xpacket end=[^>]*>")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


class XmpError(ValueError):
    """The packet is not well-formed XML/RDF."""


def key(prefix: str, local: str) -> str:
    """Clark name for ``prefix:local`` using the well-known prefixes in :data:`NS`."""
    return "{%s}%s" % (NS[prefix], local)


@dataclass(frozen=True)
class Xmp:
    """The properties of one or more XMP packets, flattened."""

    props: dict[str, Any] = field(default_factory=dict)

    def value(self, prefix: str, local: str) -> Any:
        return self.props.get(key(prefix, local))

    def text(self, prefix: str, local: str) -> str | None:
        """The first non-blank text of a simple or array property, or None."""
        for t in self.texts(prefix, local):
            return t
        return None

    def texts(self, prefix: str, local: str) -> list[str]:
        return texts_of(self.value(prefix, local))

    def merged(self, other: "Xmp") -> "Xmp":
        """Properties of ``self``, plus those only ``other`` has."""
        props = dict(other.props)
        props.update(self.props)
        return Xmp(props)


def texts_of(v: Any) -> list[str]:
    """Non-blank strings in a simple value or an array of simple values."""
    if isinstance(v, str):
        return [v.strip()] if v.strip() else []
    if isinstance(v, list):
        return [x.strip() for x in v if isinstance(x, str) and x.strip()]
    return []


def field_of(struct: Any, prefix: str, local: str) -> Any:
    """A field of a struct value, or None when ``struct`` is not a struct."""
    if isinstance(struct, dict):
        return struct.get(key(prefix, local))
    return None


def find_packet(raw: bytes) -> bytes | None:
    """Cut the XMP packet out of ``raw`` (which may carry a namespace prefix, padding or junk).

    Handles UTF-8 and UTF-16/32 packets; the result is always UTF-8.
    """
    if not raw:
        return None
    text = _to_utf8(raw[:_MAX_PACKET])
    m = _START.search(text)
    if m is None:
        return None
    pi_end = _PI_END.search(text, m.start())
    if pi_end is not None:
        return text[m.start():pi_end.end()]
    end = None
    for e in _END.finditer(text, m.start()):
        end = e.end()  # the last closing tag wins: nested x:xmpmeta/rdf:RDF end together
    return text[m.start():end].rstrip(b"\x00 \t\r\n") if end else text[m.start():].rstrip(b"\x00")


def _to_utf8(raw: bytes) -> bytes:
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                     (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\xfe\xff", "utf-16-be"),
                     (b"\xff\xfe", "utf-16-le")):
        if raw.startswith(bom):
            return raw[len(bom):].decode(enc, "replace").encode("utf-8")
    # no BOM: a wide encoding shows as NULs between the ASCII of "<?xpacket" / "<x:xmpmeta"
    for enc, pattern in (("utf-32-le", b"<\x00\x00\x00"), ("utf-32-be", b"\x00\x00\x00<"),
                         ("utf-16-le", b"<\x00?\x00"), ("utf-16-le", b"<\x00x\x00"),
                         ("utf-16-be", b"\x00<\x00?"), ("utf-16-be", b"\x00<\x00x")):
        i = raw.find(pattern)
        if i >= 0 and b"<?xpacket" not in raw[:i] and b"<x:xmpmeta" not in raw[:i]:
            return raw[i:].decode(enc, "replace").encode("utf-8")
    return raw


def parse_xmp(raw: bytes) -> Xmp:
    """Parse one XMP packet (raw bytes as found in the file). Raises :class:`XmpError`."""
    packet = find_packet(raw)
    if packet is None:
        raise XmpError("no XMP packet found")
    text = _XML_DECL.sub("", packet.decode("utf-8", "replace"))
    try:
        root = SafeET.fromstring(text, forbid_dtd=True)
    except Exception as e:  # ParseError and defusedxml's DTD/entity refusals
        raise XmpError(f"{type(e).__name__}: {e}") from None
    rdf = root if root.tag == _RDF + "RDF" else root.find(".//" + _RDF + "RDF")
    if rdf is None:
        return Xmp()  # an empty <x:xmpmeta/> is valid XMP
    props: dict[str, Any] = {}
    for desc in rdf:
        if desc.tag != _RDF + "Description":
            continue
        for k, v in _node_props(desc, 0).items():
            props.setdefault(k, v)
    return Xmp(props)


def _node_props(node: Element, depth: int) -> dict[str, Any]:
    """Attributes and child properties of an rdf:Description-like node."""
    out: dict[str, Any] = {}
    for name, val in node.attrib.items():
        if name.startswith(_RDF) or name.startswith(_XML) or not name.startswith("{"):
            continue
        out[name] = val
    for child in node:
        if child.tag.startswith(_RDF):
            continue
        out.setdefault(child.tag, _prop_value(child, depth + 1))
    return out


def _prop_value(el: Element, depth: int) -> Any:
    if depth > _MAX_DEPTH:
        return None
    resource = el.get(_RDF + "resource")
    if resource is not None:
        return resource
    children = list(el)
    if el.get(_RDF + "parseType") == "Resource":
        return _node_props(el, depth)
    for child in children:
        if child.tag in _CONTAINERS:
            return _container(child, depth + 1)
        if child.tag == _RDF + "Description":
            d = _node_props(child, depth)
            # rdf:value holds the value of a qualified property
            v = child.find(_RDF + "value")
            if v is not None and not d:
                return (v.text or "").strip()
            return d
    attrs = {k: v for k, v in el.attrib.items()
             if k.startswith("{") and not k.startswith(_RDF) and not k.startswith(_XML)}
    if attrs or (children and not (el.text or "").strip()):
        d = dict(attrs)
        for child in children:
            if not child.tag.startswith(_RDF):
                d.setdefault(child.tag, _prop_value(child, depth + 1))
        return d
    return (el.text or "").strip()


def _container(c: Element, depth: int) -> list[Any]:
    items: list[tuple[bool, Any]] = []
    for li in c:
        if li.tag != _RDF + "li":
            continue
        is_default = li.get(_XML + "lang") == "x-default"
        items.append((is_default, _prop_value(li, depth + 1)))
    if c.tag == _RDF + "Alt":
        items.sort(key=lambda t: not t[0])  # stable: x-default first, rest in order
    return [v for _, v in items if v is not None]
