"""frontlines: dated war reports in, a sourced and geolocated record of events out."""

from frontlines._version import __version__
from frontlines.api import IngestResult, evaluate, events, extract, ingest, open_store
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
    "evaluate",
    "events",
    "extract",
    "ingest",
    "open_store",
]
