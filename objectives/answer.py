"""Which part of a response is graded: the answer, not the reasoning before it."""

from __future__ import annotations

# The heading a chain-of-thought response puts before its final answer; the reasoning
# prompt asks for it, and grading reads only what follows it.
ANSWER_MARKER = "Answer:"


def final_answer(completion: str) -> str:
    """Return the part of a response that is its answer, dropping chain-of-thought reasoning.

    Args:
        completion: The model's whole response.

    Returns:
        The text after the last "Answer:" heading if there is one, else the whole response.
    """
    head, marker, tail = completion.rpartition(ANSWER_MARKER)
    if marker and tail.strip():
        return tail.strip()
    return completion
