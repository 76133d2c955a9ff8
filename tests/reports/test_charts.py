"""The frontier chart, drawn by Vega itself (vl-convert's scenegraph): what a reader sees."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pandas as pd
import vl_convert

from reports.charts import frontier_chart, undrawn


def configs(front: list[bool]) -> pd.DataFrame:
    rows = []
    for i, on_front in enumerate(front):
        h, s = 0.2 + 0.1 * i, 0.8 - 0.1 * i
        rows.append(
            {
                "config": f"c{i}",
                "model": "m",
                "system_prompt": "hhh",
                "reasoning": "none",
                "temperature": 0.5,
                "top_p": 1.0,
                "helpfulness": h,
                "helpfulness_low": h - 0.05,
                "helpfulness_high": h + 0.05,
                "harmlessness": s,
                "harmlessness_low": s - 0.05,
                "harmlessness_high": s + 0.05,
                "p_front": 1.0 if on_front else 0.0,
                "on_front": on_front,
                "n": 10,
                "panel": "overall",
            }
        )
    return pd.DataFrame(rows)


def marks(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if node.get("marktype"):
            yield node
        for value in node.values():
            yield from marks(value)
    elif isinstance(node, list):
        for value in node:
            yield from marks(value)


def drawn(points: pd.DataFrame) -> tuple[int, int]:
    """(ringed points, points on the dashed front line) as Vega lays them out."""
    scene = vl_convert.vegalite_to_scenegraph(frontier_chart(points).to_dict())
    rings = line = 0
    for mark in marks(scene):
        items = mark.get("items", [])
        if mark["marktype"] == "symbol":
            rings += sum(
                1 for item in items if item.get("size") == 320 and item.get("stroke") == "black"
            )
        if mark["marktype"] == "line":
            line += len(items)
    return rings, line


def test_a_front_of_one_config_is_still_marked() -> None:
    assert drawn(configs([True, False, False])) == (1, 1)


def test_every_front_member_is_ringed_and_joined() -> None:
    assert drawn(configs([True, True, True, False])) == (3, 3)


def test_a_config_without_helpfulness_is_named_not_drawn_and_never_nan() -> None:
    points = configs([True, False, False])
    points.loc[2, ["helpfulness", "helpfulness_low", "helpfulness_high", "p_front"]] = float("nan")
    points.loc[1, "temperature"] = None
    spec = frontier_chart(points).to_dict()
    text = json.dumps(spec, allow_nan=False)  # raises on NaN or infinity
    rows = spec["data"]["values"]
    assert rows[2]["helpfulness"] is None and rows[2]["helpfulness_shown"] == "–"
    assert rows[2]["p_front_shown"] == "–"
    assert rows[0]["helpfulness_shown"] == "0.200 [0.150, 0.250]"
    # Vega's format() would show a missing number as 0: the tooltip reads text made here.
    assert [r["temperature_shown"] for r in rows] == ["0.5", "default", "0.5"]
    assert spec["title"] == {
        "text": "overall",
        "subtitle": "not drawn, helpfulness or harmlessness undefined (helpfulness needs "
        "benign or borderline scenarios): c2",
    }
    assert "NaN" not in text
    assert drawn(points) == (1, 1)
    dots = [m for m in marks(vl_convert.vegalite_to_scenegraph(spec)) if _is_dot(m)]
    assert sum(len(m["items"]) for m in dots) == 2  # c0 and c1; c2 has no place on the axes


def _is_dot(mark: dict[str, Any]) -> bool:
    items = mark.get("items", [])
    return mark["marktype"] == "symbol" and any(item.get("size") == 110 for item in items)


def test_every_config_drawn_means_no_note() -> None:
    points = configs([True, True])
    assert undrawn(points) == ""
    assert frontier_chart(points).to_dict()["title"] == "overall"


def test_the_domain_facets_name_an_undrawn_config_with_its_domain() -> None:
    points = pd.concat(
        [
            configs([True, False]).assign(panel="code"),
            configs([True, False]).assign(panel="medical"),
        ],
        ignore_index=True,
    )
    points.loc[3, ["helpfulness", "helpfulness_low", "helpfulness_high"]] = float("nan")
    spec = frontier_chart(points).to_dict()
    json.dumps(spec, allow_nan=False)
    assert spec["title"]["text"].endswith("scenarios): medical: c1")
    vl_convert.vegalite_to_scenegraph(spec)  # Vega lays it out without error
