"""The one base class of every failure a user is told about.

Each kind of failure has its own subclass, next to the code that raises it
(``DataError`` in :mod:`geo.load`, ``ArticleError`` in :mod:`geo.articles`,
``LayerError`` in :mod:`layers.spec`, ``WriteError`` in :mod:`outputs.files`).
Every message is one line in one style, ``<what>: <what is wrong>``, so the
command line prints it as ``tripp-map: error: <message>`` and the app shows it
as it is.
"""

from __future__ import annotations

import unicodedata

__all__ = ["TrippError", "one_line", "shown"]


class TrippError(Exception):
    """A failure the user can act on; its message is one line."""


def shown(name: object) -> str:
    """A name as a message may print it: control, format and direction characters (a newline, U+202E) escaped,
    so a message stays one line and reads in order."""
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") else c for c in str(name)
    )


def one_line(exc: BaseException) -> str:
    """An exception's message as one line for a person (its first line, or its kind when it says nothing)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
