"""Safe HTML building blocks: every piece of text is escaped here, scripts carry CSP hashes.

Model output is hostile input. Nothing in a report reaches the page except through `text`
(escaped), `json_data` (a non-executable JSON block with `<`, `>` and `&` escaped) or a
script this package wrote, whose SHA-256 goes into the Content-Security-Policy: a script
that slipped through anyway, or an inline event handler, would not run.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reports.missing import MISSING, is_missing, shown, shown_interval, to_json


def text(value: Any) -> str:
    """Escaped text for element content or a quoted attribute value."""
    return html.escape("" if value is None else str(value), quote=True)


def json_data(element_id: str, payload: Any) -> str:
    """A `<script type="application/json">` block; the browser never runs it.

    Missing numbers (NaN, infinity) are written as null, which JSON.parse accepts.
    """
    body = to_json(payload)
    body = body.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{text(element_id)}">{body}</script>'


@dataclass
class Scripts:
    """The page's own scripts, collected so the CSP can allow exactly these."""

    bodies: list[str] = field(default_factory=list)

    def tag(self, body: str) -> str:
        """A script element for one of our scripts."""
        self.bodies.append(body)
        return f"<script>{body}</script>"

    def policy(self) -> str:
        """Content-Security-Policy: our scripts by hash; Vega compiles expressions (eval)."""
        hashes = " ".join(
            "'sha256-" + base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() + "'"
            for b in self.bodies
        )
        return (
            "default-src 'none'; "
            f"script-src {hashes} 'unsafe-eval'; "
            "style-src 'unsafe-inline'; img-src data:; font-src data:; "
            "base-uri 'none'; form-action 'none'"
        )


@dataclass(frozen=True)
class Cell:
    """A table cell: what is shown, and the value it sorts by (numbers sort as numbers)."""

    shown: str
    sort: float | str | None = None


def number(value: float | None, digits: int = 3) -> Cell:
    """A number cell; missing values show as an en dash and sort last."""
    return Cell(shown(value, digits), _estimate(value))


def interval(value: float | None, low: float | None, high: float | None) -> Cell:
    """`0.512 [0.401, 0.620]`, sorting by the estimate; a missing estimate is a dash."""
    return Cell(shown_interval(value, low, high), _estimate(value))


def _estimate(value: float | None) -> float | None:
    """The sort key of a number: none when missing, so it sorts last."""
    return None if value is None or is_missing(value) else float(value)


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell | str | int | float]],
    sortable: bool = False,
    caption: str | None = None,
) -> str:
    """An HTML table; with `sortable`, clicking a header sorts by that column."""
    head = "".join(f'<th scope="col">{text(h)}</th>' for h in headers)
    body = []
    for row in rows:
        cells = []
        for value in row:
            cell = value if isinstance(value, Cell) else _cell(value)
            key = "" if cell.sort is None else f' data-sort="{text(cell.sort)}"'
            cells.append(f"<td{key}>{text(cell.shown)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    classes = ' class="sortable"' if sortable else ""
    title = f"<caption>{text(caption)}</caption>" if caption else ""
    return (
        f"<table{classes}>{title}<thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _cell(value: Any) -> Cell:
    if is_missing(value):
        return Cell(MISSING, None)
    return Cell(str(value), _sort_key(value))


def _sort_key(value: Any) -> float | str | None:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return float(value)
    return None


# Sorts a table.sortable by the clicked column: numbers by data-sort, text by content;
# a second click reverses. Cells without a value sort last either way.
SORT_SCRIPT = """
document.querySelectorAll("table.sortable th").forEach((th, column) => {
  th.addEventListener("click", () => {
    const body = th.closest("table").tBodies[0];
    const down = th.dataset.order !== "desc";
    th.closest("tr").querySelectorAll("th").forEach((h) => delete h.dataset.order);
    th.dataset.order = down ? "desc" : "asc";
    const key = (row) => {
      const cell = row.cells[column];
      if (!cell || cell.textContent === "\\u2013") return null;
      const n = Number(cell.dataset.sort);
      return cell.dataset.sort !== undefined && !Number.isNaN(n) ? n : cell.textContent;
    };
    const rows = Array.from(body.rows);
    rows.sort((a, b) => {
      const x = key(a), y = key(b);
      if (x === null || y === null) return (x === null) - (y === null);
      const numbers = typeof x === "number" && typeof y === "number";
      const order = numbers ? x - y : String(x).localeCompare(String(y));
      return down ? -order : order;
    });
    rows.forEach((row) => body.appendChild(row));
  });
});
"""
