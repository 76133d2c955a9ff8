"""HTML building blocks: escaping, inert JSON, script hashes, tables."""

from __future__ import annotations

import base64
import hashlib
import json
import math

from reports.html import Cell, Scripts, interval, json_data, number, table, text


def test_text_escapes_markup_and_quotes() -> None:
    assert text('<img src=x onerror="go()">') == "&lt;img src=x onerror=&quot;go()&quot;&gt;"
    assert text(None) == ""
    assert text(0.5) == "0.5"


def test_json_block_cannot_close_its_script_element() -> None:
    payload = {"response": "</script><script>alert(1)</script> & <!--"}
    block = json_data("data", payload)
    inner = block.removeprefix('<script type="application/json" id="data">').removesuffix(
        "</script>"
    )
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner) == payload  # the escapes are JSON escapes: the data survives


def test_policy_allows_exactly_the_scripts_written() -> None:
    scripts = Scripts()
    assert scripts.tag("let a = 1;") == "<script>let a = 1;</script>"
    digest = base64.b64encode(hashlib.sha256(b"let a = 1;").digest()).decode()
    policy = scripts.policy()
    assert f"'sha256-{digest}'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "default-src 'none'" in policy


def test_table_escapes_cells_and_keeps_numeric_sort_keys() -> None:
    html = table(
        ("config", "helpful"),
        [("<b>x</b>", interval(0.5, 0.4, 0.6)), ("y", number(math.nan))],
        sortable=True,
    )
    assert '<table class="sortable">' in html
    assert "<td>&lt;b&gt;x&lt;/b&gt;</td>" in html
    assert '<td data-sort="0.5">0.500 [0.400, 0.600]</td>' in html
    assert "<td>–</td>" in html  # missing numbers show a dash and carry no sort key
    assert "<b>" not in html


def test_cells_can_sort_by_something_other_than_what_they_show() -> None:
    html = table(("n",), [(Cell("★ best", "best"),), (7,)])
    assert '<td data-sort="best">★ best</td>' in html
    assert '<td data-sort="7.0">7</td>' in html


def test_missing_numbers_are_null_in_json_and_a_dash_in_tables() -> None:
    block = json_data("data", {"rate": math.nan, "low": -math.inf, "n": 3})
    assert '{"rate": null, "low": null, "n": 3}' in block
    html = table(("a", "b", "c"), [(math.nan, None, interval(math.nan, 0.1, 0.2))])
    assert html.count("<td>–</td>") == 3
    assert "nan" not in html.lower() and "None" not in html
