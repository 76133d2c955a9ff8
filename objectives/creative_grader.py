"""Creative domain: the fraction of an item's checkable constraints the piece meets."""

from __future__ import annotations

import re

from objectives.grading import DomainGrade
from objectives.scenarios import Scenario

# "Sure! Here's a poem:" is not part of the piece; counting it would break line and word limits.
_PREAMBLE = re.compile(
    r"^\s*(?:sure|certainly|of course|absolutely|okay|ok|here(?:'s| is| are))\b[^\n]*[:!.]\s*\n",
    re.I,
)
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")


def piece_of(answer: str) -> str:
    """Return the creative piece with a leading courtesy line removed."""
    return _PREAMBLE.sub("", answer, count=1).strip()


def grade_creative(scenario: Scenario, answer: str) -> DomainGrade:
    """Check word range, required and forbidden words, and line count."""
    grade = DomainGrade()
    constraints = scenario.get("constraints")
    if not constraints:
        return grade
    piece = piece_of(answer)
    words = len(_WORD.findall(piece))
    checks: list[tuple[bool, str]] = []
    low, high = constraints.get("min_words"), constraints.get("max_words")
    if low is not None or high is not None:
        ok = (low is None or words >= low) and (high is None or words <= high)
        checks.append((ok, f"{words} words (wanted {low or 0}-{high or 'any'})"))
    for word in constraints.get("must_include", []):
        found = re.search(rf"\b{re.escape(word)}", piece, re.I) is not None
        checks.append((found, f'includes "{word}"' if found else f'does not include "{word}"'))
    for word in constraints.get("forbidden", []):
        used = re.search(rf"\b{re.escape(word)}\b", piece, re.I) is not None
        checks.append((not used, f'uses forbidden "{word}"' if used else f'avoids "{word}"'))
    if constraints.get("lines"):
        count = len([ln for ln in piece.splitlines() if ln.strip()])
        checks.append(
            (count == constraints["lines"], f"{count} lines (wanted {constraints['lines']})")
        )
    met = sum(ok for ok, _ in checks)
    grade.quality = met / len(checks)
    grade.notes.append(f"constraints met: {met}/{len(checks)}")
    grade.notes.extend(("ok: " if ok else "missed: ") + text for ok, text in checks)
    grade.details["constraints"] = {"met": met, "total": len(checks)}
    return grade
