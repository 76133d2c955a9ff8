"""A jail's scratch uid is one nothing on the machine holds: no account, no kernel keys."""

from __future__ import annotations

import pwd
from pathlib import Path

import pytest

from objectives import sandbox


def test_uids_with_kernel_keys_or_an_account_are_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = tmp_path / "key-users"
    keys.write_text("    0:     9 8/8 3/1000000 136/25000000\n674429:     2 2/2 2/200 32/20000\n")
    monkeypatch.setattr(sandbox, "KEY_USERS", keys)
    draws = iter([474_429, 100, 101])  # uid 674429 (keys), 200100 (an account), 200101
    monkeypatch.setattr(sandbox.secrets, "randbelow", lambda _: next(draws))
    real = pwd.getpwuid

    def getpwuid(uid: int) -> pwd.struct_passwd:
        if uid == 200_100:
            return real(0)  # stands for an account
        raise KeyError(uid)

    monkeypatch.setattr(sandbox.pwd, "getpwuid", getpwuid)
    assert sandbox.scratch_uid() == 200_101


def test_a_machine_without_key_accounting_still_gets_uids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox, "KEY_USERS", tmp_path / "absent")
    assert 200_000 <= sandbox.scratch_uid() < 1_000_000
