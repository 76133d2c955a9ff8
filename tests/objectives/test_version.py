"""The scorer's version follows every grading file, new ones included, and the classifier."""

from __future__ import annotations

import shutil
from pathlib import Path

from objectives import version
from objectives.version import PACKAGE_DIR, grading_digest, scorer_version


def _copy(tmp_path: Path) -> Path:
    copy = tmp_path / "objectives"
    copy.mkdir(parents=True)
    for path in PACKAGE_DIR.iterdir():
        if path.is_file():
            shutil.copy(path, copy / path.name)
    return copy


def test_any_code_change_in_a_grading_file_changes_the_digest(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    base = grading_digest(copy)
    assert base == grading_digest(PACKAGE_DIR)
    (copy / "version.py").write_text((copy / "version.py").read_text() + "\n# a comment\n")
    assert grading_digest(copy) == base  # comments and layout score nothing
    (copy / "version.py").write_text((copy / "version.py").read_text() + "\nEDITED = 1\n")
    assert grading_digest(copy) != base
    (copy / "version.py").write_bytes((PACKAGE_DIR / "version.py").read_bytes())
    assert grading_digest(copy) == base
    # A new module (a sandbox helper, say) is covered without being listed anywhere.
    (copy / "new_sandbox_helper.py").write_text("LIMIT = 1\n")
    assert grading_digest(copy) != base


def test_retrained_classifier_changes_the_digest_and_training_data_does_not(
    tmp_path: Path,
) -> None:
    copy = _copy(tmp_path)
    base = grading_digest(copy)
    (copy / "refusal_card.json").write_text('{"retrained": true}')
    assert grading_digest(copy) != base
    copy = _copy(tmp_path / "again")
    (copy / "refusal_data").mkdir()
    (copy / "refusal_data" / "labels.jsonl").write_text("{}\n")
    (copy / "notes.txt").write_text("not grading")
    assert grading_digest(copy) == base


def test_scorer_version_is_short_stable_and_names_the_encoder_release() -> None:
    assert scorer_version() == scorer_version() and len(scorer_version()) == 16
    assert version._encoder_release() != "absent"
