"""The window's settings file is read against its one declaration (issue 17, item 2): a value
that is not what the declaration says is not used (the default is) and the problem names the
key, the file and the line."""

from __future__ import annotations

import os
from pathlib import Path

from prepub.gui.settings import GuiSettings, SettingsValues


def test_settings_values_are_typed_and_named_with_their_line() -> None:
    ini = Path(os.environ["PREPUB_CONFIG_DIR"]) / "prepub-gui.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text("[General]\nschema=1\n\n[home]\nname=Malmö\nlat=north\nlon=13.0\n"
                   "radius_km=-4\n\n[ui]\nlanguage=klingon\n\n[drafts]\nrecent=/a.prepub.json\n",
                   encoding="utf-8")
    s = GuiSettings()
    assert s.home_base is None  # half a position is no position: the policy's home is used
    assert s.ui_language == "auto"
    assert s.recent_drafts == ["/a.prepub.json"]
    text = "\n".join(s.problems)
    assert f"{ini}:6: 'home/lat' must be a number" in text
    assert f"{ini}:8: 'home/radius_km' must be more than 0" in text
    assert f"{ini}:11: 'ui/language' must be one of" in text


def test_the_declaration_is_the_one_place_of_defaults() -> None:
    s = GuiSettings()
    for name, field in SettingsValues.model_fields.items():
        assert s.value(name) == field.get_default(call_default_factory=True)
    assert s.problems == []
