"""End to end on real photos: a photographer logs consent at a shoot and hands over a consent
sheet; the communicator imports it; a new photo of that person is recognised (matching switched
on by policy), the user confirms the proposal, the consent is found and the block is lifted; the
export is logged, and withdrawing the consent lists that export and blocks the next one.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from prepub.core.draft import Draft, Override
from prepub.core.policy import load_policy, parse_policy
from prepub.core.review import review_draft

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def detector():
    from prepub.core.analyze import default_detector

    return default_detector()


@pytest.fixture(scope="module")
def matching_policy():
    base = Path(load_policy(language="sv").path).read_text(encoding="utf-8")
    base = base.replace("matching = false", "matching = true")
    # the White House photos carry usage terms; the communicator reads them and overrides
    base = base.replace('overrides_allowed = [', 'overrides_allowed = ["image.usage_terms", ')
    return parse_policy(base, "matching.toml")


def _single_face(path: Path, detector, policy):
    from prepub.core.imageio import load_upright

    decoded = load_upright(path, max_side=1600)
    faces = [f for f in detector(decoded, minor_age_threshold=policy.minor_age_threshold) if f.height >= 40]
    assert len(faces) == 1, f"{path.name}: expected one face, found {len(faces)}"
    return decoded, faces[0]


def test_sheet_to_lifted_block_to_withdrawal(testdata, tmp_path, detector, matching_policy) -> None:
    from prepub.core.consent import export_sheet, import_sheet, open_registry
    from prepub.core.export import export_bundle
    from prepub.core.faces import encode_faces

    policy = matching_policy
    faces_dir = testdata / "faces"
    # --- the photographer's laptop ------------------------------------------------------------
    form = tmp_path / "signed-form.pdf"
    form.write_bytes(b"%PDF-1.4 signed consent form for the test\n")
    with open_registry(f"sqlite:///{tmp_path / 'photographer.sqlite3'}",
                       evidence_dir=tmp_path / "ev-a") as reg:
        shoot = reg.add_shoot(photographer="Pete Souza", date=date(2026, 11, 1), place="Stadshuset",
                              event="Besök")
        person = reg.add_person(name="Barack Obama", relation="external", birth_year=1961,
                                matching_consent=True)
        consent = reg.add_consent(person_id=person.id, channels=["instagram", "facebook"],
                                  purpose="Sociala medier om besöket", given_on=date(2026, 11, 1),
                                  signed_by=["self"], evidence_file=form, logged_by="Pete Souza",
                                  shoot_id=shoot.id)
        decoded, ref_face = _single_face(faces_dir / "fr__obama.jpg", detector, policy)
        reg.add_face_reference(person.id, encoding=encode_faces(decoded, [ref_face])[0])
        sheet = export_sheet(reg, shoot_id=shoot.id, out_path=tmp_path / "besok.prepub-consent.zip")

    # --- the communicator's laptop --------------------------------------------------------------
    with open_registry(f"sqlite:///{tmp_path / 'comms.sqlite3'}", evidence_dir=tmp_path / "ev-b") as reg:
        first = import_sheet(reg, sheet)
        again = import_sheet(reg, sheet)
        assert first.added and not again.added  # idempotent
        new_photo = faces_dir / "fr__obama3.jpg"
        draft = Draft(text="Barack Obama besökte oss i dag. Vad vill du fråga honom? Foto: Pete Souza",
                      channels=["instagram"])
        im = draft.add_image(str(new_photo))
        im.photographer = "Pete Souza"
        im.context.what, im.context.where = "Besök", "Stadshuset"
        im.alt_text = "Barack Obama ler mot kameran."
        draft.overrides.append(Override(rule="image.usage_terms", subject=str(new_photo),
                                        reason="Villkoren lästa: redaktionellt, inte politiskt"))

        rv = review_draft(draft, policy=policy, detector=detector, registry=reg, today=TODAY)
        blocks = rv.blocks(policy)
        face_blocks = [f for f in blocks if f.rule == "face.unresolved"]
        assert len(face_blocks) == 1, [f.rule for f in blocks]
        proposal = face_blocks[0].fix
        assert proposal.action == "confirm_person" and proposal.params["person_id"] == person.id
        assert proposal.params["distance"] <= policy.get("faces", "match_distance")

        # the user confirms the proposal: the block is lifted by the consent
        idx = proposal.params["face"]
        face = next(f for f in rv.reports[str(new_photo)].faces if f.index == idx)
        im.decide(idx, list(face.box), "person", person_id=person.id)
        rv = review_draft(draft, policy=policy, detector=detector, registry=reg, today=TODAY,
                          reports=rv.reports)
        assert rv.blocks(policy) == [], [(f.rule, dict(f.params)) for f in rv.blocks(policy)]
        assert rv.evaluation.consent_ids == {consent.id}

        result = export_bundle(draft, out_dir=tmp_path / "out", policy=policy, findings=rv.findings,
                               registry=reg, consent_ids=rv.evaluation.consent_ids, now=None)
        assert result.export_id is not None

        used = reg.withdraw_consent(consent.id, reason="Ångrat sig")
        assert [e.id for e in used] == [result.export_id]
        rv = review_draft(draft, policy=policy, detector=detector, registry=reg, today=TODAY,
                          reports=rv.reports)
        assert [f.rule for f in rv.blocks(policy) if f.rule.startswith("face.")] == ["face.consent_missing"]


def test_matching_is_off_by_default(testdata, tmp_path, detector) -> None:
    from prepub.core.consent import open_registry

    policy = load_policy(language="sv")
    assert policy.matching_enabled is False
    with open_registry(f"sqlite:///{tmp_path / 'r.sqlite3'}", evidence_dir=tmp_path / "ev") as reg:
        draft = Draft(text="Hej", channels=["instagram"])
        draft.add_image(str(testdata / "faces" / "fr__obama3.jpg"))
        rv = review_draft(draft, policy=policy, detector=detector, registry=reg, today=TODAY)
        assert rv.matches == {}
        assert all(f.fix is None or f.fix.action != "confirm_person" for f in rv.findings)
