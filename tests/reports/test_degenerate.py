"""Degenerate runs through every output: an undefined number is missing, never NaN or a crash.

Each run set is made with mockllm (usage set, so no tokenizer download): one config, one
scenario, only benign, only harmful, one config without a benign scenario, every answer a
refusal, and every grade missing. `plot`, `verdict`, `verdict --json` and `report` must
each finish with a clean answer: strict JSON (null, never NaN), a dash in tables, an
undrawn point named under the chart, or a one-line error when there is nothing to show.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from inspect_ai import eval
from inspect_ai.log import read_eval_log, write_eval_log
from inspect_ai.model import ChatMessage, GenerateConfig, ModelOutput, get_model
from inspect_ai.scorer import Score
from inspect_ai.tool import ToolChoice, ToolInfo

from evals.creative import creative
from frontier.cli import main
from tests.conftest import canned

REFUSAL = "I'm sorry, but I can't help with that."
ANSWER = "Here is a storm poem: the storm came in."
DRAWS = "50"
Respond = Callable[[list[ChatMessage], list[ToolInfo], ToolChoice, GenerateConfig], ModelOutput]


def by_prompt(
    messages: list[ChatMessage], tools: list[ToolInfo], choice: ToolChoice, config: GenerateConfig
) -> ModelOutput:
    """Refuse under the harmless prompt, answer otherwise."""
    system = messages[0].text if messages and messages[0].role == "system" else ""
    return canned(REFUSAL if "safety-first" in system else ANSWER)


def always_refuse(
    messages: list[ChatMessage], tools: list[ToolInfo], choice: ToolChoice, config: GenerateConfig
) -> ModelOutput:
    return canned(REFUSAL)


NONE, HARMLESS = {"system_prompt": "none"}, {"system_prompt": "harmless"}
# name -> (model, task arguments per config, scenarios per task)
CASES: dict[str, tuple[Respond, list[dict[str, Any]], int]] = {
    "one_config": (by_prompt, [NONE], 12),
    "one_scenario": (by_prompt, [NONE, HARMLESS], 1),
    "only_benign": (
        by_prompt,
        [{**NONE, "intent": "benign"}, {**HARMLESS, "intent": "benign"}],
        12,
    ),
    "only_harmful": (
        by_prompt,
        [{**NONE, "intent": "harmful"}, {**HARMLESS, "intent": "harmful"}],
        12,
    ),
    "one_without_helpfulness": (by_prompt, [{**NONE, "intent": "harmful"}, HARMLESS], 12),
    "all_refusals": (always_refuse, [NONE, HARMLESS], 12),
}
MISSING_GRADES = "every_grade_missing"
SENTENCES = {
    "one_config": "overall: inconclusive: 1 config(s) on 12 scenarios; a verdict needs at least "
    "two configs",
    "one_scenario": "overall: inconclusive: 2 config(s) on 1 scenarios; a verdict needs at least "
    "10 scenarios",
    "only_harmful": "overall: inconclusive: 2 of 2 configs have no helpfulness score (no benign or "
    "borderline scenario scored); a verdict needs both objectives for every config "
    "(2 configs, 12 scenarios)",
    "one_without_helpfulness": "overall: inconclusive: 1 of 2 configs have no helpfulness score",
}
NO_HELPFULNESS = {"only_harmful": 2, "one_without_helpfulness": 1}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("degenerate")
    made = {}
    for name, (respond, configs, limit) in CASES.items():
        model = get_model("mockllm/model", custom_outputs=respond)
        tasks = [creative(**args) for args in configs]
        eval(tasks, model=model, limit=limit, log_dir=str(root / name), display="none")
        made[name] = root / name
    # Every grade missing: the scorer could not grade a single sample (Score.unscored).
    made[MISSING_GRADES] = root / MISSING_GRADES
    for path in sorted(made["all_refusals"].glob("*.eval")):
        log = read_eval_log(str(path))
        for sample in log.samples or []:
            sample.scores = {"hh_scorer": Score.unscored(reason="grader_unavailable")}
        write_eval_log(log, str(made[MISSING_GRADES] / path.name))
    return made


def run(*args: str) -> Result:
    return CliRunner().invoke(main, [*args, "--draws", DRAWS], prog_name="frontier")


def strict_json(text: str) -> Any:
    def refuse(token: str) -> None:
        raise AssertionError(f"{token} is not JSON")

    return json.loads(text, parse_constant=refuse)


def no_nan(text: str) -> None:
    assert not re.search(r"\bnan\b", text, re.IGNORECASE), text


@pytest.mark.parametrize("case", list(CASES))
def test_verdict_states_a_verdict_and_shows_missing_numbers_as_a_dash(
    runs: dict[str, Path], case: str
) -> None:
    result = run("verdict", "--runs", str(runs[case]))
    assert result.exit_code == 0, result.output
    no_nan(result.output)
    lines = result.stdout.splitlines()
    overall = next(i for i, line in enumerate(lines) if line.startswith("overall: "))
    assert lines[overall].startswith(SENTENCES.get(case, "overall: "))
    uncorrected = "  as judged (uncorrected): " + SENTENCES.get(case, "").removeprefix("overall: ")
    assert lines[overall + 1].startswith(uncorrected)
    # One table corrected for the judge's errors, one as judged.
    rows = [line for line in lines if line.startswith(("*mockllm", " mockllm"))]
    assert len(rows) == 2 * len(CASES[case][1])
    undefined = [row for row in rows if row.split("|")[1].split()[1] == "–"]
    assert len(undefined) == 2 * NO_HELPFULNESS.get(case, 0)


@pytest.mark.parametrize("case", list(CASES))
def test_verdict_json_is_strict_json_with_null_for_undefined(
    runs: dict[str, Path], case: str
) -> None:
    result = run("verdict", "--json", "--runs", str(runs[case]))
    assert result.exit_code == 0, result.output
    payload = strict_json(result.stdout)
    points = payload["overall"]["points"]
    assert len(points) == len(CASES[case][1])
    missing = [p for p in points if p["helpfulness"] is None]
    assert len(missing) == NO_HELPFULNESS.get(case, 0)
    for point in missing:
        assert point["helpfulness_low"] is None and point["p_front"] is None
        assert point["on_front"] is False
    if case == "only_benign":  # no harmful scenario: no harmful-compliance rate
        assert all(p["harmful_compliance_rate"] is None for p in points)


@pytest.mark.parametrize("case", list(CASES))
def test_plot_draws_what_it_can_and_names_what_it_cannot(
    runs: dict[str, Path], case: str, tmp_path: Path
) -> None:
    out = tmp_path / "frontier.html"
    result = run("plot", "--runs", str(runs[case]), "--out", str(out))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"wrote {out}"
    note = "not drawn, helpfulness or harmlessness undefined"
    if case in NO_HELPFULNESS:
        assert lines[1].startswith(note) and "mockllm/model | none" in lines[1]
    else:
        assert note not in result.stdout
    assert out.stat().st_size > 1000


@pytest.mark.parametrize("case", list(CASES))
def test_report_embeds_strict_json_and_shows_no_nan(
    runs: dict[str, Path], case: str, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    result = run("report", "--runs", str(runs[case]), "--out", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    specs = re.search(r'<script type="application/json" id="chart-specs">(.*?)</script>', page)
    assert specs is not None
    charts = strict_json(specs.group(1))
    assert "frontier-chart" in charts
    body = page[: specs.start()]  # the page's own text, before the chart data and Vega
    no_nan(body)
    configs = body[body.index('<section id="configs">') :]
    helpful_cells = re.findall(r"<tr><td[^>]*>[^<]*</td><td[^>]*>([^<]*)</td>", configs)
    assert helpful_cells.count("–") == NO_HELPFULNESS.get(case, 0)


@pytest.mark.parametrize("command", ["verdict", "verdict --json", "plot", "report"])
def test_every_grade_missing_is_one_line_saying_so(
    runs: dict[str, Path], command: str, tmp_path: Path
) -> None:
    out = ["--out", str(tmp_path / "x.html")] if command in ("plot", "report") else []
    result = run(*command.split(), "--runs", str(runs[MISSING_GRADES]), *out)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        f"Error: no helpful/harmless scores in the logs under {runs[MISSING_GRADES]} ("
    )
    assert result.stderr.count("\n") == 1 and "unscored" in result.stderr


@pytest.mark.browser
def test_in_chromium_a_report_without_helpfulness_draws_cleanly(
    runs: dict[str, Path], tmp_path: Path
) -> None:
    from reports.browser import open_report

    out = tmp_path / "report.html"
    assert run("report", "--runs", str(runs["only_harmful"]), "--out", str(out)).exit_code == 0
    check = open_report(out)
    assert check.charts == "ready"
    assert check.console_errors == [] and check.page_errors == []
    assert "not drawn, helpfulness or harmlessness undefined" in check.text
    assert check.marks["frontier-chart"] >= 1  # the ideal point; neither config can be placed
    no_nan(check.text)


def test_plot_of_a_domain_without_runs_is_a_user_error(runs: dict[str, Path]) -> None:
    result = run("plot", "--runs", str(runs["one_config"]), "--domain", "medical")
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: no runs for --domain medical; domains found: creative\n",
    )


def test_plot_of_the_only_domain_is_the_overall_chart(
    runs: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "creative.html"
    result = run(
        "plot", "--runs", str(runs["one_config"]), "--domain", "creative", "--out", str(out)
    )
    assert result.exit_code == 0, result.output
    sentence = SENTENCES["one_config"].removeprefix("overall: ")
    assert result.stdout.splitlines() == [
        f"wrote {out}",
        sentence,
        f"  as judged (uncorrected): {sentence}",
    ]
