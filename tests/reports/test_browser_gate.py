"""Without chromium the browser tests skip with the reason, unless CI requires the browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import pytest

from tests.conftest import REQUIRE_BROWSER, pytest_runtest_setup

REASON = "chromium not found on PATH: apt-get install chromium (or set CHROMIUM)"


class Item:
    """Just enough of a pytest item: its markers."""

    def __init__(self, *markers: str) -> None:
        self.markers = markers

    def get_closest_marker(self, name: str) -> Any:
        return pytest.mark.browser.mark if name in self.markers else None


def gate(*markers: str) -> None:
    pytest_runtest_setup(cast(pytest.Item, Item(*markers)))


@pytest.fixture
def no_chromium(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.delenv(REQUIRE_BROWSER, raising=False)
    return monkeypatch


def test_locally_a_missing_browser_skips_with_the_reason(no_chromium: pytest.MonkeyPatch) -> None:
    with pytest.raises(pytest.skip.Exception) as skipped:
        gate("browser")
    assert str(skipped.value) == f"{REASON}; {REQUIRE_BROWSER}=1 turns this skip into a failure"


def test_in_ci_a_missing_browser_fails(no_chromium: pytest.MonkeyPatch) -> None:
    no_chromium.setenv(REQUIRE_BROWSER, "1")
    with pytest.raises(pytest.fail.Exception) as failed:
        gate("browser")
    assert str(failed.value) == f"{REASON}; {REQUIRE_BROWSER}=1 requires the browser"


def test_other_tests_and_a_present_browser_pass_the_gate(
    no_chromium: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    gate()  # not a browser test: no browser needed
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n", encoding="utf-8")
    fake.chmod(0o755)
    gate("browser")


def test_a_chromium_variable_naming_nothing_is_missing(no_chromium: pytest.MonkeyPatch) -> None:
    no_chromium.setenv("CHROMIUM", "/nowhere/chromium")
    with pytest.raises(pytest.skip.Exception, match=r"^CHROMIUM=/nowhere/chromium is not an"):
        gate("browser")
