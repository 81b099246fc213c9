"""A time limit per input: one pathological file costs its own read, never the run.

Reading and parsing one input runs under a real-time alarm (POSIX, main thread); an input that takes
longer is named as a problem and the run goes on. FRONTLINES_INPUT_SECONDS changes the limit.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

DEFAULT_INPUT_SECONDS = 60.0

T = TypeVar("T")


class InputTooSlow(Exception):
    """Reading one input took longer than its time limit."""


def input_seconds() -> float:
    try:
        return float(os.environ.get("FRONTLINES_INPUT_SECONDS", DEFAULT_INPUT_SECONDS))
    except ValueError:
        return DEFAULT_INPUT_SECONDS


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def _expired(_signum: int, _frame: object) -> None:
        raise InputTooSlow

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def within_limit(read: Callable[[], T], seconds: float | None = None) -> T:
    """`read()`, or InputTooSlow when it runs past the limit."""
    with _alarm(input_seconds() if seconds is None else seconds):
        return read()
