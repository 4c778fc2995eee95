"""Markdown escaping, pure (no Streamlit): a view that puts a data string into a markdown line escapes
it here; pages reach the same function as ui.md_escape."""

from __future__ import annotations

import re

# ':' and '@' too: an escaped ':' breaks a bare URL (https://...) and Streamlit's :red[...] and
# :material/...: directives, an escaped '@' an e-mail address, and '.' (escaped) a www. name, each of
# which markdown would otherwise turn into a link or markup.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:@&=])")


def md_escape(text) -> str:
    """Data never reaches markdown unescaped: a planted [link](...), <script>, bare URL, e-mail
    address or www. name stays text."""
    return _MD_SPECIAL.sub(r"\\\1", "" if text is None else str(text))
