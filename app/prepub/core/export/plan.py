"""Deciding whether and how a draft may be exported, before anything is written.

This module owns the refusal an export gives when the gate (:mod:`prepub.core.checks.gate`, the
one gate every front end asks) is closed, the bundle's name, the export time zone, the post's
scheduled time, the per-image metadata built from the draft, the public media URLs
(:func:`media_base`, :func:`media_url`: validated and percent-encoded), the exported files'
names (:func:`image_stem`) and the JPEG quality an image is re-encoded at
(:func:`export_quality`: never above the original's, estimated from its quantisation tables).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import quote, unquote, urlsplit, urlunsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from prepub.core.checks.gate import Gate
from prepub.core.draft import Draft, DraftImage
from prepub.core.export.errors import ExportError
from prepub.core.export.xmp import ExportMeta
from prepub.core.metadata.rights import restrictive
from prepub.core.model import Finding, Metadata
from prepub.core.policy import Policy

SOCIAL_EXCLUDED = frozenset({"website"})  # channels no scheduling tool posts to


def refuse(g: Gate, policy: Policy) -> ExportError:
    rules = sorted({f.rule for f in g.blocking})
    return ExportError("export.blocked", {
        "count": len(g.blocking), "rules": ", ".join(rules),
        "refused": ", ".join(sorted({o.rule for o in g.refused_overrides})) or "–",
        "allowed": ", ".join(sorted(policy.overrides_allowed)) or "–",
    }, findings=g.blocking)


def export_zone(policy: Policy) -> ZoneInfo:
    """The policy's ``[export] timezone``. On Windows the IANA database comes from the ``tzdata``
    package, which must then be installed beside Prepub."""
    name = policy.export.timezone
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ExportError("export.timezone_unknown", {"timezone": name}) from None


def scheduled_time(draft: Draft, zone: ZoneInfo) -> datetime | None:
    """The draft's publication time, aware; a time without offset is read in ``zone``."""
    raw = (draft.scheduled_at or "").strip()
    if not raw:
        return None
    try:
        t = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise ExportError("export.bad_time", {"value": raw}) from None
    return t.replace(tzinfo=zone) if t.tzinfo is None else t


def bundle_name(draft: Draft, when: datetime) -> str:
    """``<slug>-<YYYY-MM-DD>`` from the title (or the first words of the text)."""
    base = draft.title.strip() or " ".join(draft.text.split()[:6]) or "post"
    return f"{slug(base) or 'post'}-{when.strftime('%Y-%m-%d')}"


def slug(text: str, max_len: int = 40) -> str:
    t = text.lower()
    for a, b in (("æ", "ae"), ("ø", "o"), ("ß", "ss"), ("đ", "d"), ("ł", "l")):
        t = t.replace(a, b)
    t = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode("ascii")
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t[:max_len].rstrip("-")


#: Draft fields (``DraftImage.extra``) in which the user replaces the original's rights.
USER_RIGHTS = ("copyright", "credit", "usage_terms")


def image_meta(im: DraftImage, *, policy: Policy, language: str, release_status: str,
               release_ids: Sequence[str], source_type: str, web_statement: str | None,
               photographer_fallback: str = "", original: Metadata | None = None,
               year: int | None = None) -> ExportMeta:
    """The metadata an exported image carries, built only from what the user approved and the
    rights the original states.

    The original's copyright notice, credit line, usage terms, copyright owners and licensors
    (``original``: what the source file says) are kept unless the user gave their own in the
    draft (``im.extra["copyright"]``, ``["credit"]``, ``["usage_terms"]``): re-encoding a photo
    never changes whose it is or on what terms it may be used. A copyright notice that reads as
    restrictive terms (the White House's "may not be used in … political materials") is also
    written as the usage terms when the original has none. Only when there is no notice is one
    made up, ``© <year> <name>``, with the year the photo was *taken* (``year``, else
    ``original.taken_at``), never the export year; with no known year it is ``© <name>``."""
    name = im.photographer.strip() or photographer_fallback.strip()
    orig_notice = _tagged_text(getattr(original, "copyright", None))
    orig_terms = _tagged_text(getattr(original, "usage_terms", None))
    if not orig_terms and restrictive(orig_notice):
        orig_terms = orig_notice
    credit = _user_value(im, "credit") or _tagged_text(getattr(original, "credit", None))
    if not credit and name:
        fmt = policy.images.credit_format
        try:
            credit = fmt.format(name=name)
        except (KeyError, IndexError, ValueError):
            credit = name
    rights = _user_value(im, "copyright") or orig_notice
    if not rights and name:
        taken = year if year is not None else taken_year(original)
        rights = f"© {taken} {name}" if taken else f"© {name}"
        if im.source.kind in ("stock", "partner") and im.source.licence.strip():
            rights += f" ({im.source.licence.strip()})"
    holders = tuple(getattr(original, "rights_holders", ()) or ())
    owners = tuple(h.value for h in holders if not h.source.endswith(":Licensor"))
    licensors = tuple(h.value for h in holders if h.source.endswith(":Licensor"))
    statement = web_statement or _tagged_text(getattr(original, "rights_url", None)) or None
    terms = _user_value(im, "usage_terms") or orig_terms
    # the original's own words are in a language we do not know: only x-default for them
    kept = bool(orig_notice and rights == orig_notice) or bool(orig_terms and terms == orig_terms)
    return ExportMeta(creators=(name,) if name else (), credit=credit, rights=rights,
                      usage_terms=terms, copyright_owners=owners, licensors=licensors,
                      rights_language="x-default" if kept else None,
                      caption=im.caption.strip(), alt_text=im.alt_text.strip(), language=language,
                      release_status=release_status, release_ids=tuple(release_ids),
                      digital_source_type=source_type, web_statement=statement)


def taken_year(original: Metadata | None) -> int | None:
    """The year the photo was taken, from the original's metadata, or None."""
    value = getattr(getattr(original, "taken_at", None), "value", None)
    year = getattr(value, "year", None)
    return year if isinstance(year, int) and year > 0 else None


def _user_value(im: DraftImage, key: str) -> str:
    return str(im.extra.get(key, "") or "").strip()


def _tagged_text(t: Any) -> str:
    value = getattr(t, "value", None)
    return value.strip() if isinstance(value, str) else ""


def blur_boxes(im: DraftImage) -> list[tuple[int, int, int, int]]:
    """Boxes of the faces the user marked "blur on export" (full-size upright pixels)."""
    out = []
    for f in im.faces:
        if f.decision == "blur" and len(f.box) == 4:
            out.append((int(f.box[0]), int(f.box[1]), int(f.box[2]), int(f.box[3])))
    return out


def channel_config(policy: Policy, channel: str) -> dict[str, Any]:
    return policy.channel(channel)


# --- public media URLs ---------------------------------------------------------------------------

def media_base(url: str | None) -> str:
    """``url`` as a base for public media URLs: ``https://`` or ``http://`` with a host, no user
    name or password, query or fragment; its path percent-encoded once (a space becomes ``%20``,
    an ``%20`` already there stays) and ending in ``/``. ``""`` for none. Anything else raises
    :class:`ExportError` ``export.media_base_url_invalid`` with the reason."""
    raw = (url or "").strip()
    if not raw:
        return ""

    def bad(reason: str) -> ExportError:
        return ExportError("export.media_base_url_invalid", {"url": raw, "reason": reason})

    if any(c in raw for c in "\r\n\t"):
        raise bad("line break or tab")
    try:
        parts = urlsplit(raw)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is no number
    except ValueError as e:
        raise bad(str(e)) from None
    if parts.scheme.lower() not in ("https", "http"):
        raise bad("it must begin with https://")
    if not host or " " in (parts.netloc or ""):
        raise bad("no host name")
    if parts.username or parts.password:
        raise bad("a user name or password does not belong in a public address")
    if parts.query or parts.fragment:
        raise bad("a query (?) or fragment (#) would be sent with every file name")
    try:
        netloc = parts.netloc.encode("idna").decode("ascii") if not parts.netloc.isascii() else parts.netloc
    except UnicodeError:
        raise bad("the host name is not valid") from None
    path = quote(unquote(parts.path), safe="/-._~!$&'()*+,;=:@")
    return urlunsplit((parts.scheme.lower(), netloc.lower(), path.rstrip("/") + "/", "", ""))


def media_url(base: str, file: str) -> str | None:
    """The public URL of the bundle file ``file`` (``images/x.jpg``) under ``base`` (from
    :func:`media_base`): the file name percent-encoded; None without a base."""
    if not base:
        return None
    return base + quote(Path(file).name, safe="-._~")


# --- exported file names and quality -------------------------------------------------------------

def image_stem(*, bundle: str, index: int, source: str, keep_names: bool) -> str:
    """The stem of an exported image's file name: ``<bundle>-<NN>`` by default (a file or folder
    name can name people or places), or the original's own stem (``keep_names``), with only the
    characters no file system or URL takes replaced."""
    if keep_names:
        stem = unicodedata.normalize("NFC", Path(source).stem).strip()
        stem = re.sub(r'[\x00-\x1f<>:"/\\|?*\x7f]+', "_", stem).strip(" .")
        if stem:
            return stem[:80]
    return f"{slug(bundle, 30) or 'image'}-{index:02d}"


#: libjpeg's (IJG) standard luminance quantisation table (ITU-T T.81, Annex K), which quality
#: settings scale.
_STD_LUMA = (16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40,
             57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35,
             55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112,
             100, 103, 99)


def _scaled_sum(q: int) -> int:
    scale = 5000 // q if q < 50 else 200 - 2 * q
    return sum(min(255, max(1, (v * scale + 50) // 100)) for v in _STD_LUMA)


_SUMS = {q: _scaled_sum(q) for q in range(1, 101)}


def estimate_jpeg_quality(path: str | Path) -> int | None:
    """The IJG quality (1-100) a JPEG was most likely saved at, from its luminance quantisation
    table (Pillow's ``im.quantization``): the quality whose scaled standard table sums closest to
    it. None for anything that is not a readable JPEG."""
    from PIL import Image

    try:
        with open(path, "rb") as fh, Image.open(fh) as im:
            if im.format != "JPEG":
                return None
            tables = getattr(im, "quantization", None) or {}
            luma = tables.get(0)
    except Exception:  # noqa: BLE001 - not a readable JPEG: no estimate
        return None
    if not luma or len(luma) != 64:
        return None
    total = sum(int(v) for v in luma)
    return min(_SUMS, key=lambda q: (abs(_SUMS[q] - total), -q))


def export_quality(policy_quality: int, source: str | Path) -> int:
    """The JPEG quality to re-encode ``source`` at: the policy's, but never above the quality
    the original was saved at (re-encoding above it only makes the file bigger, not better)."""
    est = estimate_jpeg_quality(source)
    return int(policy_quality) if est is None else min(int(policy_quality), est)
