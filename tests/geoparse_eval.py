"""Scoring a place finder against the hand-written evaluation sets in ``tests/data/geoparse``.

Each set's ``gold.json`` lists, per article, the places each paragraph names (a generic
reference such as "the route" counts when the text makes its antecedent clear), and under
``where`` the published coordinates of some in-region places, to check how far from them the
finder puts them (10 km at most); under ``near``, areas (a published point, a radius in km, the gold
entries inside it) for lists of villages no published point was found for: a village of a district's
list drawn outside the district is a wrong namesake.

A found place matches a gold name when the two agree after :func:`geo.gazetteer.normalise`,
or when the gold name is one of the found place's names ("Stepanakert" matches
"Khankendi / Stepanakert"), or when the finder gives the record it drew and the gold name is one of
that record's names in the gazetteer (its source says they are one place: "Ağcakənd" matches the record
shown as "Agdzhakend"); ``where`` checks the coordinates of some. A gold name may list spellings of one
place, "Hin Shen|Kichik Galadarasi": any of them matches, and the place counts once; ``where`` keys name
the first spelling.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from geo.gazetteer import normalise
from geo.measure import GEOD

__all__ = ["OUTSIDE", "SETS", "UNTUNED", "Score", "gold", "score_article", "score_set"]

ROOT = Path(__file__).parent / "data" / "geoparse"
# Sets written for tripp-map, in our own words.
SETS = {"tune": ROOT / "tune", "heldout": ROOT / "heldout", "fresh": ROOT / "fresh"}
# Sets of passages written by others (encyclopaedias, official lists), with our gold: see each folder's README.
# (outside_fresh was scored once untouched, 2026-12-03, then its errors were fixed: it is tuned on now.)
OUTSIDE = {
    "outside": ROOT / "outside",
    "outside_heldout": ROOT / "outside_heldout",
    "outside_fresh": ROOT / "outside_fresh",
}
# Passages by others scored once and never tuned on: reported (bench), not held to targets.
UNTUNED = {
    "outside_fresh_az": ROOT / "outside_fresh_az",
    "outside_fresh_ru": ROOT / "outside_fresh_ru",
    "outside_fresh_hy": ROOT / "outside_fresh_hy",
    "outside_fresh_az2": ROOT / "outside_fresh_az2",
}

# A finder: paragraph texts → per paragraph, (name, lon, lat) of each distinct place found, with the
# gazetteer record's key as a fourth item where it has one.
Found = tuple[str, float | None, float | None] | tuple[str, float | None, float | None, str]
Finder = Callable[[list[str]], list[list[Found]]]
# A gold spelling → the keys of the gazetteer records holding that name.
Records = Callable[[str], frozenset[str]]


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int
    misplaced: tuple[str, ...]  # gold places drawn too far from their published point (see ``Where``)
    errors: tuple[str, ...]  # "paragraph 3: found X (not in gold)" lines, for a failing test's message
    distances: tuple[tuple[str, float], ...] = ()  # (gold entry, km from its published point) of each place checked

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


# A gold entry → a published point and how far from it, in metres, the finder may draw it.
Where = dict[str, tuple[float, float, float]]


def gold(folder: Path) -> tuple[dict[str, list[list[str]]], Where]:
    data = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    where = {k: (v[0], v[1], 10_000.0) for k, v in data.pop("where", {}).items()}
    for lat, lon, km, entries in data.pop("near", {}).values():
        where.update({entry: (lat, lon, km * 1000.0) for entry in entries if entry not in where})
    return data, where


def _names(found_name: str) -> set[str]:
    return {normalise(found_name), *(normalise(part) for part in found_name.split(" / "))}


def score_article(
    found: Iterable[list[Found]],
    truth: list[list[str]],
    where: Where,
    records: Records | None = None,
) -> Score:
    tp = fp = fn = 0
    misplaced, errors, distances = [], [], []
    for number, (places, names) in enumerate(zip(found, truth, strict=True), start=1):
        # every spelling → the gold entry (its first spelling) it stands for
        wanted = {normalise(s): n.split("|")[0] for n in names for s in n.split("|")}
        hit = set()
        for name, lon, lat, *record in places:
            keys = {wanted[k] for k in _names(name) & set(wanted)}
            if not keys and record and records is not None:
                keys = {entry for spelling, entry in wanted.items() if record[0] in records(spelling)}
            if not keys and lon is not None:
                # drawn at the published point of a place the paragraph names, under another spelling
                # ("Agbulaq" for "Sarnaghbyur", a name the gazetteer holds for a namesake only)
                gaps = {
                    entry: GEOD.inv(where[entry][1], where[entry][0], lon, lat)[2]
                    for entry in set(wanted.values())
                    if entry in where and where[entry][2] <= 10_000
                }
                near = [entry for entry, metres in gaps.items() if metres <= where[entry][2]]
                keys = {min(near, key=gaps.__getitem__)} if near else set()
            if not keys:
                fp += 1
                errors.append(f"paragraph {number}: found {name} (not in gold)")
                continue
            key = sorted(keys)[0]
            point = where.get(key)
            if point and lon is not None:
                # every place drawn for a gold entry is checked, not only its first: "Hin Shen (formerly
                # Kirov)" drawn at Hin Shen and at Kirov in Russia is one right and one wrong
                _, _, metres = GEOD.inv(point[1], point[0], lon, lat)
                if point[2] <= 10_000:  # a published point of the place itself, not a district's
                    distances.append((key, metres / 1000))
                if metres > point[2]:
                    misplaced.append(f"{key}: {name} drawn {metres / 1000:.0f} km off")
            if key in hit:
                continue
            hit.add(key)
            tp += 1
        for name in dict.fromkeys(wanted.values()):
            if name not in hit:
                fn += 1
                errors.append(f"paragraph {number}: missed {name}")
    return Score(tp, fp, fn, tuple(misplaced), tuple(errors), tuple(distances))


def score_set(folder: Path, finder: Finder, records: Records | None = None) -> dict[str, Score]:
    """Per article of a set: its score with ``finder`` (``records``: see :data:`Records`)."""
    truth, where = gold(folder)
    out = {}
    for name, paras in truth.items():
        text = (folder / name).read_text(encoding="utf-8")
        found = finder([p.strip() for p in text.split("\n\n") if p.strip()])
        out[name] = score_article(found, paras, where, records)
    return out
