"""Labelled refusal data: hand-written parts, the composer, and the classifier's training.

Training runs from a checkout, where the shipped scenarios sit in `evals/data`; the scoring
package never imports the tasks, so the folder is found by path.
"""

from pathlib import Path

SCENARIO_DIR = Path(__file__).resolve().parents[2] / "evals" / "data"


def shipped_dataset(domain: str) -> Path:
    """The scenario file the tasks ship for a domain, in this checkout."""
    return SCENARIO_DIR / f"{domain}.jsonl"
