"""How the `frontlines` command ends: its exit statuses, and one readable line for every error.

    0  done
    1  some input was refused (each one named, with the reason and a fix)
    2  usage or setup error: a bad option, a database that cannot be opened or written, a missing
       driver, a read command on a database that does not exist
    3  internal error: a bug. One line says what; the traceback goes to a log file, never the terminal.
"""

from __future__ import annotations

import datetime
import os
import sys
import tempfile
import traceback
from typing import NoReturn

import click
from rich.console import Console

from frontlines._version import __version__
from frontlines.errors import FrontlinesError
from frontlines.terminal import styled

EXIT_DONE = 0
EXIT_INPUT_REFUSED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

console = Console(stderr=True, soft_wrap=True, highlight=False, markup=False)  # never wrap a message inside a path


class FriendlyErrors(click.Group):
    """Turns every error into one readable message and its exit status (see the module docstring)."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except FrontlinesError as exc:
            fail(exc.message, exc.hint, EXIT_USAGE)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise  # click prints these itself: usage errors exit 2
        except BrokenPipeError:
            _quiet_broken_pipe()
        except Exception as exc:  # noqa: BLE001 -- the last line of defence: never a traceback
            if _is_database_error(exc):
                fail(
                    f"database error: {_first_line(exc)}",
                    "check that the database file and its folder are writable and that the server is "
                    "running (--db / FRONTLINES_DB)",
                    EXIT_USAGE,
                )
            log_path = write_error_log(exc)
            fail(
                f"internal error: {type(exc).__name__}: {_first_line(exc)}",
                f"this is a bug; the details are in {log_path} (please attach it to a report)",
                EXIT_INTERNAL,
            )


def fail(message: str, hint: str, status: int) -> NoReturn:
    """Print ``error: message`` and ``hint: hint`` on stderr as plain text, and exit with ``status``."""
    console.print(styled(("error:", "bold red"), (" " + message, "")))
    if hint:
        console.print(styled(("hint:", "yellow"), (" " + hint, "")))
    sys.exit(status)


def write_error_log(exc: BaseException) -> str:
    """Write the traceback, the command line and the version to a new log file; return its path."""
    handle, path = tempfile.mkstemp(prefix="frontlines-error-", suffix=".log")
    with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace") as log:
        log.write(f"frontlines {__version__} at {datetime.datetime.now().isoformat(timespec='seconds')}\n")
        log.write(f"command: {' '.join(sys.argv)}\n\n")
        log.write("".join(traceback.format_exception(exc)))
    return path


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else "(no message)"


def _is_database_error(exc: BaseException) -> bool:
    """SQLAlchemy's OperationalError: a read-only file, a locked database, a lost connection."""
    return type(exc).__module__.startswith("sqlalchemy") and type(exc).__name__ == "OperationalError"


def _quiet_broken_pipe() -> NoReturn:
    """The reader of our output went away (``frontlines events | head``): stop without a word."""
    try:  # Python flushes stdout at exit: point it somewhere that takes the rest
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # no file descriptor (output captured in memory): nothing left to flush into a pipe
    sys.exit(EXIT_DONE)
