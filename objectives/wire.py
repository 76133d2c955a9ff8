"""The data-only channel between the grader and sandboxed code: plain values as tagged JSON.

Both sides load this file: the grader imports it, and the sandbox loads it by path before it
drops its privileges, so it imports nothing but the standard library. Only plain data
crosses: None, bool, int, float, complex, str, bytes, and lists, tuples, dicts, sets and
frozensets of them. Anything else (an object with its own `__eq__`, an `int` subclass, a
generator) cannot be encoded, and what the grader decodes is always a fresh builtin value, so
no object made by the untrusted code ever reaches the tests.
"""

from __future__ import annotations

import base64
import json
import math
from typing import Any

MAX_DEPTH = 100
# Items in the sets and dicts of one message, together: numbers can be made to collide in a
# hash table, so a large set costs quadratic time to rebuild, outside the call's time limit.
MAX_HASHED_ITEMS = 10_000
# Tag key for the values JSON cannot spell itself; plain JSON objects never appear otherwise.
TAG = "$"


class NotPlainData(ValueError):
    """A value that is not plain data, or a message that does not decode to plain data."""


def encode(value: Any, depth: int = 0) -> Any:
    """Turn a plain value into JSON-ready data, tagging what JSON cannot tell apart.

    Raises:
        NotPlainData: The value (or something inside it) is not plain data.
    """
    if depth > MAX_DEPTH:
        raise NotPlainData(f"nested deeper than {MAX_DEPTH}")
    kind = type(value)
    if value is None or kind is bool or kind is int or kind is str:
        return value
    if kind is float:
        return value if math.isfinite(value) else {TAG: "float", "v": repr(value)}
    if kind is list:
        return [encode(item, depth + 1) for item in value]
    if kind is tuple:
        return {TAG: "tuple", "v": [encode(item, depth + 1) for item in value]}
    if kind is dict:
        pairs = [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]
        return {TAG: "dict", "v": pairs}
    if kind is set or kind is frozenset:
        return {TAG: kind.__name__, "v": [encode(item, depth + 1) for item in value]}
    if kind is bytes:
        return {TAG: "bytes", "v": base64.b64encode(value).decode("ascii")}
    if kind is complex:
        return {TAG: "complex", "v": [encode(value.real), encode(value.imag)]}
    raise NotPlainData(f"a {kind.__name__} is not plain data")


def decode(data: Any, depth: int = 0, budget: list[int] | None = None) -> Any:
    """Rebuild a plain value from `encode`'s output, strictly, as fresh builtin objects.

    Raises:
        NotPlainData: The data is not something `encode` produces, or its sets and dicts
            hold more than MAX_HASHED_ITEMS items together.
    """
    budget = [MAX_HASHED_ITEMS] if budget is None else budget
    if depth > MAX_DEPTH:
        raise NotPlainData(f"nested deeper than {MAX_DEPTH}")
    kind = type(data)
    if data is None or kind is bool or kind is int or kind is str:
        return data
    if kind is float:
        return float(data)
    if kind is list:
        return [decode(item, depth + 1, budget) for item in data]
    if kind is not dict or set(data) != {TAG, "v"}:
        raise NotPlainData("malformed value")
    tag, body = data[TAG], data["v"]
    if tag in ("set", "frozenset", "dict") and type(body) is list:
        budget[0] -= len(body)
        if budget[0] < 0:
            raise NotPlainData(f"sets and dicts hold more than {MAX_HASHED_ITEMS} items")
    try:
        if tag == "float" and body in ("nan", "inf", "-inf"):
            return float(body)
        if tag == "bytes" and type(body) is str:
            return base64.b64decode(body.encode("ascii"), validate=True)
        if type(body) is not list:
            raise NotPlainData("malformed value")
        items = [decode(item, depth + 1, budget) for item in body]
        if tag == "tuple":
            return tuple(items)
        if tag == "set":
            return set(items)
        if tag == "frozenset":
            return frozenset(items)
        if tag == "dict" and all(type(p) is list and len(p) == 2 for p in items):
            return {k: v for k, v in items}
        if tag == "complex" and len(items) == 2 and all(type(x) is float for x in items):
            return complex(items[0], items[1])
    except (TypeError, ValueError) as err:  # an unhashable key or set item, bad base64
        raise NotPlainData(f"malformed {tag}: {err}") from err
    raise NotPlainData(f"unknown or malformed tag {tag!r}")


def dumps(message: dict[str, Any]) -> bytes:
    """One message as one line of JSON (non-finite floats are tagged, never bare)."""
    return json.dumps(message, allow_nan=False, separators=(",", ":")).encode() + b"\n"


def loads(line: bytes) -> dict[str, Any]:
    """Parse one message line.

    Raises:
        NotPlainData: The line is not one JSON object (bad JSON, bare NaN, too deep to parse).
    """

    def refuse(name: str) -> Any:
        raise NotPlainData(f"bare {name} is not allowed")

    try:
        message = json.loads(line, parse_constant=refuse)
    except (ValueError, RecursionError) as err:
        raise NotPlainData(f"not a message: {type(err).__name__}: {str(err)[:100]}") from err
    if type(message) is not dict:
        raise NotPlainData("not a message: not a JSON object")
    return message
