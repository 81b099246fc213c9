"""How many events match a filter, remembered until the database changes.

Counting every matching row is most of the cost of a page of the events table (11 ms of 14 on
100,000 events in SQLite): the page itself is a seek on the date index. A count stays true until
someone writes. For an SQLite file, a write changes the size or modification time of the database
file or its write-ahead log, and that is the count's key; other databases are counted on every
request. The workbench's own writes (verdicts) also forget every count at once.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from frontlines.store import Store

MAX_REMEMBERED = 1024  # filters whose totals are kept, the least recently used dropped first
MAX_PAGES = 64  # pages of the events API kept whole (the first pages of common filters)


class Totals:
    """A least-recently-used memory of totals per filter, valid while the store's files are unchanged."""

    def __init__(self, store: Store, most: int = MAX_REMEMBERED) -> None:
        self._files = _sqlite_files(store)
        self._known: OrderedDict[Hashable, tuple[tuple[int, ...], Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._most = most

    def total(self, key: Hashable, count: Callable[[], int]) -> int:
        return self.remember(key, count)  # type: ignore[no-any-return]

    def remember(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """What `compute()` gave for this key, while the store is unchanged; computed anew after a write."""
        if not self._files:
            return compute()
        version = self._version()
        with self._lock:
            found = self._known.get(key)
            if found is not None and found[0] == version:
                self._known.move_to_end(key)
                return found[1]
        value = compute()
        with self._lock:
            self._known[key] = (version, value)
            self._known.move_to_end(key)
            while len(self._known) > self._most:
                self._known.popitem(last=False)
        return value

    def forget(self) -> None:
        """Drop every remembered total (after a write whose file change a coarse clock might hide)."""
        with self._lock:
            self._known.clear()

    def _version(self) -> tuple[int, ...]:
        stamp: list[int] = []
        for path in self._files:
            try:
                info = os.stat(path)
                stamp += [info.st_mtime_ns, info.st_size, info.st_ino]
            except FileNotFoundError:
                stamp += [0, 0, 0]
        return tuple(stamp)


def _sqlite_files(store: Store) -> tuple[str, ...]:
    url = store.engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return ()
    return (url.database, url.database + "-wal")
