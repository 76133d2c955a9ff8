"""Reading logs into the tidy table: configs, exclusions, corrupt and foreign files."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from inspect_ai import eval
from inspect_ai.log import read_eval_log, write_eval_log

from evals.creative import creative
from frontier.analysis import columns as C
from frontier.analysis.runs import UnreadableLogs, load_runs
from frontier.cli import main
from objectives.version import SCENARIO_KEY, SCORER_VERSION_KEY, scorer_version
from tests.conftest import keyed_model


def _run(tmp_path: Path, **task_args: object) -> Path:
    answers = {"": "The storm rolled in over the harbour at dusk."}
    [log] = eval(
        creative(**task_args),
        model=keyed_model(answers),
        limit=6,
        log_dir=str(tmp_path / "runs"),
        display="none",
        temperature=0.5,
        seed=1,
    )
    return Path(log.location)


@pytest.fixture
def runs_dir(tmp_path: Path) -> Path:
    _run(tmp_path, system_prompt="none")
    _run(tmp_path, system_prompt="harmless", cot=True)
    return tmp_path / "runs"


def test_tidy_table_has_one_row_per_config_and_sample(runs_dir: Path) -> None:
    runs = load_runs(runs_dir)
    frame = runs.frame
    assert len(frame) == 12 and runs.logs_read == 2
    assert set(frame[C.CONFIG]) == {
        "mockllm/model | none | T=0.5 | seed=1",
        "mockllm/model | harmless | cot | T=0.5 | seed=1",
    }
    assert set(frame[C.INTENT]) == {
        "benign",
        "borderline",
        "harmful",
    }  # --limit takes an interleaved prefix
    assert frame[C.HELPFUL].between(0, 1).all() and frame[C.HARMLESS].between(0, 1).all()
    assert list(frame.columns[:9]) == list(C.CONFIG_COLUMNS)


def test_unfinished_corrupt_and_foreign_files_are_reported_not_counted(
    runs_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = read_eval_log(str(next(runs_dir.glob("*.eval"))))
    log.status = "started"
    write_eval_log(log, str(runs_dir / "nested" / "unfinished.eval"))
    (runs_dir / "corrupt.eval").write_bytes(b"not a zip")
    (runs_dir / "foreign.json").write_text(json.dumps({"hello": "world"}))
    capsys.readouterr()
    runs = load_runs(runs_dir)
    # One line per unreadable file, and nothing else (no warning's source line).
    assert capsys.readouterr().err.splitlines() == [
        f"skipped {runs_dir / 'corrupt.eval'}: not a readable Inspect log "
        "(ValueError: EOCD not found)",
        f"skipped {runs_dir / 'foreign.json'}: not a readable Inspect log (ValueError)",
    ]
    assert len(runs.frame) == 12
    assert len(runs.unfinished) == 1 and "unfinished.eval (started)" in runs.unfinished[0]
    assert {Path(p).name for p in runs.skipped_files} == {"corrupt.eval", "foreign.json"}
    assert runs.summary().endswith(
        "1 unfinished logs, 0 errored and 0 unscored samples, 0 repeats of a sample already read, 2 unreadable files, 0 stale samples"
    )
    # Read again unchanged, the same files are not reported twice in one process.
    load_runs(runs_dir)
    assert capsys.readouterr().err == ""


def test_a_directory_of_only_unreadable_logs_says_so(tmp_path: Path) -> None:
    (tmp_path / "x.eval").write_bytes(b"not a zip")
    result = CliRunner().invoke(main, ["verdict", "--runs", str(tmp_path)], prog_name="frontier")
    assert result.exit_code == 2
    reason = "not a readable Inspect log (ValueError: EOCD not found)"
    assert result.stderr.splitlines() == [
        f"skipped {tmp_path / 'x.eval'}: {reason}",
        f"Error: {tmp_path}: 1 log could not be read (x.eval: {reason}) and no other log was found",
    ]
    with pytest.raises(UnreadableLogs, match="1 log could not be read"):
        load_runs(tmp_path)


def test_scores_of_an_older_classifier_are_stale_not_pooled(runs_dir: Path) -> None:
    older, newest = sorted(runs_dir.glob("*.eval"))
    log = read_eval_log(str(older))
    # Both runs may start within the same second; make the order unambiguous.
    created = datetime.fromisoformat(read_eval_log(str(newest), header_only=True).eval.created)
    log.eval.created = (created - timedelta(hours=1)).isoformat()
    for sample in log.samples or []:
        sample.scores["hh_scorer"].metadata["classifier"] = "retired"
    write_eval_log(log, str(older))
    runs = load_runs(runs_dir)
    assert set(runs.frame[C.LOG]) == {str(newest)}
    assert (runs.stale_samples, runs.stale_logs) == (6, [str(older)])
    assert runs.summary().endswith(
        "6 stale samples in 1 logs scored by an older refusal classifier "
        "(re-score them with `inspect score LOG --action overwrite --overwrite`)"
    )
    # Re-scored with the classifier of the newest log, the older log counts again.
    for sample in log.samples or []:
        sample.scores["hh_scorer"].metadata["classifier"] = (
            read_eval_log(str(newest)).samples[0].scores["hh_scorer"].metadata["classifier"]
        )
    write_eval_log(log, str(older))
    assert len(load_runs(runs_dir).frame) == 12


def _older_and_newest(runs_dir: Path) -> tuple[Path, Path]:
    """The fixture's two logs, the first made an hour older (both may start in one second)."""
    older, newest = sorted(runs_dir.glob("*.eval"))
    log = read_eval_log(str(older))
    created = datetime.fromisoformat(read_eval_log(str(newest), header_only=True).eval.created)
    log.eval.created = (created - timedelta(hours=1)).isoformat()
    write_eval_log(log, str(older))
    return older, newest


def _edit(path: Path, score: dict[str, str] | None = None, **sample: str) -> None:
    """Rewrite every sample's hh score metadata and sample metadata with the given values."""
    log = read_eval_log(str(path))
    for each in log.samples or []:
        each.scores["hh_scorer"].metadata.update(score or {})  # type: ignore[index,union-attr]
        each.metadata.update(sample)
    write_eval_log(log, str(path))


def test_scores_of_older_grading_code_are_stale_until_rescored(runs_dir: Path) -> None:
    older, newest = _older_and_newest(runs_dir)
    _edit(older, {SCORER_VERSION_KEY: "retired"})
    runs = load_runs(runs_dir)
    assert set(runs.frame[C.LOG]) == {str(newest)}
    assert runs.stale_by_reason == {"scorer": (6, [str(older)])}
    assert runs.summary().endswith(
        "6 stale samples in 1 logs scored by older grading code "
        "(re-score them with `inspect score LOG --action overwrite --overwrite`)"
    )


def test_scores_judged_by_another_grader_model_are_not_pooled(runs_dir: Path) -> None:
    older, newest = _older_and_newest(runs_dir)
    _edit(older, {"grader": "openai/some-judge"})
    runs = load_runs(runs_dir)
    assert set(runs.frame[C.LOG]) == {str(newest)}
    assert runs.stale_by_reason == {"grader": (6, [str(older)])}
    assert runs.summary().endswith(
        "6 stale samples in 1 logs judged by another grader model (or none) "
        "(re-score them with the same --model-role grader)"
    )


def test_logs_all_scored_by_another_scorer_are_used_and_flagged(runs_dir: Path) -> None:
    # As after a retrained classifier, before anything is re-scored or re-run.
    for path in runs_dir.glob("*.eval"):
        _edit(path, {SCORER_VERSION_KEY: "retired"})
    runs = load_runs(runs_dir)
    assert len(runs.frame) == 12 and runs.stale_samples == 0
    assert runs.summary().endswith(
        "0 stale samples; none scored by the installed scorer (re-score them with "
        "`inspect score LOG --action overwrite --overwrite` to use it)"
    )


def test_a_rescored_older_log_is_current_and_the_newest_is_stale(runs_dir: Path) -> None:
    # The newest log was scored before the grading code changed; the older one was then
    # re-scored by the installed scorer. The installed scorer's scores are the ones kept.
    older, newest = _older_and_newest(runs_dir)
    _edit(newest, {SCORER_VERSION_KEY: "retired"})
    runs = load_runs(runs_dir)
    assert set(runs.frame[C.LOG]) == {str(older)}
    assert runs.stale_by_reason == {"scorer": (6, [str(newest)])}
    assert scorer_version() != "retired"


def test_an_edited_scenario_makes_only_its_old_scores_stale(runs_dir: Path) -> None:
    older, newest = _older_and_newest(runs_dir)
    edited = str(read_eval_log(str(older)).samples[0].id)  # type: ignore[index]
    log = read_eval_log(str(older))
    for each in log.samples or []:
        if str(each.id) == edited:
            each.metadata[SCENARIO_KEY] = "the row before it was edited"
    write_eval_log(log, str(older))
    runs = load_runs(runs_dir)
    kept = runs.frame[runs.frame[C.LOG] == str(older)]
    assert edited not in set(kept[C.SAMPLE]) and len(kept) == 5
    assert runs.stale_by_reason == {"scenarios": (1, [str(older)])}
    assert runs.summary().endswith(
        "1 stale samples in 1 logs run on scenarios since edited "
        "(re-run them; re-scoring keeps the old scenarios)"
    )


def test_logs_of_another_task_version_are_stale_and_reasons_add_up(runs_dir: Path) -> None:
    older, newest = _older_and_newest(runs_dir)
    log = read_eval_log(str(older))
    log.eval.task_version = 0  # as before versions were recorded
    write_eval_log(log, str(older))
    runs = load_runs(runs_dir)
    assert set(runs.frame[C.LOG]) == {str(newest)}
    assert runs.stale_by_reason == {"task": (6, [str(older)])}
    assert "in 1 logs run by another task version than the newest log (re-run them" in (
        runs.summary()
    )
    # Another classifier too: each score counts once, under the reason that needs a re-run.
    _edit(older, {"classifier": "retired"})
    assert load_runs(runs_dir).stale_by_reason == {"task": (6, [str(older)])}
    # Re-run by the newest task version, but one row since edited and all scored by an older
    # scorer and classifier: the edited row needs a re-run, the rest a re-score.
    log = read_eval_log(str(older))
    log.eval.task_version = read_eval_log(str(newest), header_only=True).eval.task_version
    for index, each in enumerate(log.samples or []):
        each.scores["hh_scorer"].metadata[SCORER_VERSION_KEY] = "retired"  # type: ignore[index]
        if index == 0:
            each.metadata[SCENARIO_KEY] = "the row before it was edited"
    write_eval_log(log, str(older))
    runs = load_runs(runs_dir)
    assert set(runs.frame[C.LOG]) == {str(newest)} and runs.stale_samples == 6
    assert runs.summary().endswith(
        "6 stale samples (1 in 1 logs run on scenarios since edited: re-run them; re-scoring "
        "keeps the old scenarios; 5 in 1 logs scored by an older refusal classifier: re-score "
        "them with `inspect score LOG --action overwrite --overwrite`)"
    )


def test_verdict_cli_reads_the_runs(runs_dir: Path) -> None:
    result = CliRunner().invoke(
        main, ["verdict", "--runs", str(runs_dir), "--draws", "200"], prog_name="frontier"
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("2 logs, 12 scored samples; excluded: 0 unfinished logs")
    assert lines[1].startswith("figures corrected for the refusal classifier's errors")
    overall = lines.index(
        "overall: inconclusive: 2 config(s) on 6 scenarios; a verdict needs at least 10 scenarios"
    )
    assert lines[overall + 1].startswith("  as judged (uncorrected): inconclusive:")
    assert "* on the non-dominated front" in lines
    as_json = CliRunner().invoke(
        main, ["verdict", "--runs", str(runs_dir), "--json", "--draws", "200"], prog_name="frontier"
    )
    payload = json.loads(as_json.output)
    assert payload["overall"]["verdict"]["kind"] == "inconclusive"
    assert len(payload["overall"]["points"]) == 2


def test_plot_cli_writes_html_png_and_svg(runs_dir: Path, tmp_path: Path) -> None:
    for suffix in ("html", "png", "svg"):
        out = tmp_path / f"frontier.{suffix}"
        result = CliRunner().invoke(
            main,
            ["plot", "--runs", str(runs_dir), "--out", str(out), "--draws", "100"],
            prog_name="frontier",
        )
        assert result.exit_code == 0, result.output
        assert result.output.startswith(f"wrote {out}\ninconclusive:")
        assert out.stat().st_size > 1000
    html = (tmp_path / "frontier.html").read_text()
    assert "vega-embed" in html.lower() and "cdn.jsdelivr" not in html


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["verdict", "--runs", "/nonexistent/runs"],
            "Error: runs directory /nonexistent/runs does not exist; run `inspect eval` or `frontier search` first\n",
        ),
        (
            ["plot", "--runs", ".", "--out", "chart.pdf"],
            "Error: --out must end in .html, .png or .svg: chart.pdf\n",
        ),
        (
            ["search", "--task", "evals/nope.py", "--budget", "1"],
            "Error: task file evals/nope.py not found\n",
        ),
        (
            ["search", "--task", "evals/code.py", "--budget", "0"],
            "Error: --budget must be at least 1\n",
        ),
        (
            ["search", "--task", "evals/code.py", "--scheduler", "tcp://127.0.0.1:1"],
            "Error: --scheduler needs --executor dask\n",
        ),
    ],
)
def test_bad_input_is_one_line_exit_2(args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, args, prog_name="frontier")
    assert result.exit_code == 2
    assert result.stderr == message


def test_empty_runs_directory(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["verdict", "--runs", str(tmp_path)], prog_name="frontier")
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: no Inspect logs (.eval or .json) under {tmp_path}\n",
    )
