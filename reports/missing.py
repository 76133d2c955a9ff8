"""Missing numbers, one rule everywhere: null in JSON, a dash in tables and charts.

A statistic can be undefined (helpfulness with no benign or borderline scenario, a rate
over no rows): pandas and numpy carry that as NaN. Standard JSON has no NaN, and printing
it as `nan` or letting a chart read it as 0 would pass a gap off as a number. Every JSON
output and every shown number goes through here.
"""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
import pandas as pd

MISSING = "–"  # en dash; the report's sort script treats a cell showing it as empty


def is_missing(value: Any) -> bool:
    """None, NaN, infinity, pandas NA or NaT."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float | np.floating):
        return not math.isfinite(float(value))
    return False


def json_safe(value: Any) -> Any:
    """The value as plain JSON data: missing numbers become None, containers are walked.

    Dicts, lists and tuples are copied with their items made safe; DataFrames become lists
    of records, Series and arrays lists; numpy scalars become Python numbers.
    """
    if isinstance(value, dict):
        return {key: json_safe(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(item) for item in value]
    if isinstance(value, pd.DataFrame):
        return json_safe(value.to_dict(orient="records"))
    if isinstance(value, pd.Series | np.ndarray):
        return json_safe(value.tolist())
    if is_missing(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def to_json(value: Any, indent: int | None = None) -> str:
    """Strict JSON text (no NaN or Infinity tokens); unknown objects are written as text."""
    return json.dumps(json_safe(value), indent=indent, default=str, allow_nan=False)


def shown(value: Any, digits: int = 3) -> str:
    """A number to `digits` decimals, or the dash when it is missing."""
    if is_missing(value):
        return MISSING
    return f"{float(value):.{digits}f}"


def shown_interval(value: Any, low: Any, high: Any, digits: int = 3) -> str:
    """`0.512 [0.401, 0.620]`; the dash alone when the estimate is missing."""
    if is_missing(value):
        return MISSING
    return f"{shown(value, digits)} [{shown(low, digits)}, {shown(high, digits)}]"
