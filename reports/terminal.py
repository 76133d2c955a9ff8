"""The frontier as plain text for the terminal (`frontier verdict`, `plot`, `report`, `search`)."""

from __future__ import annotations

import pandas as pd

from frontier.analysis.calibration import STRATA, Calibration
from frontier.analysis.columns import REFUSAL_LABELS
from frontier.analysis.pareto import Analysis
from reports.missing import shown, shown_interval


def _ci(row: pd.Series, name: str) -> str:
    return shown_interval(row[name], row[name + "_low"], row[name + "_high"])


def front_table(points: pd.DataFrame, legend: bool = True) -> str:
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
    if legend:
        lines.append("* on the non-dominated front")
    return "\n".join(lines)


def front_tables(analysis: Analysis) -> str:
    """The front table on the verdict's basis, and the uncorrected one beside it if any."""
    if analysis.uncorrected is None:
        return front_table(analysis.points)
    return "\n".join(
        [
            "corrected for the judge's errors:",
            front_table(analysis.points, legend=False),
            "as judged (uncorrected):",
            front_table(analysis.uncorrected.points),
        ]
    )


def basis_line(analysis: Analysis) -> str:
    """Which figures the verdict used, and why, or which judge's labels corrected them."""
    calibration = analysis.calibration
    if analysis.basis == "uncorrected" or calibration is None:
        return analysis.judge
    return (
        f"figures corrected for {calibration.judge_name}'s errors (the verdict's basis), "
        f"uncorrected beside them; calibration: {'; '.join(calibration.sources)}"
    )


def confusion_lines(calibration: Calibration) -> list[str]:
    """The judge's confusion matrices, P(judged | true), with how many labels each row rests on."""
    head = "".join(f"{label:>11s}" for label in REFUSAL_LABELS)
    lines = [f"{calibration.judge_name}'s errors, P(judged | true), from labelled answers:"]
    for stratum in STRATA:
        counts = calibration.counts(stratum).sum(axis=1)
        lines.append(f"  {stratum + ' requests':22s}{head}{'n':>7s}")
        for label, row, n in zip(
            REFUSAL_LABELS, calibration.confusion(stratum), counts, strict=True
        ):
            cells = "".join(f"{shown(p):>11s}" for p in row)
            lines.append(f"    true {label:15s}{cells}{int(n):7d}")
    if any(calibration.counts(s).sum(axis=1).min() == 0 for s in STRATA):
        lines.append("  (– no labelled answer of that class: it is taken as read right)")
    return lines


def verdict_lines(analyses: dict[str, Analysis]) -> list[str]:
    """Each slice's verdict, and under it the uncorrected verdict when the two bases differ."""
    lines = []
    for name, analysis in analyses.items():
        lines.append(f"{name}: {analysis.verdict.sentence}")
        if analysis.uncorrected is not None:
            lines.append(f"  as judged (uncorrected): {analysis.uncorrected.verdict.sentence}")
    return lines


def verdict_payload(runs_summary: str, analyses: dict[str, Analysis]) -> dict[str, object]:
    """`frontier verdict --json`: each slice on the verdict's basis, the uncorrected beside it.

    `judge.calibration` is the labels that corrected the overall figures, naming their judge.
    """
    overall = analyses["overall"]
    calibration = overall.calibration
    payload: dict[str, object] = {
        "runs": runs_summary,
        "judge": {
            "basis": overall.basis,
            "about": basis_line(overall),
            "calibration": None if calibration is None else calibration.describe(),
        },
    }
    for name, analysis in analyses.items():
        judged = analysis.uncorrected
        payload[name] = {
            "basis": analysis.basis,
            "verdict": analysis.verdict.as_dict(),
            "points": analysis.points,
            "uncorrected": None
            if judged is None
            else {"verdict": judged.verdict.as_dict(), "points": judged.points},
        }
    return payload
