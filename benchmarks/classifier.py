"""Refusal classifier against people's labels: grouped cross-validation, calibration and speed.

Five checks, each printed with binary accuracy (compliance vs not), three-class accuracy,
per-class recall, confusion matrices for answers to safe and to unsafe requests, Brier score
and expected calibration error:

1. Leave one model out (the headline): train on the other models' answers to other prompts,
   test on the held-out model's answers (objectives.refusal_data.crossval). Bars:
   binary >= 0.93, three-class >= 0.85, no model below 0.90 binary. Probabilities use a
   temperature fitted on the other models' held-out predictions only.
2. Unseen prompts of seen models: every model trains, prompts are held out. This is how the
   embedded model is judged in use; it prints the share of its refusals caught and the false
   alarms (bar: >= 80% caught with <= 5% false alarms).
3. The composed held-out split (wording never used in training), with the shipped classifier.
4. The caution set (objectives/refusal_data/caution.jsonl), never trained on: careful complete
   answers must read as compliance, answers declining one part as partial.
5. The embedded model's answers to requests written for the purpose and never trained on
   (objectives/refusal_data/embedded_unseen.jsonl): the share of its refusals caught by the
   shipped classifier, and by the best threshold that keeps false alarms <= 5%.

Then the shipped classifier's speed through the batch API (bar: >= 100 answers/s on 2 cores).
Needs the XSTest human labels (objectives.refusal_data.sources). About 40 minutes on 2 cores;
`--checks speed` alone takes seconds.

Run: .venv/bin/python -m benchmarks.classifier [--checks lomo,prompts,composed,caution,unseen,speed]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from objectives.refusal import classify_refusals, shipped_classifier, softmax
from objectives.refusal_data.agreement import CLASSES, Agreement, agreement, caught_within
from objectives.refusal_data.crossval import grouped_folds, prompt_folds
from objectives.refusal_data.sources import (
    EMBEDDED_UNSEEN_PATH,
    Example,
    all_examples,
    caution_examples,
    embedded_examples,
)
from objectives.refusal_data.train import fit_temperature, heldout_logits
from objectives.refusal_model import Settings

CHECKS = ("lomo", "prompts", "composed", "caution", "unseen", "speed")


def show(title: str, figures: Agreement) -> None:
    recall = " ".join(f"{c}={figures.recall[c]:.3f}" for c in CLASSES)
    print(
        f"{title}: n={figures.n} binary={figures.binary:.4f} three_class={figures.three_class:.4f}"
        f" brier={figures.brier:.4f} ece={figures.ece:.4f} recall: {recall}"
    )


def confusion(title: str, figures: Agreement) -> None:
    print(f"  {title} (rows: people, columns: classifier)")
    print("  " + f"{'':>12s}" + "".join(f"{c:>12s}" for c in CLASSES))
    for name, row in zip(CLASSES, figures.confusion, strict=True):
        print("  " + f"{name:>12s}" + "".join(f"{int(n):12d}" for n in row))
    print(
        f"  flagged {figures.caught:.3f} of refusals and partials, "
        f"{figures.false_alarms:.3f} of compliant answers"
    )


def report(
    examples: Sequence[Example], probabilities: npt.NDArray[np.float64], title: str
) -> dict[str, Agreement]:
    """Print the figures overall, by request safety and by model; return them by model."""
    held = [i for i in range(len(examples)) if not np.isnan(probabilities[i]).any()]

    def figures(rows: Sequence[int]) -> Agreement:
        return agreement([examples[i].label for i in rows], probabilities[rows])

    print(f"\n== {title} ==")
    show("all real answers", figures(held))
    for unsafe, name in ((False, "safe requests"), (True, "unsafe requests")):
        confusion(name, figures([i for i in held if examples[i].unsafe == unsafe]))
    by_model = {}
    for model in sorted({examples[i].group for i in held}):
        by_model[model] = figures([i for i in held if examples[i].group == model])
        show(f"  {model}", by_model[model])
    return by_model


def cross_fitted(
    examples: Sequence[Example], scores: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """Probabilities per model with a temperature fitted on the other models' rows only."""
    probabilities = np.full_like(scores, np.nan)
    held = ~np.isnan(scores).any(axis=1)
    groups = np.asarray([e.group for e in examples])
    labels = np.asarray([e.label for e in examples])
    for model in sorted(set(groups[held])):
        mine, others = held & (groups == model), held & (groups != model)
        temperature = fit_temperature(scores[others], list(labels[others]))
        probabilities[mine] = softmax(scores[mine], temperature)
    return probabilities


def lomo(examples: list[Example]) -> None:
    by_model = report(
        examples,
        cross_fitted(examples, heldout_logits(examples, Settings(), grouped_folds(examples))),
        "leave one model out (model and prompt unseen)",
    )
    real = [f for m, f in by_model.items()]
    n = sum(f.n for f in real)
    binary = sum(f.binary * f.n for f in real) / n
    three = sum(f.three_class * f.n for f in real) / n
    worst = min(by_model, key=lambda m: by_model[m].binary)
    print(
        f"lomo_binary={binary:.4f} lomo_three_class={three:.4f} "
        f"lomo_worst_model={worst}:{by_model[worst].binary:.4f}"
    )


def prompts(examples: list[Example]) -> None:
    probabilities = cross_fitted(
        examples, heldout_logits(examples, Settings(), prompt_folds(examples))
    )
    by_model = report(examples, probabilities, "unseen prompts of seen models")
    embedded = [m for m in by_model if m.startswith("gguf/")]
    for model in embedded:
        f = by_model[model]
        rows = [
            i
            for i, e in enumerate(examples)
            if e.group == model and not np.isnan(probabilities[i]).any()
        ]
        best = caught_within([examples[i].label for i in rows], probabilities[rows], 0.05)
        print(
            f"embedded_caught={f.caught:.3f} embedded_false_alarms={f.false_alarms:.3f} "
            f"embedded_best_caught_within_5pct_false_alarms={best:.3f}"
        )


def shipped_probabilities(rows: Sequence[Example]) -> npt.NDArray[np.float64]:
    """The shipped classifier's class probabilities for rows."""
    probabilities, _ = shipped_classifier().probabilities(
        [e.prompt for e in rows], [e.response for e in rows]
    )
    return probabilities


def shipped_check(name: str, title: str, rows: Sequence[Example]) -> None:
    """The shipped classifier on a set it never trained on."""
    print(f"\n== {title}, shipped classifier ==")
    figures = agreement([e.label for e in rows], shipped_probabilities(rows))
    show(name, figures)
    confusion(name, figures)


def composed(examples: list[Example]) -> None:
    rows = [e for e in examples if e.split == "heldout"]
    shipped_check("composed", "composed held-out split (unseen wording)", rows)


def caution(examples: list[Example]) -> None:
    del examples  # a set of its own, never trained on
    title = "caution set (careful complete answers, partial and polite refusals)"
    shipped_check("caution", title, caution_examples())


def unseen(examples: list[Example]) -> None:
    del examples  # a set of its own, never trained on
    rows = embedded_examples(EMBEDDED_UNSEEN_PATH)
    probabilities = shipped_probabilities(rows)
    title = "the embedded model's answers to requests never trained on, shipped classifier"
    [figures] = report(rows, probabilities, title).values()
    best = caught_within([e.label for e in rows], probabilities, 0.05)
    print(
        f"unseen_caught={figures.caught:.3f} unseen_false_alarms={figures.false_alarms:.3f} "
        f"unseen_best_caught_within_5pct_false_alarms={best:.3f}"
    )


def speed(examples: list[Example]) -> None:
    rows = [e for e in examples if e.source != "synthetic"][:1000]
    prompts_, responses = [e.prompt for e in rows], [e.response for e in rows]
    classify_refusals(prompts_[:8], responses[:8])  # load the model before timing
    started = time.perf_counter()
    classify_refusals(prompts_, responses)
    seconds = time.perf_counter() - started
    print(f"\nresponses_per_second={len(rows) / seconds:.1f} ({len(rows)} real answers)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checks", default=",".join(CHECKS), help=f"any of {', '.join(CHECKS)}")
    args = parser.parse_args()
    wanted = [c.strip() for c in args.checks.split(",") if c.strip()]
    unknown = sorted(set(wanted) - set(CHECKS))
    if unknown:
        parser.error(f"unknown check {', '.join(unknown)}; choose from {', '.join(CHECKS)}")
    examples = all_examples()
    for name in wanted:
        checks = {"lomo": lomo, "prompts": prompts, "composed": composed, "caution": caution}
        {**checks, "unseen": unseen, "speed": speed}[name](examples)


if __name__ == "__main__":
    main()
