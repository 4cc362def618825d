"""The core's value types: what an image holds, what a face is, and what a check finds.

Everything here is a frozen dataclass with no behaviour beyond small helpers and a stable
``to_dict`` for JSON. Checks return :class:`Finding` objects carrying a rule id and parameters,
never prose: the CLI (``prepub.core.messages``) and the GUI (``prepub.gui.text``) turn them into
words in the user's language.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, Mapping, TypeVar

T = TypeVar("T")


class Severity(str, enum.Enum):
    """How much a finding matters. ``block`` stops export; ``warn`` and ``info`` do not."""

    BLOCK = "block"
    WARN = "warn"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"block": 2, "warn": 1, "info": 0}[self.value]


@dataclass(frozen=True)
class Tagged(Generic[T]):
    """A metadata value and the tag it came from, e.g. ``EXIF:Artist`` or ``XMP:dc:creator``."""

    value: T
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {"value": _jsonable(self.value), "source": self.source}


@dataclass(frozen=True)
class GpsFix:
    """A position in signed decimal degrees (north and east positive)."""

    lat: float
    lon: float
    alt: float | None = None
    source: str = "EXIF:GPS"

    def to_dict(self) -> dict[str, Any]:
        return {"lat": self.lat, "lon": self.lon, "alt": self.alt}


@dataclass(frozen=True)
class Metadata:
    """What an image file says about itself. Absent values are ``None`` or empty."""

    format: str | None = None  # Pillow format name: JPEG, PNG, WEBP, TIFF, HEIF, MPO, AVIF
    width: int | None = None  # of the upright image (after orientation)
    height: int | None = None
    orientation: int | None = None  # EXIF orientation 1..8 as stored
    taken_at: Tagged[datetime] | None = None  # aware when an offset is known
    camera_make: Tagged[str] | None = None
    camera_model: Tagged[str] | None = None
    gps: GpsFix | None = None  # None when there are no usable coordinates
    gps_present: bool = False  # a GPS block exists (also when empty or 0,0)
    gps_empty: bool = False  # a GPS block exists but holds no usable position (empty or 0,0)
    photographer: Tagged[str] | None = None
    copyright: Tagged[str] | None = None
    caption: Tagged[str] | None = None
    credit: Tagged[str] | None = None  # credit line: IPTC 2:110 Credit, XMP photoshop:Credit
    usage_terms: Tagged[str] | None = None  # XMP xmpRights:UsageTerms (plus:OtherConstraints)
    rights_holders: tuple[Tagged[str], ...] = ()  # plus:CopyrightOwner/Licensor, xmpRights:Owner
    rights_url: Tagged[str] | None = None  # XMP xmpRights:WebStatement (or plus:LicensorURL)
    serial_numbers: tuple[Tagged[str], ...] = ()
    owner_name: Tagged[str] | None = None
    persons_shown: tuple[Tagged[str], ...] = ()  # XMP PersonInImage, region names
    has_exif: bool = False
    has_xmp: bool = False
    has_iptc: bool = False
    has_thumbnail: bool = False  # EXIF IFD1 or JFIF/JFXX thumbnail
    has_preview: bool = False  # MPF second image, Photoshop thumbnail, maker-note preview
    has_face_regions: bool = False  # XMP mwg-rs / MP RegionInfo / IPTC ImageRegion
    has_maker_note: bool = False
    warnings: tuple[str, ...] = ()  # problems met while reading that did not stop it

    def to_dict(self) -> dict[str, Any]:
        def val(t: Tagged[Any] | None) -> Any:
            return None if t is None else _jsonable(t.value)

        return {
            "format": self.format,
            "width": self.width,
            "height": self.height,
            "orientation": self.orientation,
            "taken_at": val(self.taken_at),
            "camera": {"make": val(self.camera_make), "model": val(self.camera_model)},
            "gps": None if self.gps is None else self.gps.to_dict(),
            "gps_present": self.gps_present,
            "photographer": val(self.photographer),
            "copyright": val(self.copyright),
            "caption": val(self.caption),
            "credit": val(self.credit),
            "usage_terms": val(self.usage_terms),
            "rights_holders": [h.value for h in self.rights_holders],
            "rights_url": val(self.rights_url),
            "serial_numbers": [s.value for s in self.serial_numbers],
            "owner_name": val(self.owner_name),
            "persons_shown": [p.value for p in self.persons_shown],
            "has_thumbnail": self.has_thumbnail,
            "has_preview": self.has_preview,
            "has_face_regions": self.has_face_regions,
            "sources": self.sources(),
        }

    def sources(self) -> dict[str, str]:
        """Where each value came from, for the GUI's inspector."""
        out: dict[str, str] = {}
        for name in ("taken_at", "camera_make", "camera_model", "photographer", "copyright",
                     "caption", "owner_name", "credit", "usage_terms", "rights_url"):
            t = getattr(self, name)
            if t is not None:
                out[name] = t.source
        if self.gps is not None:
            out["gps"] = self.gps.source
        for i, s in enumerate(self.serial_numbers):
            out[f"serial_numbers[{i}]"] = s.source
        return out


Box = tuple[int, int, int, int]  # left, top, right, bottom in pixels of the upright full-size image


@dataclass(frozen=True)
class Face:
    """A detected face. ``index`` is stable for one analysis of one file (sorted left to right)."""

    index: int
    box: Box
    score: float
    age: float | None = None
    possible_minor: bool = False
    landmarks: tuple[tuple[float, float], ...] = ()  # five points: eyes, nose, mouth corners

    @property
    def width(self) -> int:
        return self.box[2] - self.box[0]

    @property
    def height(self) -> int:
        return self.box[3] - self.box[1]

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "box": list(self.box),
            "score": round(self.score, 4),
            "age": None if self.age is None else round(self.age, 1),
            "possible_minor": self.possible_minor,
        }


@dataclass(frozen=True)
class Fix:
    """A suggested edit: replace ``span`` of the text with ``replacement`` (text checks), or a
    named action the GUI offers (``action``, e.g. ``"blur_face"``) with its parameters."""

    replacement: str | None = None
    action: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {}
        if self.replacement is not None:
            d["replacement"] = self.replacement
        if self.action is not None:
            d["action"] = self.action
        if self.params:
            d["params"] = {k: _jsonable(v) for k, v in self.params.items()}
        return d


@dataclass(frozen=True)
class Finding:
    """One result of one check.

    ``rule`` is a stable dotted id (``gps.present``, ``face.unresolved``, ``text.abbreviation``).
    ``params`` holds what the message needs. ``subject`` says what it is about: an image path, or
    ``"text"`` / ``"text:<channel>"``. ``face`` is the face index for face findings; ``span`` is
    the character range in the post text for text findings. ``policy_ref`` names the policy
    paragraph the rule enforces.
    """

    rule: str
    severity: Severity
    params: Mapping[str, Any] = field(default_factory=dict)
    subject: str | None = None
    face: int | None = None
    span: tuple[int, int] | None = None
    fix: Fix | None = None
    policy_ref: str | None = None

    @property
    def blocks(self) -> bool:
        return self.severity is Severity.BLOCK

    def to_dict(self, *, message: str | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "params": {k: _jsonable(v) for k, v in self.params.items()},
        }
        if message is not None:
            d["message"] = message
        if self.subject is not None:
            d["subject"] = self.subject
        if self.face is not None:
            d["face"] = self.face
        if self.span is not None:
            d["span"] = list(self.span)
        if self.fix is not None:
            d["fix"] = self.fix.to_dict()
        if self.policy_ref is not None:
            d["policy_ref"] = self.policy_ref
        return d


@dataclass(frozen=True)
class ImageReport:
    """Everything the engine learned about one file. ``error`` is set when it could not be read."""

    path: str
    metadata: Metadata | None = None
    faces: tuple[Face, ...] = ()
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    sha256: str | None = None

    @property
    def blocked(self) -> bool:
        return any(f.blocks for f in self.findings)


def worst(findings: "list[Finding] | tuple[Finding, ...]") -> Severity | None:
    """The most severe severity among ``findings``, or None when there are none."""
    best: Severity | None = None
    for f in findings:
        if best is None or f.severity.rank > best.rank:
            best = f.severity
    return best


def _jsonable(v: Any) -> Any:
    if isinstance(v, datetime):
        return v.isoformat()
    if isinstance(v, enum.Enum):
        return v.value
    if isinstance(v, (tuple, list)):
        return [_jsonable(x) for x in v]
    if isinstance(v, Mapping):
        return {str(k): _jsonable(x) for k, x in v.items()}
    return v
