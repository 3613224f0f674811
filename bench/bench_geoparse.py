"""The place finder against geotext (PyPI 0.4.0) on our evaluation sets, in the same run.

Run: ``.venv/bin/python bench/bench_geoparse.py``. Per article: precision, recall and F1 of each.
geotext finds English city and country names; it has no coordinates, Cyrillic, Armenian or
Azerbaijani endings, so it is scored on names alone (our finder is scored on names too).
"""

from __future__ import annotations

from common import ROOT  # noqa: F401  (puts the repository on the path)

from tests.geoparse_eval import OUTSIDE, SETS, UNTUNED, score_set
from tests.test_geoparse import geotext, ours, records


def main() -> None:
    print("| set | article | tripp-map P / R / F1 | geotext P / R / F1 |")
    print("|---|---|---|---|")
    for name, folder in {**SETS, **OUTSIDE, **UNTUNED}.items():
        mine, base = score_set(folder, ours, records), score_set(folder, geotext)
        for article in mine:
            a, b = mine[article], base[article]
            print(
                f"| {name} | {article} | {a.precision:.2f} / {a.recall:.2f} / {a.f1:.2f} "
                f"| {b.precision:.2f} / {b.recall:.2f} / {b.f1:.2f} |"
            )
        for label, scores in (("tripp-map", mine), ("geotext", base)):
            tp = sum(s.tp for s in scores.values())
            fp = sum(s.fp for s in scores.values())
            fn = sum(s.fn for s in scores.values())
            p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
            f1 = 2 * p * r / max(1e-9, p + r)
            print(f"{name}, {label} over the set: precision {p:.2f}, recall {r:.2f}, F1 {f1:.2f}")
        km = sorted(d for s in mine.values() for _, d in s.distances)
        far = [m for s in mine.values() for m in s.misplaced]
        if km:
            print(
                f"{name}: {len(km)} places checked against their published points: median {km[len(km) // 2]:.1f} km, "
                f"farthest {km[-1]:.1f} km; drawn too far: {far or 'none'}"
            )


if __name__ == "__main__":
    main()
