"""Shared geometry below the layers that use it: the country polygons as drawn.

Built from the data file's atoms directly (never through the registry), so
the route, the corridors and the facts can all use it without a cycle.
"""

from __future__ import annotations

from functools import cache

import shapely

from layers._atoms import atom_rows, atom_union

__all__ = ["country_shapes"]


@cache
def country_shapes() -> dict[str, shapely.Geometry]:
    """Name → polygon: the countries (de jure), Syunik, and the neighbours, as the map draws them.

    The same unions as the country layers, so a border measured here is the
    border the map shows.
    """
    shapes = {
        "Armenia": atom_union(("armenia", None), ("syunik", None), ("enclave", "Artsvashen")),
        "Azerbaijan (mainland)": atom_union(
            ("azerbaijan", None),
            ("karabakh", None),
            ("enclave", "Yukhari Askipara"),
            ("enclave", "Barkhudarly and Sofulu"),
        ),
        "Nakhchivan": atom_union(("nakhchivan", None), ("enclave", "Karki")),
        "Syunik": atom_rows("syunik").geometry.iloc[0],
    }
    neighbors = atom_rows("neighbor").set_index("name").geometry
    shapes.update({name: neighbors[name] for name in ("Iran", "Turkey", "Georgia", "Russia")})
    shapes["Azerbaijan (mainland + Nakhchivan)"] = shapely.union(shapes["Azerbaijan (mainland)"], shapes["Nakhchivan"])
    return shapes
