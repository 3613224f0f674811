"""The one base class of every failure a user is told about.

Each kind of failure has its own subclass, next to the code that raises it
(``DataError`` in :mod:`geo.load`, ``ArticleError`` in :mod:`geo.articles`,
``LayerError`` in :mod:`layers.spec`, ``WriteError`` in :mod:`outputs.files`).
Every message is one line in one style, ``<what>: <what is wrong>``, so the
command line prints it as ``tripp-map: error: <message>`` and the app shows it
as it is.
"""

from __future__ import annotations

__all__ = ["TrippError"]


class TrippError(Exception):
    """A failure the user can act on; its message is one line."""
