"""Runs directory -> the review report: gather the analyses, charts, cases and methods."""

from __future__ import annotations

from pathlib import Path

from frontier.analysis import columns as C
from frontier.analysis.calibration import ByJudge, Calibration
from frontier.analysis.columns import DIFFICULTIES
from frontier.analysis.pareto import Analysis, analyse, analyse_all
from frontier.analysis.runs import Runs
from reports.cases import select
from reports.charts import frontier_chart, frontier_points
from reports.methods import collect
from reports.page import ReportData, render


def by_difficulty(
    runs: Runs,
    draws: int,
    seed: int,
    delta: float,
    calibration: Calibration | ByJudge | None = None,
) -> dict[str, Analysis]:
    """The overall analysis within each difficulty tier that has runs."""
    frame = runs.frame
    found = [d for d in DIFFICULTIES if (frame[C.DIFFICULTY] == d).any()]
    others = sorted(set(frame[C.DIFFICULTY].dropna()) - set(DIFFICULTIES))
    return {
        str(d): analyse(frame[frame[C.DIFFICULTY] == d], draws, seed, delta, calibration)
        for d in [*found, *others]
    }


def report_data(
    runs: Runs,
    title: str = "hh-frontier review",
    draws: int = 1000,
    seed: int = 0,
    delta: float = 0.02,
    cases_per_kind: int = 40,
    calibration: Calibration | ByJudge | None = None,
) -> ReportData:
    """Everything the report shows, from a loaded runs table.

    With `calibration` for the judge that made the scores (by judge, or one judge's), the
    figures are corrected for its errors (see `frontier.analysis.judge_error`), beside the
    uncorrected ones.
    """
    analyses = analyse_all(runs.frame, draws, seed, delta, calibration)
    charts = {"frontier-chart": frontier_chart(frontier_points(analyses, "overall")).to_dict()}
    if len(analyses) > 1:
        charts["domain-chart"] = frontier_chart(frontier_points(analyses)).to_dict()
    return ReportData(
        title=title,
        runs_summary=runs.summary(),
        analyses=analyses,
        by_difficulty=by_difficulty(runs, draws, seed, delta, calibration),
        selection=select(runs.frame, analyses["overall"].verdict.front, cases_per_kind),
        methods=collect(runs.frame, draws, seed, delta),
        charts=charts,
    )


def vega_bundle() -> str:
    """Vega, Vega-Lite and Vega-Embed as one script, from vl-convert-python (no CDN)."""
    import vl_convert

    return str(vl_convert.javascript_bundle())  # type: ignore[call-arg]  # snippet is optional


def write_report(data: ReportData, out: Path) -> Path:
    """Render the report into one self-contained HTML file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(data, vega_bundle()), encoding="utf-8")
    return out
