"""frontlines: dated war reports in, a sourced and geolocated record of events out."""

# The stage packages load first: the API functions of the same names (ingest, extract) are bound
# after them, so that importing a submodule later never replaces the function on this package.
import frontlines.extract as _extract_stage  # noqa: F401
import frontlines.ingest as _ingest_stage  # noqa: F401
from frontlines._version import __version__
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
