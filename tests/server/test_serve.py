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
