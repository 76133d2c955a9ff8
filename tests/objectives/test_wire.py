"""The data-only channel: plain values cross exactly; anything else is refused."""

from __future__ import annotations

import math

import pytest

from objectives import wire


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        0,
        -(10**30),
        1.5,
        "tëxt",
        b"\x00\xff",
        1 + 2j,
        [1, [2, (3, "a")]],
        (1,),
        {"a": [1, 2], 3: (4, None)},
        {1, 2, 3},
        frozenset({"x"}),
        {(1, 2): {"nested": {4.5}}},
    ],
)
def test_plain_values_cross_unchanged(value: object) -> None:
    back = wire.decode(wire.loads(wire.dumps({"ok": wire.encode(value)}))["ok"])
    assert back == value and type(back) is type(value)


def test_non_finite_floats_cross_tagged() -> None:
    line = wire.dumps({"ok": wire.encode([math.inf, -math.inf, math.nan])})
    assert b"Infinity" not in line and b"NaN" not in line
    inf, minus, nan = wire.decode(wire.loads(line)["ok"])
    assert inf == math.inf and minus == -math.inf and math.isnan(nan)


class Yes:
    def __eq__(self, other: object) -> bool:
        return True


class Int(int):
    pass


@pytest.mark.parametrize(
    ("value", "why"),
    [
        (Yes(), "a Yes is not plain data"),
        (Int(3), "a Int is not plain data"),
        ((x for x in ()), "a generator is not plain data"),
        ([1, {2: Yes()}], "a Yes is not plain data"),
    ],
)
def test_anything_else_is_refused(value: object, why: str) -> None:
    with pytest.raises(wire.NotPlainData, match=why):
        wire.encode(value)


def test_deep_nesting_is_refused_both_ways() -> None:
    deep: list[object] = []
    for _ in range(wire.MAX_DEPTH + 5):
        deep = [deep]
    with pytest.raises(wire.NotPlainData, match="nested deeper"):
        wire.encode(deep)
    with pytest.raises(wire.NotPlainData, match="nested deeper"):
        wire.decode(deep)


@pytest.mark.parametrize(
    ("line", "why"),
    [
        (b'{"ok": NaN}', "bare NaN"),
        (b"[1, 2]", "not a JSON object"),
        (b"{not json", "not a message"),
    ],
)
def test_bad_lines_are_refused(line: bytes, why: str) -> None:
    with pytest.raises(wire.NotPlainData, match=why):
        wire.loads(line)


@pytest.mark.parametrize(
    "data",
    [
        {"$": "always_equal", "v": []},
        {"$": "tuple", "v": [], "extra": 1},
        {"$": "set", "v": [[1]]},
        {"$": "dict", "v": [[[1], 2]]},
        {"$": "float", "v": "1e999x"},
        {"$": "bytes", "v": "!!"},
        {"plain": "object"},
    ],
)
def test_forged_or_malformed_tags_are_refused(data: object) -> None:
    with pytest.raises(wire.NotPlainData):
        wire.decode(data)


def test_sets_and_dicts_are_capped_so_colliding_hashes_cannot_stall_the_grader() -> None:
    colliding = [k * (2**61 - 1) for k in range(1, wire.MAX_HASHED_ITEMS + 2)]
    with pytest.raises(wire.NotPlainData, match="hold more than"):
        wire.decode({"$": "set", "v": colliding})
    assert len(wire.decode({"$": "set", "v": colliding[:100]})) == 100
