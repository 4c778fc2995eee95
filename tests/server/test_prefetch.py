"""The frame's prefetch of the data grid's code: the files are found in the installed Streamlit, and
the script only ever fetches files this app serves."""

from __future__ import annotations

import re

from filmdash.core import prefetch


def test_the_grid_files_are_found_in_the_installed_streamlit():
    files = prefetch.chunk_files()
    assert len(files["js"]) == 1 and re.fullmatch(r"DataFrame\.[\w-]+\.js", files["js"][0]), files
    assert len(files["css"]) == 1 and re.fullmatch(r"DataFrame\.[\w-]+\.css", files["css"][0]), files
    assert (prefetch.STATIC_DIR / "js" / files["js"][0]).stat().st_size > 100_000
    # Streamlit's entry script imports exactly this file for st.dataframe, with this stylesheet
    entry = next((prefetch.STATIC_DIR / "js").glob("index.*.js")).read_text(encoding="utf-8")
    assert f"import(`./{files['js'][0]}`)" in entry
    assert f"../css/{files['css'][0]}" in entry


def test_a_missing_or_ambiguous_file_is_left_out(tmp_path):
    assert prefetch.chunk_files(tmp_path) == {"js": (), "css": ()}
    (tmp_path / "js").mkdir()
    for name in ("DataFrame.aaa.js", "DataFrame.bbb.js", "DataFrameCell.ccc.js"):
        (tmp_path / "js" / name).write_text("")
    assert prefetch.chunk_files(tmp_path) == {"js": (), "css": ()}
    (tmp_path / "js" / "DataFrame.bbb.js").unlink()
    assert prefetch.chunk_files(tmp_path) == {"js": ("DataFrame.aaa.js",), "css": ()}


def test_the_script_fetches_only_files_beside_streamlits_entry():
    text = prefetch.script({"js": ("DataFrame.abc.js",), "css": ("DataFrame.def.css",)})
    assert text.startswith("<script>") and text.endswith("</script>")
    assert 'var files = {"js": ["DataFrame.abc.js"], "css": ["DataFrame.def.css"]};' in text
    assert "http" not in text  # resolved against the page's own entry script, never another host
    assert prefetch.frame_script() == prefetch.script(prefetch.chunk_files())
