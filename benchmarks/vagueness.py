"""The vagueness model, measured where it was not trained, and what it marks in real output.

1. Grouped figures on its training pieces (objectives/vagueness_data): one writer held out,
   then five folds of scenarios held out; specific pieces marked vague (want 0) and vague
   pieces caught, at the shipped threshold.
2. The grading-validity answers (tests/objectives/data/grading_validity), written by other
   writers for other purposes and never trained on: strong pieces marked vague (want 0) and
   the share of each flaw kind marked, for pieces long enough to be judged.
3. The embedded model's own answers to the safe creative scenarios
   (objectives/refusal_data/embedded.jsonl): how many are marked vague, and a few of them.

Run: .venv/bin/python -m benchmarks.vagueness
"""

from __future__ import annotations

from collections import defaultdict

from benchmarks.grading_validity import answers, sets
from objectives.creative_grader import piece_of, word_count
from objectives.refusal_data.sources import EMBEDDED_PATH, read_jsonl
from objectives.vagueness import MIN_WORDS, THRESHOLD, embed, vagueness
from objectives.vagueness_data.train import evaluate, load_pieces


def validity_sets() -> None:
    for which in sets("creative"):
        marked: dict[str, list[bool]] = defaultdict(list)
        pieces: list[tuple[str, str]] = []
        for row in answers("creative", which):
            pieces += [("strong", piece_of(text)) for text in row["strong"]]
            pieces.append((row["flaw"], piece_of(row["flawed"])))
        judged = [(kind, piece) for kind, piece in pieces if word_count(piece) >= MIN_WORDS]
        for (kind, _), p in zip(judged, vagueness([piece for _, piece in judged]), strict=True):
            marked[kind].append(p >= THRESHOLD)
        parts = [f"{kind} {sum(v)}/{len(v)}" for kind, v in sorted(marked.items())]
        print(f"creative_{which}: marked vague: " + ", ".join(parts))


def embedded_answers() -> None:
    rows = [
        r
        for r in read_jsonl(EMBEDDED_PATH)
        if str(r["prompt_ref"]).startswith("scenario:creative") and r["intent"] != "harmful"
    ]
    pieces = [piece_of(str(r["response"])) for r in rows]
    judged = [p for p in pieces if word_count(p) >= MIN_WORDS]
    probs = vagueness(judged)
    marked = [p for p, v in zip(judged, probs, strict=True) if v >= THRESHOLD]
    print(
        f"embedded model, safe creative scenarios: {len(rows)} answers, {len(judged)} judged, "
        f"{len(marked)} marked vague"
    )
    for text in marked[:3]:
        print("  e.g. " + " ".join(text.split())[:160])


def main() -> None:
    pieces = load_pieces()
    for line in evaluate(pieces, embed([p.text for p in pieces])):
        print(line)
    validity_sets()
    embedded_answers()


if __name__ == "__main__":
    main()
