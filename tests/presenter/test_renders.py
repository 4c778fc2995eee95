"""The handouts' render cache: an image's key changes with anything that changes its pixels (the
figure, the size, the fonts, the renderer), a warm render reads the cache, and a changed figure is
drawn again, never served from the old file."""

from __future__ import annotations

import io
import os

import plotly.graph_objects as go
import pytest

from filmdash.presenter import renders

SIZE = (400, 300)


def bar(y=(1, 2, 3), title="Productions"):
    return go.Figure(go.Bar(x=["a", "b", "c"], y=list(y)), layout={"title": {"text": title}})


def test_the_key_follows_the_figure_the_size_and_the_environment():
    base = renders.key(bar().to_json(), SIZE, "env")
    assert renders.key(bar().to_json(), SIZE, "env") == base  # the same figure built again
    assert renders.key(bar(y=(1, 2, 4)).to_json(), SIZE, "env") != base  # one value
    assert renders.key(bar(title="Productions ").to_json(), SIZE, "env") != base  # one character of text
    assert renders.key(bar().to_json(), (401, 300), "env") != base
    assert renders.key(bar().to_json(), SIZE, "env2") != base  # another font or renderer


def test_the_fonts_fingerprint_sees_a_font_added_changed_or_removed(tmp_path):
    font = tmp_path / "a.otf"
    font.write_bytes(b"font one")
    first = renders.fonts_fingerprint([tmp_path])
    assert renders.fonts_fingerprint([tmp_path]) == first
    font.write_bytes(b"font two, longer")
    changed = renders.fonts_fingerprint([tmp_path])
    assert changed != first
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.ttf").write_bytes(b"another")
    added = renders.fonts_fingerprint([tmp_path])
    assert added != changed
    os.remove(tmp_path / "sub" / "b.ttf")
    assert renders.fonts_fingerprint([tmp_path]) == changed


def test_the_renderer_fingerprint_names_plotly_and_kaleido(monkeypatch):
    from importlib import metadata

    first = renders.renderer_fingerprint()
    real = metadata.version
    monkeypatch.setattr(renders.metadata, "version", lambda name: "0.0.0" if name == "kaleido" else real(name))
    assert renders.renderer_fingerprint() != first


@pytest.mark.timeout(300)
def test_render_draws_once_then_reads_the_cache_and_redraws_a_changed_figure(tmp_path):
    from PIL import Image

    figures = [bar(), bar(y=(3, 1, 2)), bar()]  # the first and last are the same chart
    stats = renders.Stats()
    images = renders.render(figures, SIZE, folder=tmp_path, stats=stats)
    assert (stats.drawn, stats.cached) == (2, 0)
    assert images[0] == images[2] and images[0] != images[1]
    with Image.open(io.BytesIO(images[0])) as image:
        assert image.size == SIZE and image.mode == "RGB"  # flattened: no alpha for the PDF to test
        assert image.getextrema() != ((255, 255), (255, 255), (255, 255))  # something drew
    stored = sorted(p.name for p in tmp_path.rglob("*.png"))
    assert stored == sorted({f"{renders.key(f.to_json(), SIZE)}.png" for f in figures})

    warm = renders.Stats()
    assert renders.render(figures, SIZE, folder=tmp_path, stats=warm) == images
    assert (warm.drawn, warm.cached) == (0, 2)

    changed = renders.Stats()
    [redrawn] = renders.render([bar(y=(1, 2, 30))], SIZE, folder=tmp_path, stats=changed)
    assert (changed.drawn, changed.cached) == (1, 0)
    assert redrawn != images[0]
