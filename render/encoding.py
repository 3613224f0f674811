"""Geometry as delta-coded integers on the 1e-4° grid; ``static/geometry.js`` decodes it.

About a third of GeoJSON's size. The grid is the data files' own, so
encoding loses at most half a grid step (under 7 m) on each coordinate.
"""

from __future__ import annotations

from shapely.geometry.base import BaseGeometry

__all__ = ["SCALE", "encode_geometry"]

SCALE = 10_000  # 1e-4 degree grid


def _seq(coords) -> list[int]:
    out: list[int] = []
    px = py = 0
    for x, y, *_ in coords:
        ix, iy = round(x * SCALE), round(y * SCALE)
        out += [ix - px, iy - py]
        px, py = ix, iy
    return out


def encode_geometry(geom: BaseGeometry) -> dict:
    """``{"t": type, "c": coordinates}`` with every ring or line delta-coded from (0, 0)."""
    kind = geom.geom_type
    if kind in ("Point", "LineString"):
        return {"t": kind, "c": _seq(geom.coords)}
    if kind == "MultiPoint":
        return {"t": kind, "c": _seq([p.coords[0] for p in geom.geoms])}
    if kind == "Polygon":
        return {"t": kind, "c": [_seq(geom.exterior.coords), *(_seq(r.coords) for r in geom.interiors)]}
    if kind == "MultiLineString":
        return {"t": kind, "c": [_seq(g.coords) for g in geom.geoms]}
    if kind == "MultiPolygon":
        return {"t": kind, "c": [encode_geometry(p)["c"] for p in geom.geoms]}
    raise ValueError(f"cannot encode {kind}")
