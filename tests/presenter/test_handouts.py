"""Handouts read back: the PPTX with python-pptx (one slide per view: title and takeaway as text in
a CJK font, the chart and QR code as pictures, sources, speaker notes), the PDF with pypdf (every
title, takeaway and Chinese string extractable, the fonts embedded), and page 1 drawn to a PNG with
pdftoppm (tests/artifacts/handout-*.png, to look at)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest

from filmdash.core import db
from filmdash.presenter import handouts
from filmdash.presenter import slides as present
from tests.conftest import ROOT

BASE = "http://192.168.1.20:8501"
DECK = present.read_deck()


def squash(text: str) -> str:
    """Text without whitespace: a PDF line break may fall anywhere in a sentence."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def built():
    warehouse = db.warehouse_id()
    return {
        "pptx": handouts.pptx_bytes(DECK, warehouse, "zh-Hant", BASE),
        "pdf": handouts.pdf_bytes(DECK, warehouse, "zh-Hant", BASE),
        "pdf_hans": handouts.pdf_bytes(DECK, warehouse, "zh-Hans", None),
        "pages": handouts.pages(DECK, warehouse, "zh-Hant", BASE),
    }


def test_pptx_has_a_slide_per_view_with_real_text_notes_and_pictures(built):
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE
    from pptx.oxml.ns import qn

    prs = Presentation(io.BytesIO(built["pptx"]))
    assert len(prs.slides) == len(DECK)
    for slide, page, spec in zip(prs.slides, built["pages"], DECK.slides):
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        assert page.title in texts and page.takeaway in texts
        assert page.title == (spec.title.get("zh-Hant") or present.slide_view(db.warehouse_id(), spec.box,
                                                                               spec.params, "zh-Hant").title)
        assert any(text.startswith("來源") and page.url in text for text in texts)
        pictures = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 2  # the chart and the QR code
        chart = max(pictures, key=lambda p: p.width)
        assert chart.image.content_type == "image/png" and chart.image.size == handouts.IMAGE_SIZE
        assert slide.notes_slide.notes_text_frame.text == spec.notes["zh-Hant"]
        for shape in slide.shapes:
            if shape.has_text_frame:
                for run in (r for p in shape.text_frame.paragraphs for r in p.runs):
                    assert run.font.name == "Noto Sans CJK TC"
                    assert run._r.rPr.find(qn("a:ea")).get("typeface") == "Noto Sans CJK TC"


def test_pdf_brief_holds_every_title_takeaway_and_source(built):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(built["pdf"]))
    assert len(reader.pages) >= (len(DECK) + 1) // 2 + 1
    text = squash("".join(page.extract_text() for page in reader.pages))
    for page in built["pages"]:
        assert squash(page.title) in text, page.title
        assert squash(page.takeaway) in text, page.takeaway
    assert squash("來源") in text and "青島" in text
    ids = sorted({i for page in built["pages"] for i in page.sources})
    publishers = set(db.query("sources_by_id", ids=ids)["publisher"])
    assert all(squash(p) in text for p in publishers)
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]))
    assert any("NotoSansCJKTC" in f for f in fonts), fonts


def test_pdf_in_simplified_chinese(built):
    from pypdf import PdfReader

    text = squash("".join(p.extract_text() for p in PdfReader(io.BytesIO(built["pdf_hans"])).pages))
    for slide in DECK.slides:
        title = slide.title.get("zh-Hans") or present.slide_view(db.warehouse_id(), slide.box, slide.params,
                                                                 "zh-Hans").title
        assert squash(title) in text
    assert "来源" in text


def test_pdf_first_page_renders(built, tmp_path):
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "pdftoppm is missing: apt-get install poppler-utils (.ci/run does)"
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(built["pdf"])
    out = ROOT / "tests" / "artifacts" / "handout-zh-Hant-page1"
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([pdftoppm, "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(out)],
                   check=True, capture_output=True)
    from PIL import Image

    image = Image.open(f"{out}.png").convert("L")
    assert image.size[0] > 600
    dark = sum(image.histogram()[:128])
    assert dark > 0.01 * image.size[0] * image.size[1]  # text and charts drew, not a blank page
