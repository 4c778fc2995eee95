"""A deck: an ordered list of slides in a TOML file (data/decks/*.toml), each a page's chart box at
URL parameters that page keeps, with an optional title per language and speaker notes.

    title = { en = "...", zh-Hans = "...", zh-Hant = "..." }

    [[slides]]
    page = "studios"                      # a page of the app
    box = "studio_productions"            # optional: which chart box of the page (default: its first,
                                          # or the one its section parameter shows)
    params = { studio = "oriental-movie-metropolis", studios_section = "productions" }
    title = { en = "...", zh-Hans = "..." }   # optional, per language
    notes = { en = "...", zh-Hans = "..." }   # speaker notes (English required)

A bad deck raises DeckError listing every problem, each naming the slide (1-based) and the field.
What pages, boxes and parameters exist is given by the caller (presenter.slides), so this module
stays pure.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from filmdash.core.i18n import LANGUAGES, counted
from filmdash.core.paths import ROOT

DECKS_DIR = ROOT / "data" / "decks"
DEFAULT_DECK = DECKS_DIR / "filmart.toml"
SLIDE_FIELDS = ("page", "box", "params", "title", "notes")


class DeckError(ValueError):
    """Every problem in a deck file, one a line."""

    def __init__(self, path: Path | str, problems: list[str]):
        self.problems = problems
        super().__init__(f"{path}: {counted(len(problems), 'problem', 'problems')} in the deck:\n" + "\n".join(f"  - {p}" for p in problems))


@dataclass(frozen=True)
class Slide:
    number: int  # 1-based
    page: str
    box: str
    params: dict[str, str]
    title: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)

    def note(self, lang: str) -> str:
        return self.notes.get(lang) or self.notes.get("en", "")

    def query(self, lang: str | None = None, extra: Mapping[str, str] | None = None) -> str:
        """The page's own URL parameters for this view (what a visitor's link carries)."""
        values = dict(self.params) | ({"lang": lang} if lang else {}) | dict(extra or {})
        return urlencode(values)


@dataclass(frozen=True)
class Deck:
    path: Path
    title: dict[str, str]
    slides: tuple[Slide, ...]

    def __len__(self) -> int:
        return len(self.slides)

    def slide(self, number: int) -> Slide:
        """Slide `number` (1-based), clamped to the deck."""
        return self.slides[min(max(number, 1), len(self.slides)) - 1]


def _texts(value, where: str, problems: list[str], required_en: bool = False) -> dict[str, str]:
    if value is None:
        if required_en:
            problems.append(f"{where}: missing (a table of texts by language, at least 'en')")
        return {}
    if not isinstance(value, dict):
        problems.append(f"{where}: must be a table of texts by language ({', '.join(LANGUAGES)}), got {value!r}")
        return {}
    out = {}
    for lang, text in value.items():
        if lang not in LANGUAGES:
            problems.append(f"{where}: unknown language {lang!r} (one of {', '.join(LANGUAGES)})")
        elif not isinstance(text, str) or not text.strip():
            problems.append(f"{where}.{lang}: must be a non-empty text")
        else:
            out[lang] = text.strip()
    if required_en and "en" not in out and not any(p.startswith(f"{where}.en") for p in problems):
        problems.append(f"{where}: the English text ('en') is required")
    return out


def parse(data: Mapping, path: Path | str, boxes: Mapping[str, str], page_params: Mapping[str, tuple[str, ...]],
          default_box: Callable[[str, Mapping[str, str]], str],
          allowed_values: Mapping[str, tuple[str, ...]] | None = None) -> Deck:
    """A Deck from a parsed TOML table. boxes: box id -> its page; page_params: page -> the URL
    parameters it keeps; default_box(page, params): the box a page shows for them; allowed_values:
    parameter -> its accepted values (for the parameters whose values are a closed set)."""
    problems: list[str] = []
    allowed_values = allowed_values or {}
    deck_title = _texts(data.get("title"), "deck title", problems, required_en=True)
    unknown = set(data) - {"title", "slides"}
    if unknown:
        problems.append(f"deck: {'unknown field' if len(unknown) == 1 else 'unknown fields'} {sorted(unknown)} (expected 'title' and [[slides]])")
    raw_slides = data.get("slides")
    if not isinstance(raw_slides, list) or not raw_slides:
        problems.append("deck: no [[slides]]: a deck needs at least one slide")
        raw_slides = []
    slides = []
    for number, raw in enumerate(raw_slides, start=1):
        where = f"slide {number}"
        if not isinstance(raw, dict):
            problems.append(f"{where}: must be a table")
            continue
        for extra in sorted(set(raw) - set(SLIDE_FIELDS)):
            problems.append(f"{where}: unknown field {extra!r} (one of {', '.join(SLIDE_FIELDS)})")
        page = raw.get("page")
        if page not in page_params:
            problems.append(f"{where}: field 'page': {page!r} is not a page with charts "
                            f"(one of {', '.join(sorted(page_params))})")
            continue
        params_raw = raw.get("params", {})
        params: dict[str, str] = {}
        if not isinstance(params_raw, dict):
            problems.append(f"{where} ({page}): field 'params': must be a table of URL parameters")
        else:
            for key, value in params_raw.items():
                if key not in page_params[page]:
                    problems.append(f"{where} ({page}): field 'params.{key}': not a parameter of /{page} "
                                    f"(it keeps {', '.join(page_params[page]) or 'none'})")
                elif not isinstance(value, (str, int)) or isinstance(value, bool) or str(value).strip() == "":
                    problems.append(f"{where} ({page}): field 'params.{key}': must be a non-empty text or number")
                elif key in allowed_values and any(v not in allowed_values[key] for v in str(value).split(",")):
                    problems.append(f"{where} ({page}): field 'params.{key}': {value!r} is not one of "
                                    f"{', '.join(allowed_values[key])}")
                else:
                    params[key] = str(value)
        box = raw.get("box")
        if box is None:
            box = default_box(page, params)
        elif box not in boxes or boxes[box] != page:
            choices = sorted(b for b, p in boxes.items() if p == page)
            problems.append(f"{where} ({page}): field 'box': {box!r} is not a chart box of /{page} "
                            f"(one of {', '.join(choices)})")
            continue
        title = _texts(raw.get("title"), f"{where} ({page}): field 'title'", problems)
        notes_raw = raw.get("notes")
        if isinstance(notes_raw, str):
            notes_raw = {"en": notes_raw}
        notes = _texts(notes_raw, f"{where} ({page}): field 'notes'", problems, required_en=True)
        slides.append(Slide(number, page, box, params, title, notes))
    if problems:
        raise DeckError(path, problems)
    return Deck(Path(path), deck_title, tuple(slides))


def read(path: Path | str, **registry) -> Deck:
    """Parse a deck file; a TOML syntax error is a DeckError too."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DeckError(path, ["the deck file does not exist"]) from None
    except tomllib.TOMLDecodeError as error:
        raise DeckError(path, [f"not valid TOML: {error}"]) from None
    return parse(data, path, **registry)
