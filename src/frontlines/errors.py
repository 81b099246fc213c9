"""One exception tree. Each error names the offending input and says what to do.

FrontlinesError
├── BadInput         an input file / record that cannot be ingested
├── StoreError       the database cannot be opened or migrated
├── GazetteerError   gazetteer data missing or malformed
├── ModelError       the spaCy pipeline cannot be loaded
├── GoldError        a gold file that cannot be read
├── ControlError     a baseline, place, note or control request that cannot be used
├── TheatreError     a theatre file (one war as data) that cannot be used
└── AccountError     a user name, password or role that cannot be used
"""

from __future__ import annotations


class FrontlinesError(Exception):
    """Base of every error frontlines raises on purpose."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} — {self.hint}" if self.hint else self.message


class BadInput(FrontlinesError):
    """An input (file, line of a JSONL file, feed item) that cannot be ingested."""

    def __init__(self, origin: str, reason: str, hint: str) -> None:
        super().__init__(f"{origin}: {reason}", hint=hint)
        self.origin = origin
        self.reason = reason


class StoreError(FrontlinesError):
    """The database cannot be reached, opened or migrated."""


class GazetteerError(FrontlinesError):
    """Gazetteer data is missing or malformed."""


class ModelError(FrontlinesError):
    """The spaCy pipeline named in the settings cannot be loaded."""


class GoldError(FrontlinesError):
    """A gold file cannot be read."""


class ControlError(FrontlinesError):
    """A baseline file, place name, note or control request that cannot be used."""


class TheatreError(FrontlinesError):
    """A theatre file that cannot be read or names a group it does not define."""

    def __init__(self, path: object, reason: str, hint: str) -> None:
        super().__init__(f"the theatre file {path}: {reason}", hint=hint)
        self.path = str(path)
        self.reason = reason


class AccountError(FrontlinesError):
    """A workbench account that cannot be added or used: a bad name, role or password."""
