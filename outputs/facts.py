"""Measured figures beside the published ones, with sources: the app's facts panel and ``tripp-map facts``."""

from __future__ import annotations

import html

from geo.i18n import tr
from geo.measure import area_km2, shared_border_km
from layers.excerpts import events
from layers.karabakh import PUBLISHED_HELD, held_area_km2
from layers.route import QUOTED_LENGTHS, tripp_route
from layers.shapes import country_shapes

__all__ = ["PUBLISHED_AREAS", "PUBLISHED_BORDERS", "facts_table", "route_table", "timeline_lines"]

# (published km², source) from shared/reference/region-facts.md
PUBLISHED_AREAS = {
    "Armenia": (29_743, "CIA World Factbook 2017 (incl. 1,540 km² water; Lake Sevan ≈ 1,260)"),
    "Azerbaijan (mainland + Nakhchivan)": (86_600, "CIA World Factbook 2006"),
    "Nakhchivan": (5_500, "Wikipedia, Nakhchivan AR (5,502.75 in some sources)"),
    "Syunik": (4_506, "Wikipedia, Syunik Province"),
}

PUBLISHED_BORDERS = {
    ("Armenia", "Iran"): ("44", "CIA World Factbook (Armenia, 2017)"),
    ("Armenia", "Azerbaijan (mainland + Nakhchivan)"): (
        "996 (CIA World Factbook, Armenia entry, 2017); 566 + 221 via Nakhchivan (CIA, Azerbaijan entry, 2006); "
        "1,007 (Azerbaijan's own figure)",
        "CIA World Factbook; Azerbaijan's own figures",
    ),
    ("Armenia", "Nakhchivan"): ("221", "CIA World Factbook"),
    ("Nakhchivan", "Turkey"): (
        "9 (CIA 2006); quoted from 8 to 18; 15 (Azerbaijan's own)",
        "CIA World Factbook; various",
    ),
    ("Nakhchivan", "Iran"): ("179", "CIA World Factbook (Azerbaijan, 2006)"),
    ("Armenia", "Turkey"): ("311", "CIA World Factbook (Armenia, 2017)"),
    ("Armenia", "Georgia"): ("219", "CIA World Factbook (Armenia, 2017)"),
}


def facts_table() -> list[dict[str, str]]:
    """Rows of measure, measured, published and source: areas, then border lengths."""
    shapes = country_shapes()
    rows = []
    for name, (published, source) in PUBLISHED_AREAS.items():
        measured = area_km2(shapes[name])
        rows.append(
            {
                "measure": f"Area of {name}",
                "measured": f"{measured:,.0f} km²",
                "published": f"{published:,} km²",
                "difference": f"{(measured - published) / published:+.1%}",
                "source": source,
            }
        )
    for day, published, source in PUBLISHED_HELD:
        measured = held_area_km2(day)
        rows.append(
            {
                "measure": f"Area held by ethnic Armenian forces on {day} (approximate lines)",
                "measured": f"{measured:,.0f} km²",
                "published": f"{published:,} km²",
                "difference": f"{(measured - published) / published:+.1%}",
                "source": source,
            }
        )
    for (first, second), (published, source) in PUBLISHED_BORDERS.items():
        measured = shared_border_km(shapes[first], shapes[second])
        rows.append(
            {
                "measure": f"Border {first} – {second}",
                "measured": f"{measured:,.0f} km",
                "published": f"{published} km",
                "difference": "",
                "source": source,
            }
        )
    return rows


def route_table() -> list[dict[str, str]]:
    """The railway's length per country, measured on the drawn line, beside the quoted figures."""
    route = tripp_route()
    rows = []
    for row in route[route["mode"] == "rail"].itertuples():
        quoted = "; ".join(f"{q} ({s})" for q, s in QUOTED_LENGTHS.get(row.country, []))
        rows.append(
            {
                "segment": row.name,
                "in": row.country,
                "status": row.status,
                "measured": f"{row.length_km:,.1f} km",
                "quoted": quoted or "no figure in the reference",
            }
        )
    return rows


def timeline_lines(lang: str = "en") -> list[str]:
    """The timeline of events as Markdown lines whose every word from the data is escaped; the events' titles
    in ``lang`` (their descriptions and sources as published)."""
    out = []
    for event in events():
        when = event["date"] + (f" – {event['end_date']}" if event["end_date"] else "")
        title = event["title"]  # a message of the catalogue (its data strings)
        title = html.escape(tr(title, lang))
        what, source = (html.escape(event[k]) for k in ("description", "source"))
        out.append(f"**{html.escape(when)}** — {title}: {what} *({source})*")
    return out
