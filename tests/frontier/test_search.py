"""The search: seeded proposals, budgets, resume from logs, and Dask on a loopback LocalCluster."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from inspect_ai.log import read_eval_log, write_eval_log

from evals.dataset import DATA_DIR
from frontier.analysis.runs import load_runs
from frontier.search.evaluate import InspectEvaluator, task_factory
from frontier.search.run import grid, run_search
from frontier.search.space import Candidate, EvalSetup
from objectives.version import SCORER_VERSION_KEY
from tests.frontier.canned import respond


def synthetic(candidates: Sequence[Candidate]) -> list[tuple[float, float]]:
    out = []
    for c in candidates:
        safe = c.system_prompt in ("harmless", "constitution")
        out.append((0.8 - 0.3 * safe - 0.1 * c.temperature, 0.4 + 0.4 * safe + 0.05 * c.critique))
    return out


@pytest.mark.parametrize("algorithm", ["nsga2", "random", "grid"])
def test_same_seed_same_proposals_within_budget(algorithm: str) -> None:
    first = run_search(synthetic, algorithm, budget=12, seed=3)
    second = run_search(synthetic, algorithm, budget=12, seed=3)
    assert [c for c, _ in first.evaluated] == [c for c, _ in second.evaluated]
    assert len(first.evaluated) == 12
    other = run_search(synthetic, algorithm, budget=12, seed=4)
    assert [c for c, _ in other.evaluated] != [c for c, _ in first.evaluated]


def test_grid_is_the_full_factorial() -> None:
    points = grid()
    assert len(points) == 5 * 2 * 2 * 3 * 2 == len(set(points))


def test_bad_algorithm_and_budget() -> None:
    with pytest.raises(ValueError, match="algorithm must be one of nsga2, random, grid"):
        run_search(synthetic, "hillclimb")
    with pytest.raises(ValueError, match="budget must be at least 1"):
        run_search(synthetic, budget=0)
    with pytest.raises(ValueError, match="task file nope.py not found"):
        task_factory("nope.py")


def _setup(tmp_path: Path) -> EvalSetup:
    return EvalSetup(
        ("evals/creative.py",),
        "mockllm/model",
        str(tmp_path / "runs"),
        limit=3,
        model_args={"custom_outputs": respond},
    )


def test_search_runs_inspect_and_resumes_from_its_logs(tmp_path: Path) -> None:
    evaluator = InspectEvaluator(_setup(tmp_path), display="none")
    first = run_search(evaluator, "random", budget=3, seed=1)
    logs = sorted((tmp_path / "runs").glob("*.eval"))
    assert len(logs) == len({c for c, _ in first.evaluated})
    for candidate, (helpful, harmless) in first.evaluated:
        assert 0.0 <= helpful <= 1.0 and 0.0 <= harmless <= 1.0
        if candidate.system_prompt == "harmless":
            assert helpful == 0.0  # the canned model refuses under the safety-first prompt
    again = run_search(
        evaluator, "random", budget=3, seed=1
    )  # as after Ctrl-C: nothing left to run
    assert sorted((tmp_path / "runs").glob("*.eval")) == logs
    assert again.evaluated == first.evaluated
    table = load_runs(tmp_path / "runs").frame
    assert set(table["temperature"]) == {c.temperature for c, _ in first.evaluated}


def _scenario_task(tmp_path: Path) -> tuple[Path, Path]:
    """A task file over a scenario file of our own: three shipped creative rows."""
    rows = (DATA_DIR / "creative.jsonl").read_text().splitlines()
    scenarios = tmp_path / "scenarios.jsonl"
    scenarios.write_text("\n".join([rows[0], rows[20], rows[40]]) + "\n")
    task = tmp_path / "mine.py"
    task.write_text(
        "from evals.creative import creative\n\n\n"
        "def mine(**settings):\n"
        f"    return creative(dataset={str(scenarios)!r}, **settings)\n"
    )
    return task, scenarios


def test_an_edited_scenario_file_is_evaluated_again_not_reused(tmp_path: Path) -> None:
    task, scenarios = _scenario_task(tmp_path)
    setup = EvalSetup(
        (str(task),),
        "mockllm/model",
        str(tmp_path / "runs"),
        model_args={"custom_outputs": respond},
    )
    first = run_search(InspectEvaluator(setup, display="none"), "random", budget=2, seed=1)
    logs = set((tmp_path / "runs").glob("*.eval"))
    assert len(logs) == 2
    # Logs record their creation to the second, and the newest log decides which version of
    # a row is current: the edited run must not start in the same second.
    time.sleep(1.1)
    scenarios.write_text(scenarios.read_text().replace("autumn leaves", "winter frost"))
    again = run_search(InspectEvaluator(setup, display="none"), "random", budget=2, seed=1)
    assert [c for c, _ in again.evaluated] == [c for c, _ in first.evaluated]
    assert len(set((tmp_path / "runs").glob("*.eval")) - logs) == 2  # evaluated again
    runs = load_runs(tmp_path / "runs")
    # Only the edited row's old scores are stale; the others' repeat the new logs' samples.
    assert set(runs.frame["log"]) == {
        str(p) for p in set((tmp_path / "runs").glob("*.eval")) - logs
    }
    assert runs.stale_by_reason == {"scenarios": (2, sorted(str(p) for p in logs))}
    assert "re-run them; re-scoring keeps the old scenarios" in runs.summary()


def test_logs_of_another_scorer_are_evaluated_again(tmp_path: Path) -> None:
    evaluator = InspectEvaluator(_setup(tmp_path), display="none")
    run_search(evaluator, "random", budget=1, seed=1)
    [log] = (tmp_path / "runs").glob("*.eval")
    run_search(evaluator, "random", budget=1, seed=1)
    assert list((tmp_path / "runs").glob("*.eval")) == [log]  # same scorer: resumed
    # As an older scorer recorded itself (`inspect score` rewrites this when it re-scores).
    older = read_eval_log(str(log))
    for scorer in older.eval.scorers or []:
        scorer.metadata = {**(scorer.metadata or {}), SCORER_VERSION_KEY: "retired"}
    write_eval_log(older, str(log))
    run_search(evaluator, "random", budget=1, seed=1)
    assert len(list((tmp_path / "runs").glob("*.eval"))) == 2


def test_inspect_score_brings_a_stale_search_log_back(tmp_path: Path) -> None:
    # The summary's remedy for scores of an older scorer, run as a user would: the search
    # records its task file, from which `inspect score` re-creates the scorer.
    run_search(InspectEvaluator(_setup(tmp_path), display="none"), "random", budget=2, seed=1)
    logs = sorted((tmp_path / "runs").glob("*.eval"))
    assert all(read_eval_log(str(p), header_only=True).eval.task_file for p in logs)
    stale = read_eval_log(str(logs[0]))
    for sample in stale.samples or []:
        sample.scores["hh_scorer"].metadata[SCORER_VERSION_KEY] = "retired"  # type: ignore[index]
    write_eval_log(stale, str(logs[0]))
    assert load_runs(tmp_path / "runs").stale_by_reason == {"scorer": (3, [str(logs[0])])}
    inspect = Path(sys.executable).with_name("inspect")
    for log in logs:  # all, so both carry the scorer of this moment's tree
        done = subprocess.run(
            [str(inspect), "score", str(log), "--action", "overwrite", "--overwrite"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-2000:]
    made_by = set()
    for log in logs:
        rescored = read_eval_log(str(log))
        [scorer] = rescored.eval.scorers or []
        versions = {s.scores["hh_scorer"].metadata[SCORER_VERSION_KEY] for s in rescored.samples}  # type: ignore[index,union-attr]
        assert versions == {(scorer.metadata or {})[SCORER_VERSION_KEY]} != {"retired"}
        made_by |= versions
    # One version unless objectives/ was edited between the two re-scores (a shared tree).
    if len(made_by) == 1:
        runs = load_runs(tmp_path / "runs")
        assert runs.stale_samples == 0 and len(runs.frame) == 6


def test_the_search_reports_an_unreadable_log_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "runs").mkdir()
    (tmp_path / "runs" / "broken.eval").write_bytes(b"not a zip")
    capsys.readouterr()
    run_search(InspectEvaluator(_setup(tmp_path), display="none"), "random", budget=1, seed=1)
    assert capsys.readouterr().err.splitlines() == [
        f"skipped {tmp_path / 'runs' / 'broken.eval'}: not a readable Inspect log "
        "(ValueError: EOCD not found)"
    ]


def test_dask_local_cluster_runs_a_tiny_search(tmp_path: Path) -> None:
    from frontier.search.run import dask_runner

    runner, client = dask_runner(None, workers=2)
    try:
        result = run_search(
            InspectEvaluator(_setup(tmp_path), display="none"),
            "random",
            budget=2,
            seed=2,
            runner=runner,
        )
        assert client.scheduler.address.startswith("tcp://127.0.0.1:")
    finally:
        client.close()
    assert len(result.evaluated) == 2
    assert len(list((tmp_path / "runs").glob("*.eval"))) == 2
