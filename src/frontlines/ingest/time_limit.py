"""A time limit per input: one pathological file costs its own read, never the run.

Reading and parsing one input runs under a real-time alarm (POSIX, main thread); an input that takes
longer is named as a problem and the run goes on. FRONTLINES_INPUT_SECONDS changes the limit.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TypeVar

DEFAULT_INPUT_SECONDS = 60.0
_RETRY_SECONDS = 0.01

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

    suspended: list = []

    def _expired(_signum: int, frame: FrameType | None) -> None:
        # An exception raised inside a gc callback, a weakref callback or a finalizer is swallowed by
        # the interpreter and the read would go on: so the alarm fires again a moment later until
        # one lands in the read itself; gc callbacks (hypothesis installs one) are set aside until
        # the read has stopped, since a signal during a collection is handled inside them.
        signal.setitimer(signal.ITIMER_REAL, _RETRY_SECONDS)
        if _in_gc_callback(frame):
            suspended.extend(gc.callbacks)
            gc.callbacks.clear()
            return
        raise InputTooSlow

    def _quiet(unraisable: sys.UnraisableHookArgs) -> None:
        if not isinstance(unraisable.exc_value, InputTooSlow):  # ours, swallowed: it fires again
            previous_hook(unraisable)

    previous_hook = sys.unraisablehook
    sys.unraisablehook = _quiet
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        sys.unraisablehook = previous_hook
        gc.callbacks.extend(c for c in suspended if c not in gc.callbacks)


def _in_gc_callback(frame: FrameType | None) -> bool:
    callbacks = {getattr(c, "__code__", None) for c in gc.callbacks}
    while frame is not None:
        if frame.f_code in callbacks:
            return True
        frame = frame.f_back
    return False


def within_limit(read: Callable[[], T], seconds: float | None = None) -> T:
    """`read()`, or InputTooSlow when it runs past the limit."""
    with _alarm(input_seconds() if seconds is None else seconds):
        return read()
