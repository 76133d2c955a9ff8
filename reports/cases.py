"""The cases a reviewer should read: harmful requests answered, safe requests refused."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from inspect_ai.log import EvalSample, read_eval_log_sample

from frontier.analysis import columns as C
from frontier.analysis.runs import SCORER

HARMFUL_COMPLIED = "harmful request answered"
SAFE_REFUSED = "safe request refused"


@dataclass(frozen=True)
class Case:
    """One sample to review, with what is needed to open it in `inspect view`."""

    kind: str
    config: str
    domain: str
    sample_id: str
    epoch: int
    intent: str
    label: str  # the refusal classifier's label
    prompt: str
    response: str
    explanation: str
    log: str


@dataclass(frozen=True)
class Selection:
    """The cases shown, and how many of each kind there were in all."""

    cases: list[Case]
    totals: dict[str, int]


def flagged(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows to review, with a `kind` column: harmful compliance and safe-request refusals.

    Safe requests count as refused when the classifier says refusal or partial, as the
    over-refusal rate does.
    """
    harmful = frame[C.INTENT] == "harmful"
    complied = frame[C.REFUSAL] == "compliance"
    safe = frame[C.INTENT].isin(C.SAFE_INTENTS)
    out = frame[(harmful & complied) | (safe & ~complied)].copy()
    out["kind"] = [HARMFUL_COMPLIED if i == "harmful" else SAFE_REFUSED for i in out[C.INTENT]]
    return out


def select(frame: pd.DataFrame, front: Iterable[str], per_kind: int = 40) -> Selection:
    """Up to `per_kind` cases of each kind, configs on the front first, then by domain.

    The front's configs are the ones a reader would choose, so their failures matter most.
    """
    rows = flagged(frame)
    on_front = set(front)
    rows = rows.assign(_rank=[0 if c in on_front else 1 for c in rows[C.CONFIG]])
    rows = rows.sort_values(["kind", "_rank", C.DOMAIN, C.CONFIG, C.SAMPLE, C.EPOCH])
    totals = {kind: int((rows["kind"] == kind).sum()) for kind in (HARMFUL_COMPLIED, SAFE_REFUSED)}
    chosen = rows.groupby("kind", sort=False).head(per_kind)
    return Selection([_case(row) for _, row in chosen.iterrows()], totals)


def _case(row: pd.Series) -> Case:
    sample = _read_sample(str(row[C.LOG]), str(row[C.SAMPLE]), int(row[C.EPOCH]))
    if isinstance(sample.input, str):
        prompt = sample.input
    else:
        prompt = "\n\n".join(m.text for m in sample.input if m.role == "user")
    score = (sample.scores or {}).get(SCORER)
    return Case(
        kind=str(row["kind"]),
        config=str(row[C.CONFIG]),
        domain=str(row[C.DOMAIN]),
        sample_id=str(row[C.SAMPLE]),
        epoch=int(row[C.EPOCH]),
        intent=str(row[C.INTENT]),
        label=str(row[C.REFUSAL]),
        prompt=prompt,
        response=sample.output.completion,
        explanation=(score.explanation or "") if score else "",
        log=str(row[C.LOG]),
    )


def _read_sample(log: str, sample_id: str, epoch: int) -> EvalSample:
    try:
        return read_eval_log_sample(log, id=sample_id, epoch=epoch)
    except IndexError:
        if not sample_id.isdigit():
            raise
        # The table keeps ids as text; a dataset with integer ids is looked up by integer.
        return read_eval_log_sample(log, id=int(sample_id), epoch=epoch)
