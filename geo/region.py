"""The geography every part of the project agrees on: the boxes and the opening view.

Boxes are ``(lon_min, lat_min, lon_max, lat_max)`` in degrees (EPSG:4326).
"""

from __future__ import annotations

__all__ = ["DATA_BOX", "INSET_BOX", "MAP_CENTRE", "NEAR_BOX", "RELIEF_BOX", "VIEW_BOUNDS", "WORLD_BOX", "in_region"]

# The data file's polygons are clipped to this box: the South Caucasus with room around it.
DATA_BOX = (42.4, 37.9, 50.9, 42.4)

# The world around the region, drawn coarser so that no zoom the map allows shows the data's edge.
WORLD_BOX = (0.0, 15.0, 90.0, 60.0)

# The shaded relief: the Caucasus, the Armenian highlands and the Caspian's shores.
RELIEF_BOX = (36.0, 33.0, 56.0, 46.0)

# The locator inset: the region between the Black Sea and the Caspian, in its part of the world.
INSET_BOX = (22.0, 28.0, 66.0, 50.0)

# A place inside this box is "in the region" and drawn where it is; a place
# outside it is far away and gets a callout at the map's edge.
NEAR_BOX = (38.0, 36.5, 53.5, 44.0)

# What the map frames when it opens: ((south, west), (north, east)), Leaflet's order.
VIEW_BOUNDS = ((38.3, 43.0), (41.9, 50.4))

# (lon, lat) of the opening view's centre: callouts toward far places start here.
MAP_CENTRE = (
    (VIEW_BOUNDS[0][1] + VIEW_BOUNDS[1][1]) / 2,
    (VIEW_BOUNDS[0][0] + VIEW_BOUNDS[1][0]) / 2,
)


def in_region(lon: float, lat: float) -> bool:
    """Whether a point lies in the region the map shows (else it gets a callout)."""
    lon_min, lat_min, lon_max, lat_max = NEAR_BOX
    return lon_min <= lon <= lon_max and lat_min <= lat <= lat_max
