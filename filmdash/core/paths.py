"""Where things are, from one root, so nothing depends on the working directory."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
ROOT = PACKAGE.parent
BUILD_DIR = Path(os.environ.get("FILMDASH_BUILD_DIR", ROOT / "build"))
STATIC_DIR = ROOT / "static"
QUERIES_DIR = PACKAGE / "queries"
LOCALES_DIR = PACKAGE / "locales"
