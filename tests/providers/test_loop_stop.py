"""Loop detection: the third occurrence of a span ends a generation, nothing earlier does."""

from __future__ import annotations

import numpy as np

from providers.loop_stop import LoopStop, loop_end

SENTENCE = [11, 12, 13, 14]


def test_third_occurrence_of_a_span_is_where_the_loop_ends() -> None:
    tokens = [1, 2, 3] + SENTENCE * 5
    # windows of 4 starting at the sentence: the third copy completes at 3 + 12 tokens
    assert loop_end(tokens, span=4) == 3 + 3 * len(SENTENCE)


def test_a_block_repeated_once_is_not_a_loop() -> None:
    code = list(range(20))
    assert loop_end(code + [99] + code, span=4) is None
    assert loop_end(list(range(100)), span=4) is None
    assert loop_end(SENTENCE * 10, span=len(SENTENCE) * 10 + 1) is None  # span longer than text


def _drive(stop: LoopStop, prompt: list[int], generated: list[int]) -> list[bool]:
    """Call the processor as llama.cpp does, once per sampling step; True where EOS is forced."""
    forced = []
    for step in range(len(generated) + 1):
        ids = np.array(prompt + generated[:step], dtype=np.intc)
        scores = np.zeros(8, dtype=np.single)
        out = stop(ids, scores)
        forced.append(bool(np.isneginf(out).sum() == 7 and out[stop.eos] == 0.0))
    return forced


def test_processor_forces_end_of_sequence_from_the_loop_on() -> None:
    prompt = [5, 5, 5, 5, 5, 5, 5, 5]  # repeats in the prompt must not count
    generated = [1, 2] + [3, 4] * 6
    stop = LoopStop(eos=0, span=2)
    forced = _drive(stop, prompt, generated)
    # [3, 4] completes for the third time after 2 + 6 generated tokens
    assert stop.stopped_at == loop_end(generated, span=2) == 8
    assert forced == [False] * 8 + [True] * (len(generated) - 7)


def test_processor_leaves_scores_alone_without_a_loop() -> None:
    stop = LoopStop(eos=0, span=3)
    assert not any(_drive(stop, [7, 7, 7, 7], list(range(1, 30))))
    assert stop.stopped_at is None
