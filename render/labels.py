"""The map's names as the payload of ``static/labels.js``, and as items for the paper's placement pass.

Every text is escaped here, before it reaches JavaScript.
"""

from __future__ import annotations

from collections.abc import Iterable

from layers.labels import LABEL_STYLES, Label, map_labels
from render.html import esc

__all__ = ["label_payload"]


def _row(label: Label) -> dict:
    row: dict[str, object] = {
        "g": label.id,
        "t": esc(label.text),
        "k": label.kind,
        "ll": [round(label.lat, 5), round(label.lon, 5)],
        "p": label.priority,
        "z": list(label.zooms),
    }
    if label.sub:
        row["s"] = esc(label.sub)
    if label.angle:
        row["a"] = label.angle
    if label.layer:
        row["l"] = label.layer
    if label.since or label.until:
        row["w"] = [label.since, label.until]
    return row


def label_payload(layers: Iterable[str]) -> dict:
    """The labels of the shown layers (and those of no layer), in placement order, with their styles."""
    labels = map_labels(frozenset(layers))
    kinds = sorted({label.kind for label in labels})
    return {"styles": {k: dict(LABEL_STYLES[k]) for k in kinds}, "labels": [_row(label) for label in labels]}
