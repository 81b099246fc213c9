"""`frontlines --help` and `--version` start fast: the command line imports spaCy, scikit-learn and
SQLAlchemy only inside the commands that need them (measured by what is loaded, not by a clock)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("spacy", "sklearn", "sqlalchemy", "alembic", "thinc")


def modules_loaded_by(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


@pytest.mark.parametrize("code", ["import frontlines", "import frontlines.cli"])
def test_importing_the_package_or_the_command_line_loads_no_heavy_library(code: str) -> None:
    assert not modules_loaded_by(code) & set(HEAVY)


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["ingest", "--help"], ["events", "--help"]])
def test_help_and_version_load_no_heavy_library(argv: list[str]) -> None:
    code = f"from frontlines.cli import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n    pass"
    assert not modules_loaded_by(code) & set(HEAVY)


def test_a_public_name_loads_its_module_on_first_use() -> None:
    assert "sqlalchemy" in modules_loaded_by("import frontlines\nfrontlines.add_note")
