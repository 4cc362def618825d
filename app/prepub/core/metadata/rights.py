"""What an image file says about its rights: credit line, usage terms, rights holders, and
whether those words restrict how the photo may be used.

This module owns the rights fields beside the copyright notice (which :mod:`.reader` reconciles
with creator and caption): the credit line (IPTC 2:110 ``Credit``, XMP ``photoshop:Credit``),
the usage terms (XMP ``xmpRights:UsageTerms``, else PLUS ``plus:OtherConstraints``), the rights
holders named in PLUS (``plus:CopyrightOwner``, ``plus:Licensor``) and ``xmpRights:Owner``, and
the rights web page (``xmpRights:WebStatement``, else a licensor's URL). Where IPTC and XMP
overlap, XMP wins unless the IPTC digest shows the IPTC was edited later (as in the reader).

:func:`restrictive` tells whether a text of terms limits use (“may not be used in … political
materials”, “editorial use only”, “får inte användas …”, CC NonCommercial/NoDerivatives).
Wording that says only that a licence is needed (“All rights reserved”, “no reproduction
without permission”, “unauthorised use prohibited”) does not count: it is on nearly every
notice, and the draft's source and licence already ask for that.
"""

from __future__ import annotations

import re
from typing import Any

from prepub.core.metadata import values
from prepub.core.metadata.iptc import Iim
from prepub.core.metadata.xmp import Xmp, field_of, texts_of
from prepub.core.model import Tagged

# Words that restrict use, in English, Swedish, Danish, Norwegian and German. Matched
# case-insensitively on the whole text with runs of white space folded to one space.
_RESTRICTIVE = re.compile(
    r"\b(?:"
    # English
    r"(?:may|must|shall|can|should|will) not (?:be |otherwise )*(?:used|reproduced|published|"
    r"manipulated|altered|modified|distributed|disseminated|broadcast|sold|copied|shared|posted)"
    r"|not (?:to be|be) (?:used|reproduced|published|altered|distributed|sold)"
    r"|(?:do|does) not (?:use|publish|reproduce|distribute|alter|crop|share|post)"
    r"|(?:personal|private|editorial|internal|educational|one[- ]time|single) use only"
    r"|(?:for )?(?:personal|private|editorial|internal|non-?commercial) (?:use|purposes) only"
    r"|editorial only|only for (?:editorial|personal|private|internal|non-?commercial)"
    r"|may only be (?:used|reproduced|published|printed)|only be used (?:for|by|in|with)"
    r"|not for (?:commercial|political|advertising|promotional|resale|sale|publication|"
    r"redistribution|use)"
    r"|no (?:commercial|political|advertising|promotional) use"
    r"|embargo(?:ed)?|(?:handout|courtesy) (?:photo|image|use)|provided [^.]{0,60}as a courtesy"
    r"|non-?commercial|no ?deriv(?:ative)?s?|cc[- ]by[- ](?:nc|nd)\b|cc[- ]by[- ]sa[- ]nc"
    # Swedish
    r"|får (?:inte|ej|icke) (?:\w+ ){0,3}(?:användas|publiceras|spridas|ändras|säljas|kopieras|"
    r"beskäras|manipuleras|återges|mångfaldigas)"
    r"|endast (?:för |till )?(?:privat|personligt|redaktionellt|internt|icke-?kommersiellt)"
    r"|(?:ej|inte) för (?:kommersiellt|politiskt|reklam|försäljning|publicering)"
    # Danish and Norwegian
    r"|må (?:ikke|ikkje) (?:\w+ ){0,3}(?:bruges|brukes|anvendes|offentliggøres|publiceres|"
    r"publiseres|ændres|endres|sælges|selges|kopieres|spredes)"
    r"|kun (?:til |for )?(?:privat|personlig|redaktionel|redaksjonell|intern|ikke-?kommerciel|"
    r"ikke-?kommersiell)"
    r"|ikke til (?:kommerciel|kommersiell|politisk|reklame)"
    # German
    r"|darf nicht|dürfen nicht|nur für (?:den )?(?:redaktionelle|private|persönliche|interne)"
    r"|nicht für (?:kommerzielle|politische|werbliche)"
    r")",
    re.IGNORECASE,
)


def restrictive(text: str | None) -> bool:
    """Do these terms restrict how the photo may be used (see the module docstring)?"""
    if not text:
        return False
    return _RESTRICTIVE.search(" ".join(text.split())) is not None


def read_rights(xmp: Xmp, iim: Iim | None, *, iptc_preferred: bool = False) -> dict[str, Any]:
    """The rights fields of :class:`~prepub.core.model.Metadata` (``credit``, ``usage_terms``,
    ``rights_holders``, ``rights_url``) from one file's XMP and IPTC-IIM."""
    credit_xmp = _xmp_first(xmp, "photoshop", "Credit")
    credit_iptc = _iim_first(iim, 110, "IPTC:Credit")
    if credit_xmp is not None and not (credit_iptc is not None and iptc_preferred):
        credit = credit_xmp
    else:
        credit = credit_iptc or credit_xmp
    terms = _xmp_first(xmp, "xmpRights", "UsageTerms") or _xmp_first(xmp, "plus", "OtherConstraints")
    holders: list[Tagged[str]] = []
    for local, name_field, source in (("CopyrightOwner", "CopyrightOwnerName", "XMP:plus:CopyrightOwner"),
                                      ("Licensor", "LicensorName", "XMP:plus:Licensor")):
        for item in _items(xmp.value("plus", local)):
            t = values.text(_one(field_of(item, "plus", name_field)))
            if t:
                holders.append(Tagged(t, source))
    for t in xmp.texts("xmpRights", "Owner"):
        holders.append(Tagged(t, "XMP:xmpRights:Owner"))
    url = _xmp_first(xmp, "xmpRights", "WebStatement")
    if url is None:
        for item in _items(xmp.value("plus", "Licensor")):
            u = values.text(_one(field_of(item, "plus", "LicensorURL")))
            if u:
                url = Tagged(u, "XMP:plus:LicensorURL")
                break
    seen: set[str] = set()
    unique = []
    for h in holders:
        if h.value.casefold() not in seen:
            seen.add(h.value.casefold())
            unique.append(h)
    return {"credit": credit, "usage_terms": terms, "rights_holders": tuple(unique),
            "rights_url": url}


def _xmp_first(xmp: Xmp, prefix: str, local: str) -> Tagged[str] | None:
    for v in xmp.texts(prefix, local):
        t = values.text(v)
        if t:
            return Tagged(t, f"XMP:{prefix}:{local}")
    return None


def _iim_first(iim: Iim | None, dataset: int, source: str) -> Tagged[str] | None:
    if iim is None:
        return None
    for v in iim.datasets.get((2, dataset), []):
        t = values.text(v)
        if t:
            return Tagged(t, source)
    return None


def _items(v: Any) -> list[Any]:
    if isinstance(v, list):
        return v
    return [] if v is None else [v]


def _one(v: Any) -> Any:
    """A struct field may itself be a Lang Alt or a one-item array."""
    if isinstance(v, list):
        items = texts_of(v)
        return items[0] if items else None
    return v
