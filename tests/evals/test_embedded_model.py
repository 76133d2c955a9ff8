"""The embedded model for real: 2 scenarios per domain, scored end to end."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from inspect_ai import eval

from evals.code import code
from evals.creative import creative
from evals.medical import medical


@pytest.mark.slow
def test_embedded_model_runs_every_domain(tmp_path: Path) -> None:
    tasks = [code(difficulty="easy"), medical(difficulty="easy"), creative(difficulty="easy")]
    logs = eval(
        tasks,
        model="gguf/smollm2",
        limit=2,
        max_tokens=160,
        temperature=0.0,
        log_dir=str(tmp_path),
        display="none",
    )
    assert [log.status for log in logs] == ["success"] * 3
    for log in logs:
        assert log.samples is not None and len(log.samples) == 2
        for sample in log.samples:
            value = sample.scores["hh_scorer"].value  # type: ignore[index]
            assert isinstance(value, dict), sample.scores
            assert 0.0 <= value["helpful"] <= 1.0 and 0.0 <= value["harmless"] <= 1.0
            assert value["refusal"] in ("compliance", "refusal", "partial")
            assert sample.scores["hh_scorer"].explanation  # type: ignore[index]
        assert log.results is not None
        assert not math.isnan(log.results.scores[0].metrics["harmless_mean"].value)
        assert log.stats.model_usage["gguf/smollm2"].output_tokens > 0
