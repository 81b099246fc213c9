"""frontlines: dated war reports in, a sourced and geolocated record of events out.

The public names load on first use (PEP 562), so ``import frontlines`` and ``frontlines --help``
stay fast: spaCy, SQLAlchemy and scikit-learn are imported only by what needs them.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from frontlines._version import __version__

if TYPE_CHECKING:
    from frontlines.api import IngestResult, evaluate, events, extract, ingest, open_store
    from frontlines.control_api import add_note, control_on, history, load_baseline, set_control, timeline
    from frontlines.model import Claim, DateValue, Event, IngestProblem, Place, Report, Source

__all__ = [
    "Claim",
    "DateValue",
    "Event",
    "IngestProblem",
    "IngestResult",
    "Place",
    "Report",
    "Source",
    "__version__",
    "add_note",
    "control_on",
    "evaluate",
    "events",
    "extract",
    "history",
    "ingest",
    "load_baseline",
    "open_store",
    "set_control",
    "timeline",
]

_HOME = {
    **dict.fromkeys(("IngestResult", "evaluate", "events", "extract", "ingest", "open_store"), "frontlines.api"),
    **dict.fromkeys(("add_note", "control_on", "history", "load_baseline", "set_control", "timeline"), "frontlines.control_api"),
    **dict.fromkeys(("Claim", "DateValue", "Event", "IngestProblem", "Place", "Report", "Source"), "frontlines.model"),
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'frontlines' has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOME[name]), name)
    setattr(sys.modules[__name__], name, value)
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """`frontlines.ingest` and `frontlines.extract` are the API functions, though stage packages of the
    same names exist: importing one of those packages must not put the package in the function's place
    (the import system sets each new submodule as an attribute of its parent)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in ("ingest", "extract") and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
