"""Channel fit (issue 14): aspect ratio and image count per channel, with a suggested crop."""

from __future__ import annotations

import re
from fractions import Fraction

from prepub.core.checks.channels_fit import FITS, Fit, channel_fit_findings, suggested_crop
from prepub.core.draft import Draft
from prepub.core.messages import message
from prepub.core.model import ImageReport, Metadata
from prepub.core.policy import load_policy, parse_policy
from prepub.core.resources import resource

POLICY = load_policy(language="sv")


def _draft(sizes: list[tuple[int, int]], channels: list[str]) -> tuple[Draft, dict[str, ImageReport]]:
    d = Draft(text="Hej", channels=channels)
    reports = {}
    for i, (w, h) in enumerate(sizes):
        im = d.add_image(f"/bilder/{i}.jpg")
        reports[im.path] = ImageReport(path=im.path, metadata=Metadata(width=w, height=h))
    return d, reports


def test_instagram_ratio_range_with_a_crop() -> None:
    d, reps = _draft([(900, 1200), (3000, 1000), (1080, 1350), (1080, 566), (1080, 1080)], ["instagram"])
    found = channel_fit_findings(d, reports=reps, policy=POLICY)
    ratio = {f.subject: f for f in found if f.rule == "channel.aspect_ratio"}
    assert set(ratio) == {"/bilder/0.jpg", "/bilder/1.jpg"}  # 3:4 and 3:1 out; 4:5, 1.91:1, 1:1 in
    tall, wide = ratio["/bilder/0.jpg"], ratio["/bilder/1.jpg"]
    assert tall.params["crop"] == [0, 37, 900, 1162] and tall.params["target"] == "4:5"
    assert wide.params["crop"] == [545, 0, 2455, 1000] and wide.params["target"] == "1.91:1"
    assert tall.fix is not None and tall.fix.action == "crop"
    text = message(tall, "sv")
    assert "900×1200 (3:4)" in text and "900×1125 (4:5)" in text and "{" not in text


def test_image_count_per_channel() -> None:
    d, reps = _draft([(1080, 1080)] * 11, ["instagram", "x", "linkedin"])
    found = [f for f in channel_fit_findings(d, reports=reps, policy=POLICY)
             if f.rule == "channel.too_many_images"]
    assert {(f.params["channel"], f.params["max"]) for f in found} == {("instagram", 10), ("x", 4)}
    assert "11 bilder" in message(found[0], "sv")
    d66, reps66 = _draft([(1080, 1080)] * 66, ["instagram"])  # the issue: 66 images, no finding
    assert [f.params["count"] for f in channel_fit_findings(d66, reports=reps66, policy=POLICY)
            if f.rule == "channel.too_many_images"] == [66]


def test_the_policy_count_overrides_and_rules_can_be_switched_off() -> None:
    text = resource("policy", "default.sv.toml").read_text(encoding="utf-8")
    text = text.replace('[rules."channel.aspect_ratio"]\n', '[rules."channel.aspect_ratio"]\nenabled = false\n', 1)
    assert 'enabled = false\nref = ' in text
    head, rest = text.split("[channels.instagram]", 1)
    section, tail = rest.split("\n[", 1)
    section = re.sub(r"(?m)^max_images = \d+", "max_images = 2", section)
    pol = parse_policy(head + "[channels.instagram]" + section + "\n[" + tail)
    assert pol.channel("instagram")["max_images"] == 2
    d, reps = _draft([(900, 1200)] * 3, ["instagram"])
    found = channel_fit_findings(d, reports=reps, policy=pol)
    assert not [f for f in found if f.rule == "channel.aspect_ratio"]
    assert [f.params["max"] for f in found if f.rule == "channel.too_many_images"] == [2]


def test_suggested_crop_edges() -> None:
    ig = FITS["instagram"]
    assert suggested_crop((1080, 1350), ig) is None and suggested_crop((1910, 1000), ig) is None
    assert suggested_crop((0, 10), ig) is None
    assert suggested_crop((100, 100), Fit(min_ratio=Fraction(4, 5))) is None
