"""One rule for missing numbers: null in JSON, a dash when shown."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from reports.missing import MISSING, is_missing, json_safe, shown, shown_interval, to_json


@pytest.mark.parametrize(
    "value", [None, math.nan, math.inf, -math.inf, np.float64("nan"), np.float32("inf"), pd.NA]
)
def test_missing_values(value: object) -> None:
    assert is_missing(value)
    assert json_safe(value) is None
    assert shown(value) == MISSING


@pytest.mark.parametrize("value", [0.0, 0, 1.5, np.float64(0.25), np.int64(3), False, "nan"])
def test_present_values(value: object) -> None:
    assert not is_missing(value)


def test_json_safe_walks_containers_and_frames() -> None:
    frame = pd.DataFrame({"a": [1.0, math.nan], "b": ["x", None], "c": [np.inf, 2.0]})
    payload = {
        "frame": frame,
        "tuple": (math.nan, np.float64(0.5)),
        "array": np.array([np.nan, 1.0]),
        "nested": [{"x": -math.inf, "n": np.int64(4), "ok": np.bool_(True)}],
    }
    assert json_safe(payload) == {
        "frame": [{"a": 1.0, "b": "x", "c": None}, {"a": None, "b": None, "c": 2.0}],
        "tuple": [None, 0.5],
        "array": [None, 1.0],
        "nested": [{"x": None, "n": 4, "ok": True}],
    }
    assert type(json_safe(np.int64(4))) is int


def test_to_json_is_strict_json() -> None:
    text = to_json({"tax": math.nan, "ci": (math.inf, 0.1), "when": pd.Timestamp("2025-01-02")})
    assert text == '{"tax": null, "ci": [null, 0.1], "when": "2025-01-02 00:00:00"}'
    assert json.loads(text)["tax"] is None


def test_shown_numbers_and_intervals() -> None:
    assert shown(0.51234) == "0.512" and shown(0.5, 2) == "0.50"
    assert shown_interval(0.5, 0.4, 0.6) == "0.500 [0.400, 0.600]"
    assert shown_interval(math.nan, math.nan, math.nan) == MISSING
    assert shown_interval(0.5, math.nan, 0.6) == f"0.500 [{MISSING}, 0.600]"
