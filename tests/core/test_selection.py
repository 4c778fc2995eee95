"""Clicks on charts: the value a selection event points at."""

from filmdash.core.selection import clicked_value


def test_customdata_list_string_and_label():
    assert clicked_value([{"customdata": ["qingdao", "a quote"]}]) == "qingdao"
    assert clicked_value([{"customdata": "animation"}]) == "animation"
    assert clicked_value([{"y": "Bradford"}], {"Bradford": "bradford"}) == "bradford"
    assert clicked_value([{"y": "Nowhere"}], {"Bradford": "bradford"}) is None
    assert clicked_value([]) is None and clicked_value(None) is None
