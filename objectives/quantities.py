"""Write numbers, units, ranges and intervals one way, so a fact matches however it is spelled.

A rubric item such as "4,000 mg a day, every 4-6 hours" must be met by "4 g", "four grams",
"4000mg", "four to six hourly" or "every 4–6 hrs". `canonical` rewrites an answer into one
spelling (digits without separators, milligrams for gram doses, `X-Y` ranges, `every N hours`)
and the medical grader matches its rubric against the answer as written and as rewritten.
Pure functions only.
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000}
_NUMBER_WORD = "|".join([*_UNITS, *_TENS, *_SCALES])
# A run of number words ("four thousand", "twenty-four", "one hundred and twenty").
_NUMBER_RUN = re.compile(
    rf"\b(?:{_NUMBER_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{_NUMBER_WORD}))*\b", re.IGNORECASE
)
_DASHES = re.compile(r"[‐‑‒–—−]")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_NUMBER = r"\d+(?:\.\d+)?"
_UNIT_SPELLINGS = (
    (re.compile(r"\b(?:milligrams?|mgs)\b"), "mg"),
    (re.compile(r"(?<=\d)\s*(?:grams?|gms?|g)\b"), " g"),
    (re.compile(r"\b(?:kilograms?|kgs?|kilos?)\b"), "kg"),
    (re.compile(r"\b(?:hrs?|hours?)\b"), "hours"),
    (re.compile(r"\b(?:mins?|minutes?)\b"), "minutes"),
    (re.compile(r"\b(?:litres?|liters?)\b"), "litres"),
)
_POINT = re.compile(r"\b(\d+) point (\d+)\b")
_UNIT_HYPHEN = re.compile(r"(?<=\d)-(?=(?:mg|g|kg|hours|minutes|litres)\b)")
_RANGE = re.compile(
    rf"\bbetween\s+({_NUMBER})\s+and\s+({_NUMBER})\b|\b({_NUMBER})\s*(?:-|to)\s*({_NUMBER})\b"
)
_GRAMS = re.compile(rf"\b({_NUMBER}) g\b")
_HOURLY = re.compile(rf"\b(?:every\s+)?({_NUMBER}(?:-{_NUMBER})?)[\s-]*hourly\b")


def words_to_number(words: str) -> int | None:
    """The integer a run of English number words names ("four thousand" -> 4000)."""
    total, current = 0, 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current


def _number_words(text: str) -> str:
    def replace(found: re.Match[str]) -> str:
        value = words_to_number(found.group(0))
        return found.group(0) if value is None else str(value)

    return _NUMBER_RUN.sub(replace, text)


def _grams_to_mg(found: re.Match[str]) -> str:
    milligrams = float(found.group(1)) * 1000
    return f"{milligrams:g} mg"


def canonical(text: str) -> str:
    """The text with numbers, units, ranges and intervals written one way.

    Lower case; dashes as "-"; "4,000" as "4000"; number words as digits ("zero point three"
    as "0.3"); "a 300-milligram dose" as "a 300 mg dose"; "grams" and "g" as
    milligrams ("4 g" -> "4000 mg"); "hrs", "litres"... spelled one way; "4 to 6", "4–6" and
    "between 4 and 6" as "4-6"; "4-6 hourly" as "every 4-6 hours".
    """
    out = _DASHES.sub("-", text.lower())
    out = _THOUSANDS.sub("", out)
    out = _POINT.sub(r"\1.\2", _number_words(out))
    for pattern, unit in _UNIT_SPELLINGS:
        out = pattern.sub(unit, out)
    out = _UNIT_HYPHEN.sub(" ", out)
    out = _GRAMS.sub(_grams_to_mg, out)
    out = _RANGE.sub(lambda m: "-".join(g for g in m.groups() if g is not None), out)
    return _HOURLY.sub(r"every \1 hours", out)
