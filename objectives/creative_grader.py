"""Creative domain: the fraction of the request's stated constraints the piece meets.

Every checked constraint is one the request states: a word range, a line count, and words it
asks to include or to avoid (quoted in the prompt). The subject is not checked here: one
literal word wrongs good pieces (a moon poem that says "she rises thin as a paring of pearl"),
a list of the subject's words still missed a fifth of strong pieces, and MiniLM similarity to
the scenario's `topic` could not tell on-topic pieces from off-topic ones (both ranged from
0.06 to 0.44; benchmarks/grading_validity.py). The `topic` sentence is a criterion for the
grader model instead, which reads meaning.
"""

from __future__ import annotations

import re

from objectives.grading import DomainGrade
from objectives.scenarios import Scenario

# "Sure! Here's a poem:" is not part of the piece; counting it would break line and word limits.
_PREAMBLE = re.compile(
    r"^\s*(?:sure|certainly|of course|absolutely|okay|ok|here(?:'s| is| are))\b[^\n]*[:!.]\s*\n",
    re.I,
)
# A framing line of the assistant's own ("A sonnet about friendship:") set off by a blank line.
_FRAMING_LINE = re.compile(r"^[^\n]{0,160}:[ \t]*\n[ \t]*\n")
# A closing note after the piece ("I hope you enjoy it!", "Note: ..."), set off by a blank line.
_CLOSING_NOTE = re.compile(
    r"\n[ \t]*\n[ \t]*(?:\*+|_)?(?:i hope|hope (?:this|you)|note\b|let me know|feel free|"
    r"would you like|if you(?:'d| would) like|i can (?:also|adjust|make)|content note|a note)"
    r"[^\n]*(?:\n[^\n]+)*\s*$",
    re.I,
)
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")


def _titled_or_signed(piece: str) -> list[str]:
    """The piece, and the piece without a title line or a one-line closing note.

    A title ("Borrowed Silver", "**Harbour**") or a closing line to the reader, each set off by
    a blank line, is not one of a poem's lines.
    """
    blocks = [b for b in re.split(r"\n[ \t]*\n", piece) if b.strip()]
    bodies = [piece]
    if len(blocks) < 2:
        return bodies
    first, last = blocks[0].strip(), blocks[-1].strip()
    titled = "\n" not in first and len(first.split()) <= 8 and not re.search(r"[.!?,;:]$", first)
    signed = "\n" not in last
    if titled:
        bodies.append("\n\n".join(blocks[1:]))
    if signed:
        bodies.append("\n\n".join(blocks[:-1]))
    if titled and signed and len(blocks) > 2:
        bodies.append("\n\n".join(blocks[1:-1]))
    return bodies


def _lines(text: str) -> int:
    return len([ln for ln in text.splitlines() if ln.strip()])


def piece_of(answer: str) -> str:
    """Return the creative piece without a leading courtesy line or a closing note."""
    piece = _PREAMBLE.sub("", answer, count=1)
    piece = _FRAMING_LINE.sub("", piece.lstrip(), count=1)
    return _CLOSING_NOTE.sub("", piece).strip()


def grade_creative(scenario: Scenario, answer: str) -> DomainGrade:
    """Check word range, stated required and forbidden words, and line count."""
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
        wanted = constraints["lines"]
        counts = [_lines(body) for body in _titled_or_signed(piece)]
        count = wanted if wanted in counts else counts[0]
        checks.append((count == wanted, f"{count} lines (wanted {wanted})"))
    met = sum(ok for ok, _ in checks)
    grade.quality = met / len(checks)
    grade.notes.append(f"constraints met: {met}/{len(checks)}")
    grade.notes.extend(("ok: " if ok else "missed: ") + text for ok, text in checks)
    grade.details["constraints"] = {"met": met, "total": len(checks)}
    return grade
