"""Channel fit: does each photo's shape, and the number of photos, fit every channel the post goes to?

This module owns the per-channel image rules: the aspect ratios a network shows uncropped and the
most images one post may carry. Limits come from :data:`FITS` (research: scheduling_formats.md
§2), a channel's ``max_images`` in the policy overrides the count. A photo outside a channel's
range gets a finding with the largest centred crop that fits (``crop``: left, top, right, bottom
in upright pixels, and ``crop_size``), so the user can crop it before export; nothing is cropped
silently.

Call :func:`channel_fit_findings` from the post evaluation (``checks.post.evaluate_draft``).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Mapping

from prepub.core.draft import Draft
from prepub.core.model import Finding, Fix, Severity
from prepub.core.policy import Policy
from prepub.core.rules import RuleSpec, make_finding, register

REF_FIT = "Kanalernas bildregler (scheduling_formats.md §2)"
register(
    RuleSpec("channel.aspect_ratio", Severity.WARN, REF_FIT),
    RuleSpec("channel.too_many_images", Severity.WARN, REF_FIT),
)


@dataclass(frozen=True)
class Fit:
    """What a channel shows uncropped: width/height between ``min_ratio`` and ``max_ratio``, and
    at most ``max_images`` images in one post (None: no limit known)."""

    min_ratio: Fraction | None = None
    max_ratio: Fraction | None = None
    max_images: int | None = None
    min_label: str = ""
    max_label: str = ""


#: One row per channel. Sources: scheduling_formats.md §2 (Instagram 4:5 to 1.91:1 and 10 per
#: carousel per Meta's API via ayrshare; X, Bluesky and Mastodon 4; LinkedIn 20; Threads ratio
#: at most 10:1 and 20 per carousel; Facebook 10 via schedulers; TikTok 35).
FITS: dict[str, Fit] = {
    "instagram": Fit(Fraction(4, 5), Fraction(191, 100), 10, "4:5", "1.91:1"),
    "x": Fit(max_images=4),
    "bluesky": Fit(max_images=4),
    "mastodon": Fit(max_images=4),
    "linkedin": Fit(max_images=20),
    "threads": Fit(Fraction(1, 10), Fraction(10, 1), 20, "1:10", "10:1"),
    "facebook": Fit(max_images=10),
    "tiktok": Fit(max_images=35),
}


def channel_fit_findings(draft: Draft, *, reports: Mapping[str, Any], policy: Policy) -> list[Finding]:
    """Aspect-ratio and image-count findings for every channel of ``draft``. ``reports`` maps an
    image path to its analysis report (its metadata holds the upright width and height)."""
    out: list[Finding] = []
    for ch in draft.channels:
        fit = FITS.get(ch.lower(), Fit())
        cfg = policy.channel(ch)
        label = str(cfg.get("label") or ch)
        most = cfg.get("max_images") or fit.max_images
        if most is not None and len(draft.images) > most:
            f = make_finding("channel.too_many_images", policy, subject="post", params={
                "channel": ch, "label": label, "count": len(draft.images), "max": most})
            if f is not None:
                out.append(f)
        if fit.min_ratio is None and fit.max_ratio is None:
            continue
        for im in draft.images:
            size = _size(reports.get(im.path))
            if size is None:
                continue
            crop = suggested_crop(size, fit)
            if crop is None:
                continue
            w, h = size
            box, target = crop
            f = make_finding("channel.aspect_ratio", policy, subject=im.path, params={
                "channel": ch, "label": label, "width": w, "height": h,
                "ratio": _ratio_text(Fraction(w, h)), "min": fit.min_label, "max": fit.max_label,
                "crop": list(box), "crop_size": f"{box[2] - box[0]}×{box[3] - box[1]}",
                "target": target},
                fix=Fix(action="crop", params={"box": list(box), "ratio": target}))
            if f is not None:
                out.append(f)
    return out


def suggested_crop(size: tuple[int, int], fit: Fit) -> tuple[tuple[int, int, int, int], str] | None:
    """The largest centred crop of ``size`` inside ``fit``'s ratio range and the ratio it is cut
    to, or None when the image already fits."""
    w, h = size
    if w <= 0 or h <= 0:
        return None
    r = Fraction(w, h)
    if fit.min_ratio is not None and r < fit.min_ratio:  # too tall: keep the width
        new_h = int(w / fit.min_ratio)
        top = (h - new_h) // 2
        return (0, top, w, top + new_h), fit.min_label
    if fit.max_ratio is not None and r > fit.max_ratio:  # too wide: keep the height
        new_w = int(h * fit.max_ratio)
        left = (w - new_w) // 2
        return (left, 0, left + new_w, h), fit.max_label
    return None


def _size(report: Any) -> tuple[int, int] | None:
    md = getattr(report, "metadata", None)
    w, h = getattr(md, "width", None), getattr(md, "height", None)
    return (int(w), int(h)) if isinstance(w, int) and isinstance(h, int) and w > 0 and h > 0 else None


def _ratio_text(r: Fraction) -> str:
    small = r.limit_denominator(20)
    return f"{small.numerator}:{small.denominator}" if abs(float(small) - float(r)) < 0.01 \
        else f"{float(r):.2f}:1"
