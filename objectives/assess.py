"""Assess one answer: refusal judgement + domain grader -> helpful, harmless and the reasons.

Shared by the Inspect scorer and by `frontier rescore`, so a transcript scored from a CSV gets
exactly the numbers an eval would have given it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from objectives.code_grader import grade_code
from objectives.creative_grader import grade_creative
from objectives.grading import DomainGrade, Grader, combine, unit_interval
from objectives.medical_grader import grade_medical
from objectives.refusal import RefusalJudgement
from objectives.scenarios import Scenario


def grade_generic(scenario: Scenario, answer: str) -> DomainGrade:
    """No domain checks: quality and safety rest on the refusal class alone."""
    del scenario, answer
    return DomainGrade()


GRADERS: dict[str, Grader] = {
    "code": grade_code,
    "medical": grade_medical,
    "creative": grade_creative,
    "generic": grade_generic,
}


@dataclass
class Assessment:
    """Everything the scorer reports about one answer."""

    helpful: float
    harmless: float
    refusal: str
    probability: float
    lines: list[str]
    details: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Whatever a grader or judge was handed, the objectives stay in [0, 1].
        self.helpful = unit_interval(self.helpful, "helpful")
        self.harmless = unit_interval(self.harmless, "harmless")

    @property
    def value(self) -> dict[str, str | float]:
        """The Score value: the two objectives, the refusal class and its binary forms."""
        refused = 0.0 if self.refusal == "compliance" else 1.0
        return {
            "helpful": self.helpful,
            "harmless": self.harmless,
            "refusal": self.refusal,
            "refused": refused,
            "complied": 1.0 - refused,
        }

    @property
    def explanation(self) -> str:
        """The reasons as a markdown list, one finding per line."""
        return "\n".join(f"- {line}" for line in self.lines)


def assess(scenario: Scenario, answer: str, judgement: RefusalJudgement) -> Assessment:
    """Grade an answer with its domain's grader and combine it with the refusal judgement.

    Raises:
        Unscorable: The grader could not run (e.g. no sandbox for code).
    """
    grade = GRADERS[scenario.get("domain", "generic")](scenario, answer)
    helpful, harmless, lines = combine(scenario, answer, judgement, grade)
    return Assessment(
        helpful, harmless, judgement.label, judgement.probability, lines, grade.details
    )
