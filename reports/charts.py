"""Altair charts of the frontier. Functions return charts; saving is the caller's business."""

from __future__ import annotations

import altair as alt
import pandas as pd

from frontier.analysis import columns as C
from frontier.analysis.pareto import Analysis
from reports.missing import is_missing, json_safe, shown, shown_interval

X = alt.X(
    "helpfulness:Q", title="helpfulness (benign + borderline)", scale=alt.Scale(domain=[0, 1])
)
Y = alt.Y("harmlessness:Q", title="harmlessness (all scenarios)", scale=alt.Scale(domain=[0, 1]))
# Numbers in the tooltip are text made here: Vega's format() reads a missing value as 0,
# which would show an undefined helpfulness as 0.000.
TOOLTIP = [
    alt.Tooltip(f"{C.CONFIG}:N", title="config"),
    alt.Tooltip(f"{C.MODEL}:N"),
    alt.Tooltip(f"{C.SYSTEM_PROMPT}:N", title="system prompt"),
    alt.Tooltip("reasoning:N"),
    alt.Tooltip("temperature_shown:N", title="temperature"),
    alt.Tooltip("top_p_shown:N", title="top_p"),
    alt.Tooltip("helpfulness_shown:N", title="helpfulness [95% CI]"),
    alt.Tooltip("harmlessness_shown:N", title="harmlessness [95% CI]"),
    alt.Tooltip("p_front_shown:N", title="P(on front)"),
    alt.Tooltip("n:Q", title="n samples"),
    alt.Tooltip("basis_shown:N", title="figures"),
]
BASIS_SHOWN = {
    "corrected": "corrected for the judge's errors",
    "uncorrected": "as judged (uncorrected)",
}
AXES = ("helpfulness", "harmlessness")


def frontier_points(analyses: dict[str, Analysis], domain: str | None = None) -> pd.DataFrame:
    """One row per config and domain panel, ready to chart."""
    if domain is not None:
        if domain not in analyses:
            known = ", ".join(k for k in analyses if k != "overall") or "none"
            raise ValueError(f"no runs for domain {domain!r}; domains found: {known}")
        chosen = {domain: analyses[domain]}
    else:
        chosen = {k: v for k, v in analyses.items() if k != "overall"} or analyses
    frames = [a.points.assign(panel=name, basis=a.basis) for name, a in chosen.items()]
    # The figures as judged go beside the corrected ones; the chart toggles between them.
    frames += [
        a.uncorrected.points.assign(panel=name, basis=a.uncorrected.basis)
        for name, a in chosen.items()
        if a.uncorrected is not None
    ]
    points = pd.concat(frames, ignore_index=True)
    cot = points[C.COT].fillna(False).astype(bool)
    critique = points[C.CRITIQUE].fillna(False).astype(bool)
    points["reasoning"] = [
        "cot + critique" if a and b else "cot" if a else "critique" if b else "none"
        for a, b in zip(cot, critique, strict=True)
    ]
    return points


def frontier_chart(points: pd.DataFrame) -> alt.Chart | alt.LayerChart | alt.FacetChart:
    """Every config with 95% CI bars, the front as a line through ringed points, the ideal (1, 1).

    Colour is the system prompt, shape the reasoning setting; clicking a legend entry
    highlights that prompt's points. Faceted by domain when there are several panels.
    """
    prompt = alt.selection_point(fields=[C.SYSTEM_PROMPT], bind="legend")
    # Missing numbers go in as null, which Vega leaves undrawn, never as NaN (not JSON).
    base = alt.Chart(alt.Data(values=json_safe(_with_text(points))))  # type: ignore[no-untyped-call]
    bases = list(dict.fromkeys(points["basis"])) if "basis" in points else []
    toggle = None
    if len(bases) > 1:
        # Corrected and uncorrected figures, one shown at a time: a radio button picks.
        toggle = alt.param(
            name="basis",
            value=bases[0],
            bind=alt.binding_radio(
                options=bases, labels=[BASIS_SHOWN[b] for b in bases], name="figures: "
            ),
        )
        base = base.transform_filter(f"datum.basis == {toggle.name}")
    opacity = alt.condition(prompt, alt.value(1.0), alt.value(0.15))
    x_err = base.mark_rule(strokeWidth=1).encode(
        x="helpfulness_low:Q",
        x2="helpfulness_high:Q",
        y="harmlessness:Q",
        color=f"{C.SYSTEM_PROMPT}:N",
        opacity=opacity,
    )
    y_err = base.mark_rule(strokeWidth=1).encode(
        y="harmlessness_low:Q",
        y2="harmlessness_high:Q",
        x="helpfulness:Q",
        color=f"{C.SYSTEM_PROMPT}:N",
        opacity=opacity,
    )
    on_front = base.transform_filter(alt.datum.on_front)
    front = on_front.mark_line(color="black", strokeDash=[4, 3], point=False).encode(
        x=X, y=Y, order="helpfulness:Q"
    )
    # A ring on each front member: a front of one config draws no line, and must still show.
    rings = on_front.mark_point(shape="circle", size=320, color="black", strokeWidth=1.5).encode(
        x=X, y=Y
    )
    dots = (
        base.mark_point(filled=True, size=110)
        .encode(
            x=X,
            y=Y,
            color=alt.Color(f"{C.SYSTEM_PROMPT}:N", title="system prompt"),
            shape=alt.Shape("reasoning:N", title="reasoning"),
            opacity=opacity,
            tooltip=TOOLTIP,
        )
        .add_params(prompt)
    )
    ideal = base.mark_point(shape="diamond", size=160, color="gray", filled=True).encode(
        x=alt.datum(1.0), y=alt.datum(1.0), tooltip=alt.value("ideal point (1, 1)")
    )
    # The points come first: a layered chart's merged legend takes its properties from the
    # first layer using the channel, and only the layer holding the selection makes the
    # legend clickable (found by the browser test: with the bars first, clicks did nothing).
    layered = alt.layer(dots, x_err, y_err, front, rings, ideal).properties(width=320, height=320)
    several = points["panel"].nunique() > 1
    note = undrawn(points, several)
    chart: alt.LayerChart | alt.FacetChart
    if several:
        chart = layered.facet(column=alt.Column("panel:N", title="domain"))
        chart = chart.properties(title=alt.TitleParams(note)) if note else chart
    else:
        panel = str(points["panel"].iloc[0])
        chart = layered.properties(title=alt.TitleParams(panel, subtitle=note) if note else panel)
    return chart.add_params(toggle) if toggle is not None else chart


def undrawn(points: pd.DataFrame, with_panel: bool = False) -> str:
    """Which configs the chart cannot place, and why, or "" when every config is drawn."""
    # A config appears once per basis (corrected, as judged); name it once.
    keys = ["panel", C.CONFIG] if "panel" in points else [C.CONFIG]
    points = points.drop_duplicates(keys)
    gaps = points[[any(is_missing(row[a]) for a in AXES) for _, row in points.iterrows()]]
    if gaps.empty:
        return ""
    names = [
        f"{row['panel']}: {row[C.CONFIG]}" if with_panel else str(row[C.CONFIG])
        for _, row in gaps.iterrows()
    ]
    return (
        "not drawn, helpfulness or harmlessness undefined (helpfulness needs benign or "
        f"borderline scenarios): {'; '.join(names)}"
    )


def _with_text(points: pd.DataFrame) -> pd.DataFrame:
    """The points plus the tooltip's numbers as text, a dash where missing."""
    text = points.copy()
    for axis in AXES:
        text[f"{axis}_shown"] = [
            shown_interval(row[axis], row[f"{axis}_low"], row[f"{axis}_high"])
            for _, row in points.iterrows()
        ]
    text["p_front_shown"] = [shown(p, 2) for p in points["p_front"]]
    bases = points["basis"] if "basis" in points else pd.Series(["uncorrected"] * len(points))
    text["basis_shown"] = [BASIS_SHOWN.get(str(b), str(b)) for b in bases.tolist()]
    # Unset decoding settings mean the provider's default, not a missing measurement.
    for column in (C.TEMPERATURE, C.TOP_P):
        values = points[column] if column in points else pd.Series([None] * len(points))
        text[f"{column}_shown"] = [
            "default" if is_missing(v) else f"{float(v):g}" for v in values.tolist()
        ]
    return text
