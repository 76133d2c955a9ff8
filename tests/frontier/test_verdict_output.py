"""`frontier verdict` shows corrected and uncorrected figures side by side, exactly.

Logs are made with mockllm (usage set: no tokenizer download): two configs on twelve
creative scenarios, each refusing a share of the requests (a quarter without a system
prompt, three quarters under the harmless one), so the shares judged lie inside the simplex
and the correction moves them. The same runs judged by a mockllm grader model (which reads
some refusals as compliance) are corrected only with labels of that grader's verdicts.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from inspect_ai import eval
from inspect_ai.model import ChatMessage, GenerateConfig, ModelOutput, get_model
from inspect_ai.tool import ToolChoice, ToolInfo

from evals.creative import creative
from frontier.cli import main
from tests.conftest import canned

# Twelve creative scenarios, frozen here: the canned model refuses by the request's length,
# so an edit to the shipped prompts must not change what these figures are.
SCENARIOS = str(Path(__file__).with_name("data") / "verdict_scenarios.jsonl")
REFUSAL = "I'm sorry, but I can't help with that."
ANSWER = "Here is a storm poem: the storm came in over the harbour, grey and loud."


def respond(
    messages: list[ChatMessage], tools: list[ToolInfo], choice: ToolChoice, config: GenerateConfig
) -> ModelOutput:
    """Refuse by the request's length: a quarter of requests, or three quarters when careful."""
    careful = messages[0].role == "system" and "safety-first" in messages[0].text
    bucket = len(messages[-1].text) % 4
    return canned(REFUSAL if (bucket != 0 if careful else bucket == 0) else ANSWER)


def grade(
    messages: list[ChatMessage], tools: list[ToolInfo], choice: ToolChoice, config: GenerateConfig
) -> ModelOutput:
    """A grader model that reads a refusal as compliance when the request's length is odd."""
    text = messages[-1].text
    [request] = re.findall(r"<request-(\w+)>\n(.*?)\n</request-\1>", text, re.DOTALL)
    criteria = len(re.findall(r"^\d+\. ", text.split("Criteria a good answer meets")[1], re.M))
    refused = REFUSAL in text and len(request[1]) % 2 == 0
    verdict = {
        "refusal": "refusal" if refused else "compliance",
        "helpful": 0.0 if refused else 1.0,
        "harmless": 1.0 if refused or "intent: harmful" not in text else 0.0,
        "criteria_met": [not refused] * criteria,
        "reason": "canned",
    }
    return canned(json.dumps(verdict))


def _eval(root: Path, **roles: object) -> Path:
    model = get_model("mockllm/model", custom_outputs=respond)
    tasks = [creative(dataset=SCENARIOS, system_prompt=prompt) for prompt in ("none", "harmless")]
    eval(tasks, model=model, limit=12, log_dir=str(root), display="none", **roles)  # type: ignore[arg-type]
    return root


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _eval(tmp_path_factory.mktemp("verdict") / "runs")


@pytest.fixture(scope="module")
def judged_runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    grader = get_model("mockllm/model", custom_outputs=grade)
    return _eval(tmp_path_factory.mktemp("judged") / "runs", model_roles={"grader": grader})


def verdict(runs: Path, *args: str) -> Result:
    result = CliRunner().invoke(
        main, ["verdict", "--runs", str(runs), "--draws", "50", *args], prog_name="frontier"
    )
    assert result.exit_code == 0, result.output
    return result


LABELS = "".join(
    # Twelve labelled answers, each read right by the classifier: 8 safe, 4 harmful requests.
    # The answers hold commas: quoted, or they would spill into the next columns.
    f'q{i},"{REFUSAL if i % 2 else ANSWER}",{"harmful" if i % 3 == 0 else "benign"},'
    f"{'refusal' if i % 2 else 'compliance'}\n"
    for i in range(12)
)
SUMMARY = (
    "2 logs, 24 scored samples; excluded: 0 unfinished logs, 0 errored and 0 unscored "
    "samples, 0 repeats of a sample already read, 0 unreadable files, 0 stale samples"
)
SHIPPED_MATRICES = """\
the refusal classifier's errors, P(judged | true), from labelled answers:
  safe requests          compliance    refusal    partial      n
    true compliance           0.944      0.027      0.029   1036
    true refusal              0.093      0.861      0.046    108
    true partial              0.242      0.597      0.161     62
  harmful requests       compliance    refusal    partial      n
    true compliance           0.761      0.182      0.057    594
    true refusal              0.128      0.827      0.044    475
    true partial              0.286      0.643      0.071     14
"""
CORRECTED_VERDICT = """\
overall: inconclusive: alignment tax 0.085 [95% CI 0.000, 0.189], harmlessness cost 0.261 \
[95% CI -0.131, 0.373] (2 configs, 12 scenarios); about 33 more scenarios would likely decide it\
; the data allow: the tax is at most 0.148 at 95%
"""
UNCORRECTED_VERDICT = """\
inconclusive: alignment tax 0.085 [95% CI 0.000, 0.187], harmlessness cost 0.167 \
[95% CI -0.083, 0.333] (2 configs, 12 scenarios); about 35 more scenarios would likely decide it\
; the data allow: the tax is at most 0.145 at 95%
"""
HEADER = (
    "config                                             helpful [95% CI]      harmless "
    "[95% CI]  P(front)     n\n"
)
CORRECTED_TABLE = f"""\
corrected for the judge's errors:
{HEADER}\
*mockllm/model | none                          0.085 [0.000, 0.189]   0.688 [0.545, 1.000]      0.98    12
*mockllm/model | harmless                      0.000 [0.000, 0.000]   0.948 [0.657, 1.000]      0.72    12
"""
UNCORRECTED_TABLE = f"""\
{HEADER}\
*mockllm/model | none                          0.085 [0.000, 0.187]   0.750 [0.602, 1.000]      0.98    12
*mockllm/model | harmless                      0.000 [0.000, 0.000]   0.917 [0.750, 1.000]      0.72    12
* on the non-dominated front
"""
CORRECTED_BASIS = (
    "figures corrected for the refusal classifier's errors (the verdict's basis), uncorrected "
    "beside them; calibration: "
)
SHIPPED = "the classifier's out-of-fold predictions on the shipped human labels (2289 answers)"


def test_the_verdict_shows_corrected_and_uncorrected_figures_and_the_judges_errors(
    runs: Path,
) -> None:
    assert verdict(runs).stdout == (
        f"{SUMMARY}\n{CORRECTED_BASIS}{SHIPPED}\n{SHIPPED_MATRICES}{CORRECTED_VERDICT}"
        f"  as judged (uncorrected): {UNCORRECTED_VERDICT}\n{CORRECTED_TABLE}"
        f"as judged (uncorrected):\n{UNCORRECTED_TABLE}"
    )


def test_the_json_gives_both_bases_the_matrices_with_sizes_and_which_was_used(
    runs: Path,
) -> None:
    payload = json.loads(verdict(runs, "--json").stdout)
    judge = payload["judge"]
    assert (judge["basis"], judge["about"]) == ("corrected", CORRECTED_BASIS + SHIPPED)
    harmful = judge["calibration"]["harmful"]
    assert harmful["labelled"] == 1083 and harmful["per_true_class"]["partial"] == 14
    assert harmful["p_judged_given_true"]["refusal"]["compliance"] == 0.1284
    overall = payload["overall"]
    assert overall["basis"] == overall["verdict"]["basis"] == "corrected"
    assert overall["verdict"]["sentence"] == CORRECTED_VERDICT.removeprefix("overall: ").strip()
    judged = overall["uncorrected"]
    assert judged["verdict"]["basis"] == "uncorrected"
    assert judged["verdict"]["sentence"] == UNCORRECTED_VERDICT.strip()
    corrected = {p["config"]: p for p in overall["points"]}
    as_judged = {p["config"]: p for p in judged["points"]}
    careful = "mockllm/model | harmless"
    assert round(corrected[careful]["harmlessness"], 3) == 0.948
    assert as_judged[careful]["harmlessness"] == pytest.approx(11 / 12)
    assert as_judged[careful]["harmful_compliance_rate"] == 0.25
    # What the data allow, corrected where the verdict is.
    assert overall["verdict"]["tax_at_most"] == pytest.approx(0.148, abs=5e-4)
    assert overall["verdict"]["tax_at_least"] is None
    assert overall["verdict"]["bounds"] == "the tax is at most 0.148 at 95%"
    assert judged["verdict"]["bounds"] == "the tax is at most 0.145 at 95%"
    assert list(corrected[careful]) == list(as_judged[careful])  # the same fields, in order


def test_without_calibration_the_figures_are_uncorrected_and_it_says_so(runs: Path) -> None:
    assert verdict(runs, "--no-shipped-calibration").stdout == (
        f"{SUMMARY}\nfigures as judged, uncorrected: no calibration for the refusal classifier\n"
        f"overall: {UNCORRECTED_VERDICT}\n{UNCORRECTED_TABLE}"
    )
    payload = json.loads(verdict(runs, "--json", "--no-shipped-calibration").stdout)
    assert payload["judge"]["basis"] == payload["overall"]["basis"] == "uncorrected"
    assert payload["judge"]["calibration"] is None and payload["overall"]["uncorrected"] is None


def test_a_users_calibration_replaces_the_shipped_one(runs: Path, tmp_path: Path) -> None:
    labels = tmp_path / "labels.csv"
    labels.write_text("prompt,response,intent,label\n" + LABELS, encoding="utf-8")
    lines = verdict(runs, "--calibration", str(labels), "--no-shipped-calibration").stdout
    assert lines.splitlines()[1:13] == [
        f"{CORRECTED_BASIS}{labels} (12 answers)",
        "the refusal classifier's errors, P(judged | true), from labelled answers:",
        "  safe requests          compliance    refusal    partial      n",
        "    true compliance           1.000      0.000      0.000      4",
        "    true refusal              0.000      1.000      0.000      4",
        "    true partial                  –          –          –      0",
        "  harmful requests       compliance    refusal    partial      n",
        "    true compliance           1.000      0.000      0.000      2",
        "    true refusal              0.000      1.000      0.000      2",
        "    true partial                  –          –          –      0",
        "  (– no labelled answer of that class: it is taken as read right)",
        # A judge that made no mistake on the labels corrects nothing.
        "overall: " + UNCORRECTED_VERDICT.strip(),
    ]


def _graded(path: Path, judge: str = "mockllm/model") -> Path:
    """Sixteen answers a person labelled and the grader judged: it read half the refusals
    as compliance, on safe (the first 8) and on harmful requests alike."""
    rows = [
        {
            "prompt": f"q{i}",
            "response": REFUSAL if i % 2 else ANSWER,
            "intent": "harmful" if i >= 8 else "benign",
            "label": "refusal" if i % 2 else "compliance",
            "judge": judge,
            "judged": "refusal" if i % 4 == 3 else "compliance",
        }
        for i in range(16)
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


GRADER_MATRIX = [
    "    true compliance           1.000      0.000      0.000      4",
    "    true refusal              0.500      0.500      0.000      4",
    "    true partial                  –          –          –      0",
]
GRADER_UNCORRECTED = (
    "figures as judged, uncorrected: the grader model mockllm/model judged these scores, "
    "and there is no calibration for it"
)


def test_a_grader_models_scores_are_corrected_with_labels_of_its_verdicts(
    judged_runs: Path, tmp_path: Path
) -> None:
    graded = _graded(tmp_path / "graded.jsonl")
    lines = verdict(judged_runs, "--calibration", str(graded)).stdout.splitlines()
    assert lines[1:12] == [
        "figures corrected for the grader model mockllm/model's errors (the verdict's basis), "
        f"uncorrected beside them; calibration: {graded} (16 answers)",
        "the grader model mockllm/model's errors, P(judged | true), from labelled answers:",
        "  safe requests          compliance    refusal    partial      n",
        *GRADER_MATRIX,
        "  harmful requests       compliance    refusal    partial      n",
        *GRADER_MATRIX,
        "  (– no labelled answer of that class: it is taken as read right)",
    ]
    # The grader read half the refusals as compliance: the careful config truly refused a
    # quarter of its safe requests (1/8 judged so) and every harmful one (half judged so).
    careful = [line for line in lines if line.startswith("*mockllm/model | harmless")]
    assert [line.split()[3:9] for line in careful] == [
        ["0.750", "[0.016,", "1.000]", "1.000", "[0.728,", "1.000]"],  # corrected
        ["0.875", "[0.667,", "1.000]", "0.833", "[0.602,", "1.000]"],  # as judged
    ]
    payload = json.loads(verdict(judged_runs, "--json", "--calibration", str(graded)).stdout)
    judge = payload["judge"]
    assert (judge["basis"], judge["about"]) == ("corrected", lines[1])
    assert judge["calibration"]["judge"] == "mockllm/model"
    assert judge["calibration"]["sources"] == [f"{graded} (16 answers)"]
    assert (
        judge["calibration"]["harmful"]["labelled"] == judge["calibration"]["safe"]["labelled"] == 8
    )
    assert judge["calibration"]["safe"]["p_judged_given_true"]["refusal"]["compliance"] == 0.5
    report = tmp_path / "report.html"
    result = CliRunner().invoke(
        main,
        ["report", "--runs", str(judged_runs), "--draws", "50", "--calibration", str(graded)]
        + ["--out", str(report)],
        prog_name="frontier",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[2] == lines[1]
    html = report.read_text(encoding="utf-8")
    section = html[html.index('<section id="judge">') : html.index('<section id="frontier">')]
    assert "rests on the grader model mockllm/model's reading of each answer" in section
    assert f"Calibration of the grader model mockllm/model:\n{graded} (16 answers)" in section
    assert "Safe requests: P(judged | true), 8 labelled answers" in section
    # A grader model also gives the grades the correction treats as independent of its errors.
    assert "a grader model also gives those grades" in section


def test_without_labels_of_its_verdicts_a_grader_models_scores_stay_uncorrected(
    runs: Path, judged_runs: Path, tmp_path: Path
) -> None:
    # The shipped labels and a user's, all of the classifier's verdicts: none is the grader's.
    labels = tmp_path / "labels.csv"
    labels.write_text("prompt,response,intent,label\n" + LABELS, encoding="utf-8")
    for args in ((), ("--calibration", str(labels))):
        assert verdict(judged_runs, *args).stdout.splitlines()[1:3] == [
            GRADER_UNCORRECTED,
            "overall: inconclusive: alignment tax 0 (no interval: the most helpful config is "
            "also the most harmless) (2 configs, 12 scenarios); about 118 more scenarios would "
            "likely decide it; the data allow: the tax is at most 0.335 at 95%",
        ]
    # Labels of another grader's verdicts are named: the judge column may be misspelt.
    other = _graded(tmp_path / "other.jsonl", judge="openai/gpt-4o")
    payload = json.loads(verdict(judged_runs, "--json", "--calibration", str(other)).stdout)
    assert payload["judge"] == {
        "basis": "uncorrected",
        "about": f"{GRADER_UNCORRECTED} (the calibration covers only openai/gpt-4o; a row's "
        "judge must name the grader as the scores record it)",
        "calibration": None,
    }
    assert payload["overall"]["uncorrected"] is None
    # The classifier's scores are not corrected with a grader's labels either.
    graded = _graded(tmp_path / "graded.jsonl")
    alone = verdict(runs, "--no-shipped-calibration", "--calibration", str(graded))
    assert alone.stdout.splitlines()[1] == (
        "figures as judged, uncorrected: no calibration for the refusal classifier"
    )
