"""The shared corpus the annotations point into: required under CI=true, else its tests skip."""

from __future__ import annotations

import os

import pytest

from frontlines.reader.corpus import corpus_dir


@pytest.fixture(scope="session")
def corpus():  # type: ignore[no-untyped-def]
    folder = corpus_dir()
    if not (folder / "current-events" / "lines.jsonl").exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the shared corpus is missing at {folder} under CI=true")
        pytest.skip(f"the shared corpus is not at {folder}")
    return folder
