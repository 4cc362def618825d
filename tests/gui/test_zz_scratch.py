from datetime import date
from pathlib import Path
from guikit import face, make_jpeg, settle, wait_analysed, wait_until

def test_probe(make_window, qtbot, tmp_path, analyzer):
    img = make_jpeg(tmp_path / "a.jpg", size=(1000, 800), artist="Mia Foto")
    analyzer.faces_by_name["a.jpg"] = [face(0, (100, 100, 300, 340))]
    w = make_window()
    s = w.session
    reg = s.registry
    p = reg.add_person(name="Anna Svensson", relation="staff", birth_year=1980)
    reg.add_consent(person_id=p.id, channels=list(s.policy.channels), purpose="x", given_on=date(2026,1,1), signed_by=["self"], verbal_note="ja", logged_by="t")
    s.refresh_people()
    s.set_text("Välkommen till öppet hus på biblioteket på lördag.")
    s.add_images([str(img)])
    wait_analysed(qtbot, w, 1)
    settle(qtbot, w)
    path = str(img.resolve())
    s.set_image_field(path, "context.what", "Öppet hus")
    s.set_image_field(path, "source.kind", "own")
    s.set_image_field(path, "alt_text", "En kvinna")
    settle(qtbot, w)
    before = [(f.rule, f.severity.value) for f in s.findings()]
    s.decide_face(path, 0, "person", person_id=p.id)
    settle(qtbot, w)
    after = [(f.rule, f.severity.value, dict(f.params)) for f in s.findings()]
    print("BEFORE", before)
    print("AFTER", after)
    print(w.findings.summary.text(), "|", w.export_button.toolTip())
