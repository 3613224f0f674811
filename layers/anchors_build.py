"""Work out the anchors of the layers an article may name, into ``geo/data/anchors.json`` (see
:mod:`layers.anchors`). Run in a fresh process, so that every data file the layers read is recorded::

    python -m layers.anchors_build
"""

from __future__ import annotations

import json

from geo.build_data import record_file
from geo.load import DATA_DIR, verified
from layers.anchors import FILE
from layers.registry import anchored_names, worked_out_place

__all__ = ["build", "main"]


def build() -> dict:
    """Every anchor worked out from the layers, and the data files read for them (all read in this process)."""
    anchors = {}
    for name in anchored_names():
        place = worked_out_place(name)
        anchors[name] = [place.lon, place.lat]
    return {"anchors": anchors, "from": {k: v for k, v in verified().items() if k != FILE}}


def main() -> int:
    out = DATA_DIR / FILE
    out.write_text(json.dumps(build(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    record_file(
        out,
        "worked out by tripp-map's layers from the data files it lists under 'from'",
        "as those files",
        "as those files",
        "python -m layers.anchors_build",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
