"""One truth on every path: the same drafts give the same findings, one to one, from
``prepub check`` and from the window's evaluation (its analyser process, its live text checks,
its export gate). Both run the real pipeline: the CLI in this process, the window through its
helper processes.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from guikit import make_jpeg, settle, wait_until

from prepub.core.draft import Draft, Override, save_draft
from prepub.core.isolated import IsolatedAnalyzer

TEXTS = [
    "Hej! I dag invigde vi den nya lekplatsen i Tallbacken. Kom och prova den i helgen.",
    "Vi var på plats i Kampala i dag och träffade lärarna på skolan. I kväll åker vi vidare.",
    "I dag har vi ÄNTLIGEN fått besked!!! Läs mer på https://example.org/nyheter #kommun #nyheter",
    "Tak til alle der kom forbi standen i weekenden. Vi ses igen til næste år!",
    "Thanks to everyone who joined the clean-up on Saturday. Photo by Priya Shah",
    "Intern information – får ej spridas. Budgeten för projektet är klar.",
    "Kommunfullmäktige beslutade igår att mot bakgrund av det ekonomiska läget och med hänsyn "
    "till de synpunkter som framkommit under remissrundan skjuta upp beslutet om den nya "
    "simhallen till nästa budgetår vilket innebär att arbetet pausas.",
    "",
    "Foto: Anna Svensson\n\nVälkommen till öppet hus på biblioteket på lördag kl. 10–14!",
    "Vad tycker du om de nya cykelbanorna? Berätta i kommentarerna 👇",
]


@pytest.fixture
def analyzer() -> Any:
    return IsolatedAnalyzer()  # the production analyser, in its worker process


def _drafts(folder: Path, testdata: Path | None) -> list[Path]:
    """Twenty drafts that between them reach most rules: photos with and without GPS, credit,
    context and source; real faces undecided, blurred, not identifiable or linked to a consenting
    person; overrides allowed and refused; one text per channel; Swedish, Danish and English."""
    imgs = folder / "img"
    imgs.mkdir()
    plain = make_jpeg(imgs / "plain.jpg")
    credited = make_jpeg(imgs / "credited.jpg", artist="Anna Svensson")
    abroad = make_jpeg(imgs / "abroad.jpg", gps=(0.3476, 32.5825), artist="Erik Lund")  # Kampala
    home = make_jpeg(imgs / "home.jpg", gps=(59.33, 18.07), artist="Erik Lund")
    faces = sorted((testdata / "faces").glob("*.jpg"))[:2] if testdata is not None else []
    channel_sets = [["instagram"], ["facebook", "x"], ["x"], ["linkedin", "instagram"], []]
    out = []
    for i in range(20):
        d = Draft(text=TEXTS[i % len(TEXTS)], channels=list(channel_sets[i % len(channel_sets)]))
        pics = [[plain], [credited], [abroad], [home, credited], [], [plain, abroad]][i % 6]
        if faces and i % 5 == 0:
            pics = [*pics, faces[(i // 5) % len(faces)]]
        for p in pics:
            im = d.add_image(str(Path(p).resolve()))
            if i % 3 == 0:
                im.photographer = "Anna Svensson"
                im.context.what, im.context.where, im.context.when = "Invigning", "Tallbacken", "2024-05-17"
                im.source.kind = "own"
                im.alt_text = "Barn som leker på en ny lekplats i solsken"
            if i % 4 == 1:
                im.caption = "Foto: Erik Lund"
        if i % 7 == 2:
            d.trip_ended = True
        if i % 6 == 4:
            d.overrides.append(Override(rule="location.trip", subject=None, reason="Resan är slut"))
        if i % 8 == 3:
            d.overrides.append(Override(rule="face.possible_minor", subject=None, reason="vuxen"))
        if i % 9 == 5 and d.channels:
            d.channel_texts[d.channels[0]] = "En egen text för den här kanalen, med en fråga?"
        if i % 10 == 7:
            d.language = "da"
        path = folder / f"post-{i:02d}.prepub.json"
        save_draft(d, path)
        out.append(path)
    return out


def _decide_faces(drafts: list[Path], registry_url: str | None) -> None:
    """Decide the real faces the way a user would: the first linked to a consenting adult, the
    second blurred, the rest not identifiable (on alternate drafts)."""
    from prepub.core.analyze import analyze_image, default_detector
    from prepub.core.consent import open_registry
    from prepub.core.draft import load_draft
    from prepub.core.policy import load_policy

    policy = load_policy()
    with open_registry(registry_url) as reg:
        p = reg.add_person(name="Anna Svensson", relation="staff", birth_year=1980)
        reg.add_consent(person_id=p.id, channels=["instagram", "facebook", "x", "linkedin"],
                        purpose="Sociala medier", given_on=date(2026, 1, 1), signed_by=["self"],
                        verbal_note="ja", logged_by="test")
        pid = p.id
    for n, path in enumerate(drafts):
        d = load_draft(path)
        changed = False
        for im in d.images:
            if "/faces/" not in im.path or n % 10 != 0:
                continue
            rep = analyze_image(im.path, policy=policy, detector=default_detector())
            for k, f in enumerate(rep.faces):
                decision = ("person", "blur")[k] if k < 2 else "not_identifiable"
                im.decide(f.index, list(f.box), decision, person_id=pid if decision == "person" else None)
                changed = True
        if changed:
            save_draft(d, path)


def _key(f: dict[str, Any]) -> tuple[Any, ...]:
    return (f["rule"], f["severity"], f.get("subject"), f.get("face"),
            json.dumps(f["params"], sort_keys=True, ensure_ascii=False))


def test_cli_and_window_agree_on_twenty_drafts(make_window: Any, qtbot: Any, tmp_path: Path,
                                               request: Any) -> None:
    from prepub import cli
    from prepub.core.draft import load_draft

    try:
        testdata: Path | None = request.getfixturevalue("testdata")
    except pytest.skip.Exception:
        testdata = None  # no real faces: the other 18 drafts still compare
    drafts = _drafts(tmp_path, testdata)
    _decide_faces(drafts, None)

    cli_posts = {}
    for path in drafts:  # one command per draft: a photo in two drafts has findings in each
        buf = io.StringIO()
        with redirect_stdout(buf):
            code = cli.main(["check", "--json", str(path)])
        assert code in (0, 1)
        doc = json.loads(buf.getvalue())
        (post,) = doc["posts"]
        keys = {_key(f) for f in post["findings"]}
        keys |= {_key(f) for img in doc["images"] for f in img["findings"]}
        cli_posts[str(path)] = (keys, post["blocked"])

    w = make_window()
    compared = 0
    for path in drafts:
        d = load_draft(path)
        w.session.replace_draft(d, path)
        wait_until(qtbot, lambda: len(w.session.reports) == len(d.images))
        settle(qtbot, w)
        gui = {_key(f.to_dict()) for f in w.session.findings()}
        gui_blocked = bool(w.session.blockers())
        cli_keys, cli_blocked = cli_posts[str(path)]
        assert gui == cli_keys, (path.name, sorted(gui ^ cli_keys))
        assert gui_blocked == cli_blocked, path.name
        compared += 1
    assert compared == 20
