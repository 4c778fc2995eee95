"""filmdash.serve: its one adjustment to Streamlit refuses a release it was not proven on (the quirk it
fixes, and the fix, are shown in a real browser by tests/browser/test_serve_browser.py)."""

from __future__ import annotations

import pytest


def test_the_pages_folder_patch_refuses_a_streamlit_it_does_not_know():
    from streamlit.runtime.pages_manager import PagesManager

    from filmdash.serve import UnknownStreamlit, disable_pages_folder_detection

    before = PagesManager.uses_pages_directory
    with pytest.raises(UnknownStreamlit, match=r"proven on Streamlit 1\.67\.0, not 1\.99\.0"):
        disable_pages_folder_detection("1.99.0")
    assert PagesManager.uses_pages_directory is before  # nothing was changed
    disable_pages_folder_detection()
    assert PagesManager.uses_pages_directory is False


def test_the_server_skips_streamlits_full_garbage_collection_after_every_run():
    """Streamlit runs gc.collect(2) after every script run by default: a full collection over the
    worker's whole heap (every module, cached view and figure), measured at about 140 of 180 ms of
    server CPU per rerun of the home page (bench/RERUN_CPU.md). The project's config turns it off;
    Python's own generational collector still runs. This fails if Streamlit renames the option (an
    unknown option in config.toml is ignored) or if the setting is dropped."""
    import tomllib

    from streamlit import config

    from filmdash.core.paths import ROOT

    assert "runner.postScriptGC" in config._config_options_template
    assert config._config_options_template["runner.postScriptGC"].default_val is True
    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert settings["runner"]["postScriptGC"] is False
