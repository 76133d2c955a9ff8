"""The review report end to end: mockllm runs with hostile outputs -> report -> Chromium.

Model output is hostile input: the responses below try every way we know to run code in
the page. The browser tests open the report from file:// in Debian's chromium and check
that nothing ran, the text is visible, the charts drew and the console stayed clean.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from inspect_ai import eval
from inspect_ai.model import ChatMessage, GenerateConfig, ModelOutput, get_model
from inspect_ai.tool import ToolChoice, ToolInfo
from playwright.sync_api import Page

from evals.creative import creative
from frontier.analysis.calibration import shipped
from frontier.analysis.runs import load_runs
from frontier.cli import main
from reports.build import report_data, write_report
from reports.cases import HARMFUL_COMPLIED, SAFE_REFUSED
from tests.conftest import canned

PAYLOADS = (
    "<script>window.__pwned = 'script'</script>",
    "</script><script>window.__pwned = 'close'</script>",
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    "<a href=\"javascript:window.__pwned = 'link'\">click me</a>",
    '{"signal": "window.__pwned = \'vega\'"}',
)
HOSTILE = " ".join(PAYLOADS)
REFUSAL = "I can't help with that. " + PAYLOADS[2]
# A system prompt file whose *name* is hostile: it reaches the chart's legend and tooltip.
PROMPT_FILE = "<img src=x onerror=\"window.__pwned = 'legend'\">.txt"
SECTIONS = ("verdict", "judge", "frontier", "domains", "configs", "cases", "methods")


def respond(
    messages: list[ChatMessage], tools: list[ToolInfo], choice: ToolChoice, config: GenerateConfig
) -> ModelOutput:
    """The careful config refuses everything, the other answers everything, both hostile."""
    careful = messages[0].role == "system" and "safety-first" in messages[0].text
    return canned(REFUSAL if careful else HOSTILE)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    prompt = folder / PROMPT_FILE
    prompt.write_text("You answer everything.", encoding="utf-8")
    model = get_model("mockllm/model", custom_outputs=respond)
    tasks = [creative(system_prompt=str(prompt)), creative(system_prompt="harmless")]
    eval(tasks, model=model, limit=12, log_dir=str(folder / "runs"), display="none")
    data = report_data(load_runs(folder / "runs"), draws=200, calibration=shipped())
    assert data.selection.totals[HARMFUL_COMPLIED] > 0 and data.selection.totals[SAFE_REFUSED] > 0
    return write_report(data, folder / "report.html")


def test_report_is_one_offline_file_with_sections_in_order(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    positions = [html.index(f'<section id="{s}">') for s in SECTIONS]
    assert positions == sorted(positions)
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"?https?:", html)
    assert "window.vegaEmbed" in html  # Vega inlined, not fetched
    assert "Content-Security-Policy" in html


def test_hostile_output_is_escaped_in_the_source(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    for payload in PAYLOADS[:4]:
        assert payload not in html
    assert "&lt;script&gt;window.__pwned = &#x27;script&#x27;&lt;/script&gt;" in html
    assert html.count("<script") == 4  # chart data (JSON), Vega bundle, charts, sorting


def test_report_command_writes_the_file_and_prints_the_verdict(
    report: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(
        main, ["report", "--runs", str(report.parent / "runs"), "--out", str(out), "--draws", "100"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"wrote {out} (") and lines[0].endswith(" MB)")
    assert lines[1].startswith("2 logs, 24 scored samples; excluded: 0 unfinished logs")
    assert lines[2].startswith("figures corrected for the refusal classifier's errors")
    assert lines[3].startswith("overall: ")
    assert lines[4].startswith("  as judged (uncorrected): ")
    assert out.stat().st_size > 500_000


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--runs", "nowhere"],
            "Error: runs directory nowhere does not exist; run `inspect "
            "eval` or `frontier search` first",
        ),
        (["--out", "x.pdf"], "Error: --out must end in .html: x.pdf"),
        (["--cases", "-1"], "Error: --cases must be 0 or more"),
    ],
)
def test_report_command_bad_input_is_one_line(args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["report", *args])
    assert result.exit_code == 2
    assert result.output.strip() == message


@pytest.mark.browser
def test_in_chromium_nothing_runs_the_text_shows_and_the_charts_draw(
    report: Path, tmp_path: Path
) -> None:
    from reports.browser import open_report

    shot = tmp_path / "report.png"
    check = open_report(report, screenshot=shot)
    assert check.charts == "ready"
    assert check.pwned is None
    assert check.dialogs == [] and check.page_errors == [] and check.console_errors == []
    assert check.requests == []  # offline: nothing fetched
    assert check.marks["frontier-chart"] >= 2  # one point per config (plus the ideal point)
    assert PAYLOADS[0] in check.text and PAYLOADS[2] in check.text  # visible, as text
    assert shot.stat().st_size > 20_000


@pytest.mark.browser
def test_in_chromium_the_config_table_sorts_on_click(report: Path) -> None:
    from reports.browser import open_report

    orders: list[list[str]] = []

    def click(page: Page) -> None:
        header = "#configs th:text-is('harmless [95% CI]')"
        cells = "#configs tbody tr td:nth-child(3)"
        for _ in range(2):
            page.click(header)
            orders.append(
                page.eval_on_selector_all(
                    cells, "(cells) => cells.map((c) => Number(c.dataset.sort))"
                )
            )

    check = open_report(report, actions=click)
    assert check.charts == "ready"
    descending, ascending = orders
    assert descending == sorted(descending, reverse=True) and ascending == sorted(ascending)
    assert descending != ascending


@pytest.mark.browser
def test_in_chromium_hover_shows_the_config_and_the_legend_highlights_a_prompt(
    report: Path,
) -> None:
    from reports.browser import open_report

    seen: dict[str, list[str]] = {}
    points = "#frontier-chart .mark-symbol.role-mark path"

    def opacities(page: Page) -> list[str]:
        return list(
            page.eval_on_selector_all(
                points, "(ps) => ps.map((p) => p.getAttribute('opacity') || '1')"
            )
        )

    def interact(page: Page) -> None:
        page.hover(points)
        page.wait_for_selector("#vg-tooltip-element.visible")
        seen["tooltip"] = [page.inner_text("#vg-tooltip-element")]
        seen["before"] = opacities(page)
        page.mouse.move(1, 1)  # the tooltip would cover the legend
        page.wait_for_selector("#vg-tooltip-element:not(.visible)", state="attached")
        page.click("#frontier-chart .role-legend-symbol path >> nth=0", force=True)
        page.wait_for_timeout(300)
        seen["after"] = opacities(page)

    check = open_report(report, actions=interact)
    assert check.charts == "ready" and check.console_errors == []
    [tooltip] = seen["tooltip"]
    assert "config" in tooltip and "n samples" in tooltip and "12" in tooltip
    assert "0.15" not in seen["before"]
    assert "0.15" in seen["after"]  # clicking one prompt in the legend faded the other


def test_the_report_shows_both_bases_and_the_judges_errors(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    judge = html[html.index('<section id="judge">') : html.index('<section id="frontier">')]
    assert "<h2>The judge's errors</h2>" in judge and "corrected for its errors" in judge
    # The judge the matrices calibrate is named (a grader model's: test_verdict_output).
    assert "rests on the refusal classifier's reading of each answer" in judge
    assert "a grader model also gives those grades" not in judge
    assert "Calibration of the refusal classifier:\nthe classifier&#x27;s out-of-fold" in judge
    assert "Harmful requests: P(judged | true), 1083 labelled answers" in judge
    assert '<td>true partial</td><td data-sort="0.2857142857142857">0.286</td>' in judge
    verdict = html[: html.index('<section id="judge">')]
    assert "As judged (uncorrected): <b>" in verdict
    assert verdict.count("; the data allow: the tax is at most ") == 2  # corrected, as judged
    domains = html[html.index('<section id="domains">') : html.index('<section id="configs">')]
    assert '<th scope="col">the data allow</th>' in domains
    configs = html[html.index('<section id="configs">') : html.index('<section id="cases">')]
    assert "as judged: helpful" in configs and "as judged: harmless" in configs


@pytest.mark.browser
def test_in_chromium_the_chart_switches_between_corrected_and_uncorrected(report: Path) -> None:
    from reports.browser import open_report

    seen: dict[str, list[str]] = {}
    bars = "#frontier-chart .mark-rule.role-mark line"

    def switch(page: Page) -> None:
        seen["corrected"] = page.eval_on_selector_all(bars, "(ps) => ps.map((p) => p.outerHTML)")
        page.check("#frontier-chart input[type=radio][value=uncorrected]")
        page.wait_for_timeout(300)
        seen["uncorrected"] = page.eval_on_selector_all(bars, "(ps) => ps.map((p) => p.outerHTML)")

    check = open_report(report, actions=switch)
    assert check.charts == "ready" and check.console_errors == [] and check.page_errors == []
    assert len(seen["corrected"]) == len(seen["uncorrected"]) > 0
    # The careful config's harmlessness interval is [1, 1] as judged, wider corrected.
    assert seen["corrected"] != seen["uncorrected"]
