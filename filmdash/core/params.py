"""URL values, read by one function per type. A value that does not parse gives None (the caller
keeps its default and may say so); nothing here raises on what a link carries."""

from __future__ import annotations

import math
import re
from urllib.parse import urlsplit

_YEAR = re.compile(r"[0-9]{1,4}", re.ASCII)
_RANGE = re.compile(r"([0-9]{1,4})-([0-9]{1,4})", re.ASCII)


def parse_year(raw: str | None) -> int | None:
    """'2021' -> 2021. Anything else (empty, '2021.5', 'inf', '1e400', full-width digits) -> None."""
    text = str(raw).strip() if raw is not None else ""
    return int(text) if _YEAR.fullmatch(text) else None


def parse_years(raw: str | None, first: int, last: int) -> tuple[int, int] | None:
    """'2016-2020' -> (2016, 2020), clamped to [first, last] and put in order. None when the value
    is not a range of years or lies wholly outside [first, last]."""
    match = _RANGE.fullmatch(str(raw).strip()) if raw is not None else None
    if match is None:
        return None
    lo, hi = sorted(int(v) for v in match.groups())
    if hi < first or lo > last:
        return None
    return max(lo, first), min(hi, last)


def years_text(years: tuple[int, int], first: int, last: int) -> str | None:
    """The URL value for a range; None for the full span (left out of the URL)."""
    return None if tuple(years) == (first, last) else f"{years[0]}-{years[1]}"


_COUNT = re.compile(r"[0-9]{1,9}", re.ASCII)
_DECIMAL = re.compile(r"[0-9]{1,6}(\.[0-9]{1,3})?", re.ASCII)


def parse_count(raw: str | None, low: int = 1, high: int = 10**6) -> int | None:
    """'3' -> 3 when low <= 3 <= high (a slide number, a page). Anything else (signs, '3.0', 'inf',
    '1e400', full-width digits, a number out of range) -> None."""
    text = str(raw).strip() if raw is not None else ""
    if not _COUNT.fullmatch(text):
        return None
    value = int(text)
    return value if low <= value <= high else None


def parse_seconds(raw: str | None, low: float, high: float) -> float | None:
    """'7.5' -> 7.5 seconds when low <= 7.5 <= high (a plain decimal, at most three decimals).
    'inf', 'nan', '1e400', '-3', '0x10' and full-width digits -> None."""
    text = str(raw).strip() if raw is not None else ""
    if not _DECIMAL.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) and low <= value <= high else None


URL_LIMIT = 300  # a public address for a QR code: the code of a longer one is too dense to scan


def parse_url(raw: str | None, limit: int = URL_LIMIT) -> str | None:
    """An http(s) address with a host, its query and fragment dropped and no trailing '/':
    'https://fair.example/dash/?x#y' -> 'https://fair.example/dash'. None for any other scheme
    (javascript:, data:, file:), a missing or malformed host ('http://[::1'), a bad port, control
    or space characters, or more than limit characters."""
    if raw is None:
        return None
    text = str(raw).strip()
    if not text or len(text) > limit or _CONTROL.search(text) or any(ch.isspace() for ch in text):
        return None
    try:
        parts = urlsplit(text)
        host, _ = parts.hostname, parts.port  # both raise ValueError on a malformed netloc
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host:
        return None
    return f"{parts.scheme}://{parts.netloc}{parts.path}".rstrip("/")


def parse_choice(raw: str | None, choices) -> str | None:
    """raw when it is one of choices, else None."""
    return raw if raw is not None and raw in tuple(choices) else None


def parse_choices(raw: str | None, choices) -> tuple[list[str], list[str]]:
    """'a,b,zz' -> (['a', 'b'], ['zz']): the known values in URL order, and the unknown ones."""
    known, unknown = [], []
    for value in (v.strip() for v in (raw or "").split(",")):
        if value:
            (known if value in tuple(choices) else unknown).append(value)
    return known, unknown


# A search box's text: what a person types, not a document. Longer text, or control characters
# (NUL, newlines, bidirectional overrides), is not something the box could have written.
TEXT_LIMIT = 200
LONG_TEXT_LIMIT = 20_000  # a multi-line box (the SQL editor)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_CONTROL_BUT_LINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def parse_text(raw: str | None, limit: int = TEXT_LIMIT, multiline: bool = False) -> str | None:
    """Free text as typed in a search box (or, multiline, in a text area: line breaks and tabs
    allowed); None when longer than limit or holding control, zero-width or bidirectional-override
    characters."""
    if raw is None:
        return None
    text = str(raw)
    refused = _CONTROL_BUT_LINES if multiline else _CONTROL
    return text if len(text) <= limit and not refused.search(text) else None


def shown_value(raw, limit: int = 40) -> str:
    """A URL value as a notice quotes it: cut to `limit` characters, control characters made visible."""
    text = _CONTROL.sub("\N{REPLACEMENT CHARACTER}", str(raw))
    return text if len(text) <= limit else text[: limit - 1] + "…"
