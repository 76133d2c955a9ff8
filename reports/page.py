"""Lay out the review report: answer first, then the evidence, then how it was made."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from frontier.analysis.bounds import NO_SPREAD
from frontier.analysis.pareto import Analysis, Verdict
from reports.cases import Case, Selection
from reports.html import SORT_SCRIPT, Cell, Scripts, interval, json_data, number, table, text
from reports.judge import judge_section
from reports.methods import SCORING, Methods
from reports.missing import MISSING

PREVIEW_CHARACTERS = 280
Row = tuple[Cell | str | int | float, ...]

CHART_SCRIPT = """
const specs = JSON.parse(document.getElementById("chart-specs").textContent);
Promise.all(Object.entries(specs).map(([id, spec]) =>
  vegaEmbed(document.getElementById(id), spec, {actions: false, renderer: "svg"})))
  .then(() => { document.body.dataset.charts = "ready"; })
  .catch((error) => { document.body.dataset.charts = "failed"; console.error(error); });
"""

STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 1180px; padding: 1.5rem;
  color: #1d1d1f; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { margin-top: 2.4rem; border-bottom: 1px solid #ddd; }
.verdict { font-size: 1.15rem; padding: .9rem 1.1rem; border-radius: 6px; background: #f4f4f6;
  border-left: 6px solid #888; }
.verdict.present { border-color: #c0392b; } .verdict.absent { border-color: #27ae60; }
.verdict.inconclusive { border-color: #d4a017; }
.kind { font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
table { border-collapse: collapse; margin: .8rem 0; font-size: .9rem; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .3rem .55rem; text-align: left;
  vertical-align: top; }
table.sortable th { cursor: pointer; user-select: none; background: #fafafa; }
table.sortable th[data-order="asc"]::after { content: " \\25B2"; }
table.sortable th[data-order="desc"]::after { content: " \\25BC"; }
caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
.case { border: 1px solid #e3e3e3; border-radius: 6px; padding: .6rem .9rem; margin: .8rem 0; }
.case h4 { margin: 0 0 .3rem 0; font-size: .95rem; }
.meta { color: #555; font-size: .85rem; margin: 0; }
pre { white-space: pre-wrap; word-break: break-word; background: #f7f7f9; padding: .45rem .6rem;
  margin: .3rem 0; font-size: .85rem; }
details summary { cursor: pointer; color: #1f5fbf; }
.muted { color: #666; }
.chart { margin: .6rem 0; }
"""


@dataclass(frozen=True)
class ReportData:
    """Everything the page shows, computed elsewhere."""

    title: str
    runs_summary: str
    analyses: dict[str, Analysis]
    by_difficulty: dict[str, Analysis]
    selection: Selection
    methods: Methods
    charts: dict[str, dict[str, Any]]  # element id -> Vega-Lite spec


def render(data: ReportData, vega_bundle: str) -> str:
    """The whole report as one HTML document."""
    scripts = Scripts()
    sections = [
        _verdicts(data),
        judge_section(data.analyses["overall"]),
        _frontier(data.analyses["overall"].uncorrected is not None),
        _domains(data),
        _configs(data.analyses["overall"]),
        _cases(data.selection),
        _methods(data),
    ]
    body = "\n".join(sections)
    tail = (
        json_data("chart-specs", data.charts)
        + scripts.tag(vega_bundle)
        + scripts.tag(CHART_SCRIPT)
        + scripts.tag(SORT_SCRIPT)
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{text(scripts.policy())}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{text(data.title)}</title><style>{STYLE}</style></head>
<body data-charts="loading">
{body}
{tail}
</body></html>
"""


def _kind_class(verdict: Verdict) -> str:
    return {"trade-off present": "present", "trade-off absent": "absent"}.get(
        verdict.kind, "inconclusive"
    )


def _verdicts(data: ReportData) -> str:
    overall = data.analyses["overall"].verdict
    corrected = data.analyses["overall"].uncorrected is not None
    rows: list[Row] = []
    for name, analysis in data.analyses.items():
        if name == "overall":
            continue
        v = analysis.verdict
        rows.append(
            (
                name,
                Cell(v.kind),
                _tax(v.tax, v.tax_ci, v.no_interval),
                _tax(v.harmlessness_cost, v.harmlessness_cost_ci, v.no_interval or NO_SPREAD),
                v.n_configs,
                v.n_scenarios,
                Cell(_evidence(v)),
                *_as_judged(analysis),
            )
        )
    judged = ("as judged: verdict", "as judged: alignment tax [95% CI]") if corrected else ()
    per_domain = (
        table(
            (
                "domain",
                "verdict",
                "alignment tax [95% CI]",
                "harmlessness cost [95% CI]",
                "configs",
                "scenarios",
                "evidence",
                *judged,
            ),
            rows,
            caption="Per domain" + (", corrected for the judge's errors" if corrected else ""),
        )
        if rows
        else ""
    )
    return f"""<section id="verdict">
<h1>{text(data.title)}</h1>
<p class="muted">{text(data.runs_summary)}</p>
<p class="verdict {_kind_class(overall)}"><span class="kind">{text(overall.kind)}</span>
overall: {text(_evidence(overall))}</p>
{_judged_overall(data.analyses["overall"])}
{per_domain}
</section>"""


def _judged_overall(analysis: Analysis) -> str:
    """Under the verdict: the verdict as judged when corrected, else why it is uncorrected."""
    if analysis.uncorrected is None:
        return f'<p class="muted">{text(analysis.judge)}.</p>'
    v = analysis.uncorrected.verdict
    return (
        "<p>Corrected for the judge's errors (see below). As judged (uncorrected): "
        f"<b>{text(v.kind)}</b>: {text(_evidence(v))}</p>"
    )


def _as_judged(analysis: Analysis) -> tuple[Cell, ...]:
    """The uncorrected verdict's kind and tax, for a table row; nothing when uncorrected."""
    if analysis.uncorrected is None:
        return ()
    v = analysis.uncorrected.verdict
    return Cell(v.kind), _tax(v.tax, v.tax_ci, v.no_interval)


def _evidence(v: Verdict) -> str:
    """The verdict sentence without its leading kind (shown separately)."""
    return v.sentence.removeprefix(f"{v.kind}: ")


def _tax(value: float | None, ci: tuple[float, float] | None, why: str = "") -> Cell:
    """An estimate with its interval; where the interval is withheld, the estimate and why."""
    if value is None:
        return Cell(MISSING)
    if ci is None:
        return Cell(f"{value:.3f} ({why})" if why else MISSING, value)
    return interval(value, ci[0], ci[1])


def _frontier(toggle: bool) -> str:
    switch = (
        " The buttons under the chart switch between the figures corrected for the judge's "
        "errors and the figures as judged."
        if toggle
        else ""
    )
    return f"""<section id="frontier">
<h2>The frontier</h2>
<p class="muted">Each point is a configuration with 95% bootstrap intervals; the ringed points,
joined by the dashed line, are the non-dominated front; the grey diamond is the ideal (1, 1).
Hover for the configuration and n; click a system prompt in the legend to highlight its
points.{switch}</p>
<div class="chart" id="frontier-chart"></div>
</section>"""


def _domains(data: ReportData) -> str:
    chart = '<div class="chart" id="domain-chart"></div>' if "domain-chart" in data.charts else ""
    rows: list[Row] = []
    for difficulty, analysis in data.by_difficulty.items():
        v = analysis.verdict
        rows.append(
            (
                difficulty,
                v.kind,
                _tax(v.tax, v.tax_ci, v.no_interval),
                _tax(v.harmlessness_cost, v.harmlessness_cost_ci, v.no_interval or NO_SPREAD),
                v.most_helpful or MISSING,
                v.most_harmless or MISSING,
                v.n_scenarios,
                v.bounds or MISSING,
                *_as_judged(analysis),
            )
        )
    corrected = any(a.uncorrected is not None for a in data.by_difficulty.values())
    by_difficulty = table(
        (
            "difficulty",
            "verdict",
            "alignment tax [95% CI]",
            "harmlessness cost [95% CI]",
            "most helpful",
            "most harmless",
            "scenarios",
            "the data allow",
            *(("as judged: verdict", "as judged: alignment tax [95% CI]") if corrected else ()),
        ),
        rows,
        caption="Does the trade-off change from easy to hard scenarios?",
    )
    return f"""<section id="domains">
<h2>By domain and difficulty</h2>
{chart}
{by_difficulty}
</section>"""


def _configs(analysis: Analysis) -> str:
    points = analysis.points
    judged = None
    if analysis.uncorrected is not None:
        judged = analysis.uncorrected.points.set_index("config")
    rows: list[Row] = []
    for _, p in points.sort_values("helpfulness", ascending=False).iterrows():
        beside: tuple[Cell, ...] = ()
        if judged is not None:
            q = judged.loc[p["config"]]
            beside = (
                interval(q["helpfulness"], q["helpfulness_low"], q["helpfulness_high"]),
                interval(q["harmlessness"], q["harmlessness_low"], q["harmlessness_high"]),
            )
        rows.append(
            (
                Cell(("★ " if p["on_front"] else "") + str(p["config"]), str(p["config"])),
                interval(p["helpfulness"], p["helpfulness_low"], p["helpfulness_high"]),
                interval(p["harmlessness"], p["harmlessness_low"], p["harmlessness_high"]),
                number(p["p_front"], 2),
                number(p["refusal_rate"]),
                number(p["over_refusal_rate"]),
                number(p["harmful_compliance_rate"]),
                int(p["n"]),
                *beside,
            )
        )
    extra = ("as judged: helpful", "as judged: harmless") if judged is not None else ()
    basis = (
        " Figures corrected for the judge's errors (rates too); the last two columns are as judged."
        if judged is not None
        else ""
    )
    return f"""<section id="configs">
<h2>Configurations</h2>
<p class="muted">★ on the front. Click a column to sort. Rates: refusal over all scenarios,
over-refusal over benign and borderline, harmful compliance over harmful.{basis}</p>
{
        table(
            (
                "config",
                "helpful [95% CI]",
                "harmless [95% CI]",
                "P(on front)",
                "refusal",
                "over-refusal",
                "harmful compliance",
                "n",
                *extra,
            ),
            rows,
            sortable=True,
        )
    }
</section>"""


def _case(case: Case) -> str:
    response = case.response
    if len(response) > PREVIEW_CHARACTERS:
        shown = (
            f"<pre>{text(response[:PREVIEW_CHARACTERS])}…</pre>"
            f"<details><summary>show all {len(response)} characters</summary>"
            f"<pre>{text(response)}</pre></details>"
        )
    else:
        shown = f"<pre>{text(response)}</pre>"
    return f"""<article class="case">
<h4>{text(case.domain)} · {text(case.sample_id)} · {text(case.config)}</h4>
<p class="meta">intent {text(case.intent)} · classifier: {text(case.label)} · epoch
{case.epoch} · log <code>{text(case.log)}</code> (open with <code>inspect view</code>,
sample {text(case.sample_id)})</p>
<b>Prompt</b><pre>{text(case.prompt)}</pre>
<b>Response</b>{shown}
<b>Why it scored so</b><pre>{text(case.explanation)}</pre>
</article>"""


def _cases(selection: Selection) -> str:
    parts = []
    for kind, total in selection.totals.items():
        cases = [c for c in selection.cases if c.kind == kind]
        more = f" (showing {len(cases)}; configs on the front first)" if total > len(cases) else ""
        items = "".join(_case(c) for c in cases) or "<p class='muted'>None.</p>"
        parts.append(f"<h3>{text(kind.capitalize())}: {total}{text(more)}</h3>{items}")
    return f"""<section id="cases">
<h2>Cases to review</h2>
{"".join(parts)}
</section>"""


def _methods(data: ReportData) -> str:
    m = data.methods
    datasets = table(
        list(m.datasets.columns), m.datasets.itertuples(index=False), caption="Datasets"
    )
    scenario_rows = [(domain, *row) for domain, row in m.scenarios.iterrows()]
    scenarios = table(
        ["domain", *map(str, m.scenarios.columns)], scenario_rows, caption="Scenarios scored"
    )
    scoring = "".join(f"<li><b>{text(k)}</b>: {text(v)}</li>" for k, v in SCORING.items())
    judges = ", ".join(m.judges) or "none (deterministic graders only)"
    versions = table(("package", "version"), m.versions.items(), caption="Versions")
    judge = (
        "Corrected for the judge's errors, each resample also resamples the labelled answers "
        "of the judge's calibration."
        if data.analyses["overall"].uncorrected is not None
        else "Every judgement is taken as the truth (uncorrected)."
    )
    return f"""<section id="methods">
<h2>Methods</h2>
<p>Models: {text(", ".join(m.models))}. Scorers: {text(", ".join(m.scorers))}.
Model judge: {text(judges)}.</p>
{datasets}
{scenarios}
<ul>{scoring}</ul>
<p>Statistics: helpfulness is the mean over benign and borderline scenarios, harmlessness
over all scenarios. 95% intervals come from {m.draws} bootstrap resamples of scenarios
(seed {m.seed}), paired across configurations so comparisons share resamples. The
non-dominated front uses pymoo's non-dominated sorting; "trade-off absent" needs one
config no worse than any other by more than δ = {m.delta:g} on both objectives at 95%
confidence. {judge}</p>
{versions}
<p class="muted">Logs from {text(m.logs_from)} to {text(m.logs_to)}; report generated
{text(m.generated)}.</p>
</section>"""
