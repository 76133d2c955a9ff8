"""The frontier as a plain-text table for the terminal (`frontier verdict`, `frontier search`)."""

from __future__ import annotations

import pandas as pd

from reports.missing import shown, shown_interval


def _ci(row: pd.Series, name: str) -> str:
    return shown_interval(row[name], row[name + "_low"], row[name + "_high"])


def front_table(points: pd.DataFrame) -> str:
    """One line per config, most helpful first; `*` marks the front, a dash a missing number."""
    ordered = points.sort_values("helpfulness", ascending=False)
    header = ("config", "helpful [95% CI]", "harmless [95% CI]", "P(front)", "n")
    lines = [f"{header[0]:44s} {header[1]:>22s} {header[2]:>22s} {header[3]:>9s} {header[4]:>5s}"]
    for _, row in ordered.iterrows():
        mark = "*" if row["on_front"] else " "
        lines.append(
            f"{mark}{str(row['config'])[:43]:43s} {_ci(row, 'helpfulness'):>22s} "
            f"{_ci(row, 'harmlessness'):>22s} {shown(row['p_front'], 2):>9s} {int(row['n']):5d}"
        )
    lines.append("* on the non-dominated front")
    return "\n".join(lines)
