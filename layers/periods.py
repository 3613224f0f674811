"""When a dated feature is on the map: one rule for the web map's twin (``render/static/time.js``), the
handout, the figure and the labels.

A dated feature carries ``since`` and ``until``: the first day it is drawn in its state and the day it stops
(``until`` empty while it lasts, ``since`` empty when it was so before every date the map shows). A year
("1941") or a month ("1992-04") stands for its first day. ``since_means`` / ``until_means`` say what each
date is (opened, closed, proposed, construction began …).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import geopandas as gpd

from geo.i18n import N_
from layers.spec import Field

__all__ = ["ALWAYS", "PERIOD", "WHEN_FIELDS", "Dated", "in_force", "iso_day", "live"]

PERIOD = ("since", "until")


def iso_day(text: object) -> str:
    """``"1941"`` → ``"1941-01-01"``, ``"1992-04"`` → ``"1992-04-01"``; an ISO day as it is; empty as empty."""
    parts = str(text or "").split("-")
    if not parts[0]:
        return ""
    return "-".join([parts[0], *(parts[1:] or ["01"]), *(["01"] if len(parts) < 3 else [])][:3])


def in_force(since: object, until: object, day: str) -> bool:
    """Whether ``[since, until)`` holds ``day`` (ISO)."""
    start, end, on = iso_day(since), iso_day(until), iso_day(day)
    return (not start or start <= on) and (not end or on < end)


def live(gdf: gpd.GeoDataFrame, period: tuple[str, str] | None, day: str | None) -> gpd.GeoDataFrame:
    """The rows of ``gdf`` in force on ``day`` (all rows when it has no period; the latest state when ``day``
    is None)."""
    if period is None:
        return gdf
    on = day or "9999-12-31"
    since, until = period
    mask = [in_force(a, b, on) for a, b in zip(gdf[since], gdf[until], strict=True)]
    return gdf[mask]


@dataclass(frozen=True)
class Dated:
    """A feature's days and what its dates mean: ``Dated("1941", "1992-04", "opened", "service stopped")``."""

    since: str
    until: str
    since_means: str
    until_means: str

    def columns(self) -> dict[str, str]:
        """The four columns every dated layer carries."""
        return {
            "since": self.since,
            "until": self.until,
            "since_means": self.since_means or ("before every date the map shows" if not self.since else ""),
            "until_means": self.until_means or ("still so" if not self.until else ""),
        }


ALWAYS = Dated("", "", "", "")


def _when(record: Mapping[str, object], column: str, empty: str) -> str | None:
    day, means = record.get(column) or "", record.get(f"{column}_means") or ""
    if not day and not means:
        return empty
    return f"{day} ({means})" if day and means else str(day or means)


# A dated feature's popup rows.
WHEN_FIELDS = (
    Field(N_("From"), lambda r: _when(r, "since", N_("before every date the map shows"))),
    Field(N_("Until"), lambda r: _when(r, "until", N_("still so"))),
)
