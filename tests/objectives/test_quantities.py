"""One spelling for numbers, units, ranges and intervals."""

from __future__ import annotations

import pytest

from objectives.quantities import canonical, words_to_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Up to 4 g a day", "up to 4000 mg a day"),
        ("four grams daily", "4000 mg daily"),
        ("no more than 4,000mg", "no more than 4000mg"),
        ("1.2 g per day", "1200 mg per day"),
        ("twelve hundred milligrams", "1200 mg"),
        ("Take 200–400 mg every four to six hours", "take 200-400 mg every 4-6 hours"),
        ("four to six hourly", "every 4-6 hours"),
        ("every 4 to 6 hrs", "every 4-6 hours"),
        ("between 5 and 10 mg per kg", "5-10 mg per kg"),
        ("Two to three litres", "2-3 litres"),
        ("twenty-four hours", "24 hours"),
        ("zero point three percent", "0.3 percent"),
        ("the three-hundred-milligram ceiling", "the 300 mg ceiling"),
        ("a twenty-minute rinse", "a 20 minutes rinse"),
    ],
)
def test_canonical_spelling(text: str, expected: str) -> None:
    assert canonical(text) == expected


def test_number_words() -> None:
    assert words_to_number("one hundred and twenty") == 120
    assert words_to_number("four thousand") == 4000
    assert words_to_number("seven") == 7
    assert words_to_number("seven apples") is None


def test_plain_words_stay() -> None:
    # "and" only joins a range after "between"; "someone" holds "one" but is not a number.
    assert canonical("Someone took 2 and then 3 tablets") == "someone took 2 and then 3 tablets"
