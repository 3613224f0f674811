"""What the place finder returns: a place named in a text (:class:`Mention`), and a paragraph with the
places it names (:class:`Excerpt`)."""

from __future__ import annotations

from dataclasses import dataclass

from geo.gazetteer import Place

__all__ = ["CONFIDENCE_WORDS", "Excerpt", "Mention"]

# What the confidence levels say to a reader.
CONFIDENCE_WORDS = {
    "sure": "sure: the name has one meaning here",
    "likely": "likely: the name has other meanings; this one fits the region",
    "inferred": "inferred: the text refers back to it",
}

# How specific a kind of place is, for drawing an excerpt that names only far places.
_SPECIFIC = {"town": 0, "village": 0, "country": 2, "region": 3, "sea": 3, "corridor": 3}


@dataclass(frozen=True)
class Mention:
    """One place named in the text, how sure the finder is, and why."""

    place: Place
    start: int
    end: int
    surface: str
    confidence: str = "sure"
    why: str = ""
    # The name's other candidates in the region, which the places named around it may settle on instead.
    rivals: tuple[Place, ...] = ()


@dataclass(frozen=True)
class Excerpt:
    """A paragraph with the places it names."""

    paragraph: int
    text: str
    mentions: tuple[Mention, ...]

    @property
    def places(self) -> list[Place]:
        """Distinct places in order of first mention."""
        seen: dict[str, Place] = {}
        for m in self.mentions:
            seen.setdefault(m.place.key, m.place)
        return list(seen.values())

    def confidence(self) -> dict[str, Mention]:
        """Place key → its surest mention."""
        order = {"sure": 0, "likely": 1, "inferred": 2}
        best: dict[str, Mention] = {}
        for m in self.mentions:
            if m.place.key not in best or order[m.confidence] < order[best[m.place.key].confidence]:
                best[m.place.key] = m
        return best

    def focus(self) -> list[Place]:
        """The places the excerpt is drawn at: the most specific ones named in the region,
        or, when it names none in the region, the far ones."""
        near = [p for p in self.places if p.in_region]
        if near:
            best = min(p.tier for p in near)
            return [p for p in near if p.tier == best]
        # Far away, the most specific place wins: Atlanta, not the United States' point at Washington.
        rank = [_SPECIFIC.get(p.kind, 1) for p in self.places]
        return [p for p, r in zip(self.places, rank, strict=True) if r == min(rank)] if rank else []
