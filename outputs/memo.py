"""Results the app keeps for every session: bounded, made once per key, and out of any client's reach.

Streamlit's own caches can be emptied by any browser (its ``clear_cache`` message clears them for every
session), so one student could slow the whole class; these live in this module, which no message reaches.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

__all__ = ["Memo", "memo"]


class Memo:
    """At most ``max_entries`` results by key, the least recently used dropped first.

    Two sessions asking for the same missing key wait for one computation.
    """

    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self._results: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._making: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The result for ``key``, made by ``make()`` if it is not kept (a failure is not kept)."""
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
            making = self._making.setdefault(key, threading.Lock())
        with making:
            with self._lock:
                if key in self._results:
                    return self._results[key]
            try:
                value = make()
            except BaseException:
                with self._lock:
                    self._making.pop(key, None)
                raise
            with self._lock:
                self._results[key] = value
                self._making.pop(key, None)
                while len(self._results) > self.max_entries:
                    self._results.popitem(last=False)
            return value

    def __len__(self) -> int:
        with self._lock:
            return len(self._results)

    def clear(self) -> None:
        with self._lock:
            self._results.clear()


_MEMOS: dict[str, Memo] = {}
_MEMOS_LOCK = threading.Lock()


def memo(name: str, max_entries: int) -> Memo:
    """The process's one :class:`Memo` called ``name`` (the app's script reruns; this module does not)."""
    with _MEMOS_LOCK:
        return _MEMOS.setdefault(name, Memo(max_entries))
