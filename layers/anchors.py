"""Where a mention of each layer an article may name is drawn, prebuilt in ``geo/data/anchors.json``.

Finding where a mention of the TRIPP route or Karabakh goes means building that layer, which took a quarter of
the time of annotating a 1 MB article (issue 22's budget). So the anchors are worked out once, like the
gazetteer, with the data files they were worked out from and those files' digests. While every one of those
files is unchanged in the manifest, the stored anchor is used; once one changes, anchors are worked out again
from the layers, so a stale file costs time, never a wrong place. Rebuild (in a fresh process, so that every
file the layers read is recorded)::

    python -m layers.anchors_build
"""

from __future__ import annotations

import json
from functools import cache

from geo.load import DataError, manifest, verify

__all__ = ["FILE", "stored"]

FILE = "anchors.json"


@cache
def _table() -> dict:
    try:
        table = json.loads(verify(FILE).read_text(encoding="utf-8"))
    except (DataError, ValueError):
        return {}  # only a cache: without it every anchor is worked out from its layer
    files = manifest()["files"]
    if any(files.get(name, {}).get("sha256") != digest for name, digest in table["from"].items()):
        return {}
    return table["anchors"]


def stored(name: str) -> tuple[float, float] | None:
    """The prebuilt anchor (lon, lat) of a layer or lazy place, or None (not stored, or its data changed)."""
    entry = _table().get(name)
    return None if entry is None else (entry[0], entry[1])
