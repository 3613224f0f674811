"""Scoring a place finder against the hand-written evaluation sets in ``tests/data/geoparse``.

Each set's ``gold.json`` lists, per article, the places each paragraph names (a generic
reference such as "the route" counts when the text makes its antecedent clear), and under
``where`` the published coordinates of some in-region places, to check how far from them the
finder puts them.

A found place matches a gold name when the two agree after :func:`geo.gazetteer.normalise`,
or when the gold name is one of the found place's names ("Stepanakert" matches
"Khankendi / Stepanakert").
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from geo.gazetteer import normalise
from geo.measure import GEOD

__all__ = ["SETS", "Score", "gold", "score_article", "score_set"]

ROOT = Path(__file__).parent / "data" / "geoparse"
SETS = {"tune": ROOT / "tune", "heldout": ROOT / "heldout", "fresh": ROOT / "fresh"}

# A finder: paragraph texts → per paragraph, (name, lon, lat) of each distinct place found.
Finder = Callable[[list[str]], list[list[tuple[str, float | None, float | None]]]]


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int
    misplaced: tuple[str, ...]  # gold places found more than 10 km from their published point
    errors: tuple[str, ...]  # "paragraph 3: found X (not in gold)" lines, for a failing test's message

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


def gold(folder: Path) -> tuple[dict[str, list[list[str]]], dict[str, tuple[float, float]]]:
    data = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    where = {k: (v[0], v[1]) for k, v in data.pop("where", {}).items()}
    return data, where


def _names(found_name: str) -> set[str]:
    return {normalise(found_name), *(normalise(part) for part in found_name.split(" / "))}


def score_article(
    found: Iterable[list[tuple[str, float | None, float | None]]],
    truth: list[list[str]],
    where: dict[str, tuple[float, float]],
) -> Score:
    tp = fp = fn = 0
    misplaced, errors = [], []
    for number, (places, names) in enumerate(zip(found, truth, strict=True), start=1):
        wanted = {normalise(n): n for n in names}
        hit = set()
        for name, lon, lat in places:
            keys = _names(name) & set(wanted)
            if not keys:
                fp += 1
                errors.append(f"paragraph {number}: found {name} (not in gold)")
                continue
            key = sorted(keys)[0]
            if key in hit:
                continue
            hit.add(key)
            tp += 1
            point = where.get(wanted[key])
            if point and lon is not None:
                _, _, metres = GEOD.inv(point[1], point[0], lon, lat)
                if metres > 10_000:
                    misplaced.append(f"{wanted[key]}: {metres / 1000:.0f} km off")
        for key, name in wanted.items():
            if key not in hit:
                fn += 1
                errors.append(f"paragraph {number}: missed {name}")
    return Score(tp, fp, fn, tuple(misplaced), tuple(errors))


def score_set(folder: Path, finder: Finder) -> dict[str, Score]:
    """Per article of a set: its score with ``finder``."""
    truth, where = gold(folder)
    out = {}
    for name, paras in truth.items():
        text = (folder / name).read_text(encoding="utf-8")
        found = finder([p.strip() for p in text.split("\n\n") if p.strip()])
        out[name] = score_article(found, paras, where)
    return out
