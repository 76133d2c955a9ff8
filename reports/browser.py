"""Open a report in headless Chromium (Debian's package) and report what the page did.

The browser test and the README screenshot both go through `open_report`, so the picture
in the README is of a page that passed the checks.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# The globals injected test payloads would set if any of them ran.
PWNED = "window.__pwned"


@dataclass
class PageCheck:
    """What happened when the report was opened."""

    charts: str  # "ready", "failed" or "loading" (timed out)
    marks: dict[str, int] = field(default_factory=dict)  # chart element id -> point marks drawn
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # anything not file: or data:
    pwned: str | None = None
    text: str = ""


def chromium_path() -> str:
    """Debian's chromium, or $CHROMIUM; never a downloaded browser.

    Raises:
        FileNotFoundError: Neither is there; the message says how to get one.
    """
    wanted = os.environ.get("CHROMIUM")
    if wanted:
        found = shutil.which(wanted)
        if not found:
            raise FileNotFoundError(f"CHROMIUM={wanted} is not an executable")
        return found
    found = shutil.which("chromium")
    if not found:
        raise FileNotFoundError(
            "chromium not found on PATH: apt-get install chromium (or set CHROMIUM)"
        )
    return found


def open_report(
    path: Path,
    screenshot: Path | None = None,
    actions: Callable[[Page], None] | None = None,
    timeout_ms: int = 60_000,
    width: int = 1280,
    height: int = 900,
) -> PageCheck:
    """Load the report from file://, wait for its charts, and collect what the page did.

    `actions` runs on the loaded page (clicks, reads) before the checks are collected.
    """
    from playwright.sync_api import Dialog, sync_playwright

    check = PageCheck(charts="loading")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_FLAGS
        )
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.on(
                "console",
                lambda m: check.console_errors.append(m.text) if m.type == "error" else None,
            )
            page.on("pageerror", lambda e: check.page_errors.append(str(e)))

            def on_dialog(dialog: Dialog) -> None:
                check.dialogs.append(dialog.message)
                dialog.dismiss()

            page.on("dialog", on_dialog)
            page.on(
                "request",
                lambda r: (
                    check.requests.append(r.url)
                    if not r.url.startswith(("file:", "data:"))
                    else None
                ),
            )
            page.goto(path.resolve().as_uri())
            try:
                page.wait_for_function(
                    "document.body.dataset.charts !== 'loading'", timeout=timeout_ms
                )
            finally:
                check.charts = page.evaluate("document.body.dataset.charts")
            if actions is not None:
                actions(page)
            check.marks = page.evaluate(
                """() => Object.fromEntries(Array.from(document.querySelectorAll(".chart"))
                    .map((el) => [el.id, el.querySelectorAll(POINTS).length]))""".replace(
                    "POINTS", '".mark-symbol.role-mark path"'
                )
            )
            pwned = page.evaluate(f"typeof {PWNED} === 'undefined' ? null : String({PWNED})")
            check.pwned = pwned
            check.text = page.inner_text("body")
            if screenshot is not None:
                page.screenshot(path=str(screenshot), full_page=False)
        finally:
            browser.close()
    return check


def main() -> None:
    """`python -m reports.browser REPORT.html SHOT.png`: check a report and screenshot it."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("report", type=Path)
    parser.add_argument("screenshot", type=Path)
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1400)
    args = parser.parse_args()
    check = open_report(
        args.report, screenshot=args.screenshot, width=args.width, height=args.height
    )
    problems = check.console_errors + check.page_errors + check.dialogs + check.requests
    print(f"charts={check.charts} marks={check.marks} problems={problems}")
    if check.charts != "ready" or problems or check.pwned is not None:
        raise SystemExit(1)
    print(f"wrote {args.screenshot}")


if __name__ == "__main__":
    main()
