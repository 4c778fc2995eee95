"""Fetch the data grid's code once a page is at rest, before a reader's first click needs it.

Streamlit's frontend loads each element's code (a JavaScript chunk and its stylesheet, files this
app serves, never a CDN) the first time an element of that kind is drawn. On a page that opens on
charts, the first switch of a chart box to Table then waits for the data grid's chunk to download,
compile and run. So the frame fetches that chunk once the page is at rest (its script finished,
the browser idle): the browser keeps one copy of each module, and Streamlit's own import later
finds it ready (and skips a stylesheet already linked).
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

import streamlit

STATIC_DIR = Path(streamlit.__file__).parent / "static" / "static"
ELEMENTS = ("DataFrame",)  # the elements whose code is fetched ahead: st.dataframe's grid

# At rest: the app's script state read "notRunning" three times 200 ms apart, then an idle moment.
_SCRIPT = """<script>(function () {
  var entry = document.querySelector('script[type="module"][src*="static/js/index."]');
  if (!entry || window.__filmdashPrefetched) return;
  window.__filmdashPrefetched = true;
  var files = %s;
  var idle = window.requestIdleCallback || function (f) { return setTimeout(f, 1); };
  var calm = 0;
  (function atRest() {
    var app = document.querySelector('[data-testid="stApp"]');
    calm = app && app.dataset.testScriptState === "notRunning" ? calm + 1 : 0;
    if (calm < 3) { setTimeout(atRest, 200); return; }
    idle(function () {
      files.css.forEach(function (file) {
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = new URL("../css/" + file, entry.src).href;
        document.head.appendChild(link);
      });
      files.js.forEach(function (file) { import(new URL("./" + file, entry.src).href).catch(function () {}); });
    }, {timeout: 3000});
  })();
})();</script>"""


def chunk_files(static_dir: Path = STATIC_DIR) -> dict[str, tuple[str, ...]]:
    """{"js": ..., "css": ...}: the file of each element in ELEMENTS found exactly once in static_dir's
    js/ (and css/) folder. A Streamlit release that renames a chunk leaves it out (no prefetch;
    nothing else changes)."""
    found: dict[str, list[str]] = {"js": [], "css": []}
    for kind in found:
        for element in ELEMENTS:
            matches = sorted(p.name for p in (static_dir / kind).glob(f"{element}.*.{kind}"))
            if len(matches) == 1:
                found[kind].append(matches[0])
    return {kind: tuple(files) for kind, files in found.items()}


def script(files: dict[str, tuple[str, ...]]) -> str:
    """The <script> that fetches these files (relative to Streamlit's own entry script) at rest."""
    return _SCRIPT % json.dumps({kind: list(names) for kind, names in files.items()})


@cache
def frame_script() -> str:
    """The script for the installed Streamlit (its files do not change while the app runs); empty
    with FILMDASH_PREFETCH=0 (what `make bench-patches` compares against)."""
    if os.environ.get("FILMDASH_PREFETCH") == "0":
        return ""
    return script(chunk_files())
