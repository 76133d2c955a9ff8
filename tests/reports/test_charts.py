"""The frontier chart, drawn by Vega itself (vl-convert's scenegraph): what a reader sees."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pandas as pd
import vl_convert

from reports.charts import frontier_chart


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
