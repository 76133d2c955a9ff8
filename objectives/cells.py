"""Cells of a user's table (a CSV or JSONL file) that hold nothing.

Re-scoring transcripts and reading a judge's calibration labels both take such files, where
an empty cell arrives as None or NaN (JSONL, pandas) or as blank text (CSV).
"""

from __future__ import annotations

import math
from typing import Any


def absent(value: Any) -> bool:
    """None, or a float NaN (how pandas fills a column a row left out)."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def blank(value: Any) -> bool:
    """Absent, or text of nothing but whitespace."""
    return absent(value) or (isinstance(value, str) and not value.strip())
