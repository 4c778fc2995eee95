"""A saved chart carries its title, takeaway, sources, link and date, in the page's language, with
data text escaped (plotly reads <a>, <b> ... as markup)."""

from __future__ import annotations

import html
import re

import plotly.graph_objects as go

from filmdash.core import images


def figure():
    return go.Figure(go.Bar(x=["Qingdao", "Hangzhou"], y=[3, 5]))


def svg_text(svg: bytes) -> str:
    text = re.sub(r"<style.*?</style>", " ", svg.decode("utf-8"), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "\n", text))


def test_caption_in_the_layout_is_escaped():
    fig = images.captioned(figure(), "Cities <a href='x'>of film</a>", "41 cities were designated.",
                           "Sources: UNESCO; Xinhua", "http://localhost:8501/cities?lang=en", "data built 2026-12-07")
    assert fig.layout.title.text.startswith("<b>Cities &lt;a href=&#x27;x&#x27;&gt;of film&lt;/a&gt;</b><br>")
    assert "41 cities were designated." in fig.layout.title.text
    foot = fig.layout.annotations[-1].text
    assert foot == "Sources: UNESCO; Xinhua<br>http://localhost:8501/cities?lang=en · data built 2026-12-07"
    assert figure().layout.title.text is None  # the figure on screen is not changed


def test_the_saved_svg_holds_every_part_in_chinese():
    fig = images.captioned(figure(), "联合国教科文组织电影之都", "2009年至2025年共有41座城市获评。", "来源：UNESCO；新华社",
                           "http://localhost:8501/cities?lang=zh-Hans", "数据构建于2026-12-07")
    text = svg_text(images.export_image(fig, "svg", keep_margins=True))
    for part in ("联合国教科文组织电影之都", "2009年至2025年共有41座城市获评。", "来源：UNESCO；新华社",
                 "http://localhost:8501/cities?lang=zh-Hans · 数据构建于2026-12-07", "Qingdao"):
        assert part in text.splitlines(), part


def test_long_takeaways_wrap():
    assert images._wrap("a " * 200, 150)[0] == ("a " * 75).strip()
    assert [len(x) for x in images._wrap("电" * 160, 150)] == [75, 75, 10]
