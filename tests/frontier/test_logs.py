"""What a log records about what produced its scores, and how the task version moves."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_ai import eval
from inspect_ai.log import read_eval_log, read_eval_log_sample_summaries

from evals import settings
from evals.creative import creative
from evals.tasks import task_version
from frontier.analysis.logs import Versions, versions_of
from objectives.refusal import classifier_version
from objectives.version import (
    CLASSIFIER_KEY,
    SCENARIO_KEY,
    SCENARIOS_KEY,
    SCORER_VERSION_KEY,
    canonical_sha256,
    scorer_version,
)
from tests.conftest import keyed_model


def test_a_log_records_task_version_scenarios_and_scorer(tmp_path: Path) -> None:
    task = creative(intent="benign")
    [log] = eval(
        task,
        model=keyed_model({"": "A storm."}),
        limit=2,
        log_dir=str(tmp_path),
        display="none",
    )
    header = read_eval_log(str(log.location), header_only=True)
    assert header.eval.task_version == task_version()
    digests = [str((s.metadata or {})[SCENARIO_KEY]) for s in task.dataset]
    assert (header.eval.metadata or {})[SCENARIOS_KEY] == canonical_sha256(digests)
    [scorer] = header.eval.scorers or []
    assert scorer.metadata == {
        CLASSIFIER_KEY: classifier_version(),
        SCORER_VERSION_KEY: scorer_version(),
    }
    assert versions_of(header) == Versions(
        task_version(), canonical_sha256(digests), scorer_version()
    )
    for summary in read_eval_log_sample_summaries(str(log.location)):
        # Each sample carries the digest of its own row (the first two of the selection).
        assert (summary.metadata or {})[SCENARIO_KEY] in digests[:2]
        made_by = summary.scores["hh_scorer"].metadata or {}  # type: ignore[index]
        assert made_by[SCORER_VERSION_KEY] == scorer_version()


def test_the_scenario_digest_follows_the_rows_not_their_spelling(tmp_path: Path) -> None:
    assert canonical_sha256({"a": 1, "b": [2]}) == canonical_sha256({"b": [2], "a": 1})
    assert canonical_sha256({"a": 1}) != canonical_sha256({"a": 2})
    first = creative(intent="harmful").metadata or {}
    assert first[SCENARIOS_KEY] == (creative(intent="harmful").metadata or {})[SCENARIOS_KEY]
    assert first[SCENARIOS_KEY] != (creative(intent="benign").metadata or {})[SCENARIOS_KEY]


def test_editing_a_built_in_prompt_changes_the_task_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = task_version()
    assert before.startswith("1.")
    monkeypatch.setitem(settings.SYSTEM_PROMPTS, "helpful", "Be helpful.")
    assert task_version() != before
    monkeypatch.undo()
    monkeypatch.setattr(settings, "COT_TEMPLATE", "{prompt}\n\nThink first.")
    assert task_version() != before
