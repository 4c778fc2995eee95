"""A deck as handouts, built offline: a PPTX (one slide per view: the chart as a sharp PNG drawn by
kaleido with the local Chromium, the title and takeaway as real text, the sources as a footnote,
the speaker notes as notes, the QR code) and a PDF brief (two views a page, the sources at the end,
Chinese embedded and selectable).

    python -m filmdash.presenter.handouts [--lang en] [--out build/handouts] [--deck FILE] [--public-url URL]

Chinese needs a CJK font: Debian's fonts-noto-cjk (.ci/run installs it), or $FILMDASH_CJK_FONT_DIR
holding NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc. The PDF embeds a subset of it; the PPTX
names it (Noto Sans CJK SC / TC), which PowerPoint and LibreOffice show, falling back to their
own CJK font where it is not installed.

Speed (make bench-deck): each language's pages are made once and serve both files; the charts come
from the content-addressed render cache in build/renders (filmdash/presenter/renders.py), the ones
missing drawn in one kaleido session; the PDF's CJK fonts are cut to the brief's characters once
(build/fonts/subsets). A warm run draws nothing and only assembles the documents.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

from filmdash.core import db, deck, qr
from filmdash.core.i18n import LANGUAGES, counted, date_text, t
from filmdash.core.paths import BUILD_DIR
from filmdash.presenter import renders
from filmdash.presenter import slides as present

FONT_DIRS = [Path(p) for p in (os.environ.get("FILMDASH_CJK_FONT_DIR"), "/usr/share/fonts/opentype/noto") if p]
# index of each script's face in Noto Sans CJK's collection (JP, KR, SC, TC, HK, ...)
FACE_INDEX = {"en": 2, "zh-Hans": 2, "zh-Hant": 3}
FONT_NAMES = {"en": "Noto Sans CJK SC", "zh-Hans": "Noto Sans CJK SC", "zh-Hant": "Noto Sans CJK TC"}
IMAGE_SIZE = (1600, 760)


class FontMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class Page:
    """One slide's content, in one language, ready for either format."""
    number: int
    title: str
    takeaway: str
    image: bytes
    sources: tuple[str, ...]
    sources_line: str
    notes: str
    url: str | None


def _collection(weight: str) -> Path:
    for folder in FONT_DIRS:
        path = folder / f"NotoSansCJK-{weight}.ttc"
        if path.exists():
            return path
    raise FontMissing(f"NotoSansCJK-{weight}.ttc not found in {', '.join(map(str, FONT_DIRS))}: "
                      "install Debian's fonts-noto-cjk or set FILMDASH_CJK_FONT_DIR")


def font_file(lang: str, weight: str = "Regular") -> Path:
    """One face of the Noto Sans CJK collection as a font file (fpdf2 reads single fonts), extracted
    once into build/fonts, under a name that changes when the collection file does."""
    from fontTools.ttLib import TTCollection

    collection = _collection(weight)
    stat = collection.stat()
    version = hashlib.sha256(f"{collection.resolve()}\t{stat.st_size}\t{stat.st_mtime_ns}".encode()).hexdigest()[:12]
    out = BUILD_DIR / "fonts" / f"NotoSansCJK-{FONT_NAMES[lang].split()[-1]}-{weight}-{version}.otf"
    if not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(f"{out.name}.{os.getpid()}.part")
        TTCollection(str(collection), lazy=True).fonts[FACE_INDEX[lang]].save(str(tmp))
        tmp.replace(out)
    return out


def pages(the_deck: deck.Deck, warehouse: str, lang: str, public_base: str | None = None,
          stats: renders.Stats | None = None) -> list[Page]:
    """Each slide's content in one language; the charts from the render cache, the ones not there
    drawn together in one kaleido session."""
    out, figures = [], []
    width, height = IMAGE_SIZE
    for slide in the_deck.slides:
        view = present.slide_view(warehouse, slide.box, slide.params, lang)
        figures.append(present.presenter_figure(view.figure, height, size=24))
        url = qr.view_url(public_base, present.PAGE_PATHS[slide.page], slide.query(lang)) if public_base else None
        out.append(Page(slide.number, slide.title.get(lang) or view.title, view.takeaway, b"",
                        tuple(sorted(set(view.source_ids))), present.sources_line(view.source_ids, lang, 150),
                        slide.note(lang), url))
    images = renders.render(figures, IMAGE_SIZE, stats=stats)
    return [replace(page, image=image) for page, image in zip(out, images)]


# --- PPTX ----------------------------------------------------------------------------------------

def _run_font(run, lang: str, size_pt: float, bold: bool = False, colour=None) -> None:
    """Latin and East Asian typeface both named, so Chinese is drawn with a CJK font."""
    from lxml import etree
    from pptx.dml.color import RGBColor
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    font = run.font
    font.size = Pt(size_pt)
    font.bold = bold
    font.color.rgb = colour or RGBColor(0, 0, 0)
    font.name = FONT_NAMES[lang]
    rpr = run._r.get_or_add_rPr()
    rpr.set("lang", {"en": "en-GB", "zh-Hans": "zh-CN", "zh-Hant": "zh-TW"}[lang])
    for tag in ("a:ea", "a:cs"):
        existing = rpr.find(qn(tag))
        if existing is None:
            existing = etree.SubElement(rpr, qn(tag))
        existing.set("typeface", FONT_NAMES[lang])


def _text(slide, left, top, width, height, text: str, lang: str, size_pt: float, bold: bool = False):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    run = paragraph.add_run()
    run.text = text
    _run_font(run, lang, size_pt, bold)
    return box


def pptx_bytes(the_deck: deck.Deck, warehouse: str, lang: str, public_base: str | None = None,
               shown: list[Page] | None = None) -> bytes:
    """The deck as slides; `shown`: its pages in this language when already made (make deck makes
    them once for both formats)."""
    from pptx import Presentation
    from pptx.util import Emu, Inches

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    blank = prs.slide_layouts[6]
    margin = Inches(0.4)
    qr_size = Inches(1.3)
    for page in shown if shown is not None else pages(the_deck, warehouse, lang, public_base):
        slide = prs.slides.add_slide(blank)
        text_width = prs.slide_width - 2 * margin - (qr_size + Inches(0.2) if page.url else 0)
        _text(slide, margin, Inches(0.25), text_width, Inches(0.7), page.title, lang, 28, bold=True)
        _text(slide, margin, Inches(0.95), text_width, Inches(0.8), page.takeaway, lang, 18, bold=True)
        if page.url:
            slide.shapes.add_picture(io.BytesIO(qr.png(page.url)), prs.slide_width - margin - qr_size, Inches(0.25),
                                     qr_size, qr_size)
        top = Inches(1.8)
        image_height = Inches(4.9)
        image_width = Emu(int(image_height * IMAGE_SIZE[0] / IMAGE_SIZE[1]))
        left = Emu(int((prs.slide_width - image_width) / 2))
        slide.shapes.add_picture(io.BytesIO(page.image), left, top, image_width, image_height)
        foot = page.sources_line + (f"  ·  {page.url}" if page.url else "")
        _text(slide, margin, Inches(6.8), prs.slide_width - 2 * margin, Inches(0.6), foot, lang, 10)
        notes = slide.notes_slide.notes_text_frame
        notes.text = page.notes
        for paragraph in notes.paragraphs:
            for run in paragraph.runs:
                _run_font(run, lang, 12)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


# --- PDF -------------------------------------------------------------------------------------------

def deck_font(lang: str, weight: str, text: str) -> Path:
    """The CJK face cut down to the characters of `text` (and the ASCII range), kept in build/fonts
    under a hash of the collection file, the face and the characters. fpdf parses the whole face
    (65,000 glyphs) on add_font and subsets its outlines again on output; from a font of a few
    hundred glyphs both take a moment, and a warm build reuses the file."""
    from fontTools import subset as ftsubset
    from fontTools.ttLib import TTFont

    full = font_file(lang, weight)
    chars = "".join(sorted(set(text) | {chr(c) for c in range(0x20, 0x7F)}))
    digest = hashlib.sha256(f"{full.name}\n{chars}".encode()).hexdigest()[:24]
    out = BUILD_DIR / "fonts" / "subsets" / f"{full.stem}-{digest}.otf"
    if out.exists():
        return out
    font = TTFont(str(full), recalcTimestamp=False, recalcBBoxes=False, lazy=False)
    options = ftsubset.Options(notdef_outline=True, recommended_glyphs=True, name_IDs=["*"], name_languages=["*"],
                               layout_features=[], drop_tables=ftsubset.Options().drop_tables + ["GSUB", "GPOS", "GDEF"])
    subsetter = ftsubset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f"{out.name}.{os.getpid()}.part")
    font.save(str(tmp))
    tmp.replace(out)
    return out


@dataclass(frozen=True)
class _Entry:
    """One view in the brief, its text as drawn."""
    heading: str
    takeaway: str
    foot: str
    page: Page


def pdf_bytes(the_deck: deck.Deck, warehouse: str, lang: str, public_base: str | None = None,
              shown: list[Page] | None = None) -> bytes:
    """The brief, two views a page; `shown` as for pptx_bytes. Every string is made first, then the
    fonts are cut to their characters, then the pages drawn from those strings alone."""
    from fpdf import FPDF

    if shown is None:
        shown = pages(the_deck, warehouse, lang, public_base)
    # 1. the text
    deck_title = the_deck.title.get(lang) or the_deck.title.get("en", "")
    header = f"{deck_title} · {present.data_as_of(warehouse, lang)}"
    entries = [_Entry(f"{page.number}. {page.title}", page.takeaway,
                      page.sources_line + (f" · {page.url}" if page.url else ""), page) for page in shown]
    ids = sorted({i for page in shown for i in page.sources})
    sources = db.query("sources_by_id", ids=ids) if ids else None
    heading = t("present_handout_sources", lang) + f" ({len(ids)})"
    listed = []
    for row in (sources.itertuples() if sources is not None else ()):
        when = date_text(row.published, lang) if isinstance(row.published, str) else t("undated", lang)
        listed.append((f"{row.publisher}, {row.title} · {when}", row.url))
    text = "".join([deck_title, header, heading, *(e.heading + e.takeaway + e.foot for e in entries),
                    *(line + url for line, url in listed)])

    # 2. the fonts
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(15, 15, 15)
    pdf.add_font("cjk", "", str(deck_font(lang, "Regular", text)))
    pdf.add_font("cjk", "B", str(deck_font(lang, "Bold", text)))
    # sources in Cyrillic scripts the CJK font lacks (Uzbek Ў): DejaVu, where installed
    fallbacks = []
    for style, name in (("", "DejaVuSans.ttf"), ("B", "DejaVuSans-Bold.ttf")):
        path = Path("/usr/share/fonts/truetype/dejavu") / name
        if path.exists():
            pdf.add_font("fallback", style, str(path))
            fallbacks = ["fallback"]
    pdf.set_fallback_fonts(fallbacks)
    for face in pdf.fonts.values():
        # fpdf subsets each font again on output; recomputing the bounding boxes runs every glyph's
        # outline program (most of the brief's time). The face's own boxes, kept, enclose every glyph
        # of the subset, which is all a PDF reader uses them for.
        face.ttfont.recalcBBoxes = False

    # 3. the pages
    pdf.set_title(deck_title)
    pdf.set_lang({"en": "en-GB", "zh-Hans": "zh-CN", "zh-Hant": "zh-TW"}[lang])
    width = pdf.w - 30
    for i, entry in enumerate(entries):
        page = entry.page
        if i % 2 == 0:
            pdf.add_page()
            pdf.set_font("cjk", "", 9)
            pdf.cell(width, 5, header, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        top = pdf.get_y()
        pdf.set_font("cjk", "B", 14)
        pdf.multi_cell(width - (32 if page.url else 0), 7, entry.heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("cjk", "B", 10.5)
        pdf.multi_cell(width - (32 if page.url else 0), 5.5, entry.takeaway, new_x="LMARGIN", new_y="NEXT")
        if page.url:
            pdf.image(io.BytesIO(qr.png(page.url)), x=pdf.w - 15 - 28, y=top, w=28, h=28)
            pdf.set_y(max(pdf.get_y(), top + 29))
        pdf.ln(1)
        image_w = width
        image_h = image_w * IMAGE_SIZE[1] / IMAGE_SIZE[0]
        pdf.image(io.BytesIO(page.image), x=15, y=pdf.get_y(), w=image_w, h=image_h)
        pdf.set_y(pdf.get_y() + image_h + 1)
        pdf.set_font("cjk", "", 8.5)
        pdf.multi_cell(width, 4.2, entry.foot, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
    # the sources, every one cited by a slide
    pdf.add_page()
    pdf.set_font("cjk", "B", 14)
    pdf.cell(width, 8, heading, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    for line, url in listed:
        if pdf.get_y() > pdf.h - 25:
            pdf.add_page()
        pdf.set_font("cjk", "B", 8.5)
        pdf.multi_cell(width, 4.2, line, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("cjk", "", 7.5)
        pdf.multi_cell(width, 3.8, url, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    return bytes(pdf.output())


# --- make deck -------------------------------------------------------------------------------------

def write(deck_path: Path, out_dir: Path, langs, public_base: str | None,
          timings: dict[str, float] | None = None) -> list[Path]:
    """Both handouts in each language. Each language's pages (views, charts) are made once and go
    into both files; `timings` gathers the seconds each stage took."""
    timings = timings if timings is not None else {}

    def timed(stage: str, started: float) -> None:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - started

    started = time.perf_counter()
    the_deck = present.read_deck(deck_path)
    warehouse = db.warehouse_id()
    timed("deck", started)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    stats = renders.Stats()
    for lang in langs:
        started = time.perf_counter()
        shown = pages(the_deck, warehouse, lang, public_base, stats)
        timed("views and charts", started)
        for suffix, build in (("pptx", pptx_bytes), ("pdf", pdf_bytes)):
            started = time.perf_counter()
            path = out_dir / f"{deck_path.stem}-{lang}.{suffix}"
            tmp = path.with_suffix(f".{suffix}.part")
            tmp.write_bytes(build(the_deck, warehouse, lang, public_base, shown))
            tmp.replace(path)
            written.append(path)
            timed(suffix, started)
    timings["images drawn"] = stats.drawn
    timings["images from cache"] = stats.cached
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m filmdash.presenter.handouts", description=__doc__.split("\n\n")[0])
    parser.add_argument("--deck", type=Path, default=deck.DEFAULT_DECK)
    parser.add_argument("--out", type=Path, default=BUILD_DIR / "handouts")
    parser.add_argument("--lang", choices=LANGUAGES, action="append", help="default: all three")
    parser.add_argument("--public-url", default=None, help=f"the address QR codes open (default ${qr.PUBLIC_URL_ENV})")
    parser.add_argument("--check", action="store_true", help="only validate the deck file")
    args = parser.parse_args(argv)
    try:
        the_deck = present.read_deck(args.deck)
    except deck.DeckError as error:
        print(error, file=sys.stderr)
        return 2
    if args.check:
        print(f"{args.deck}: {counted(len(the_deck), 'slide', 'slides')}, valid")
        return 0
    started = time.perf_counter()
    timings: dict[str, float] = {}
    for path in write(args.deck, args.out, args.lang or LANGUAGES, qr.public_base(args.public_url), timings):
        print(path)
    stages = ", ".join(f"{stage} {value:.1f} s" if isinstance(value, float) else f"{stage} {value}"
                       for stage, value in timings.items())
    print(f"built in {time.perf_counter() - started:.1f} s ({stages})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
