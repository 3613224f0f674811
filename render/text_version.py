"""The map in words: the route described from its layer data, and the excerpts as a plain list.

For screen readers, for print, and for anyone without the map. Every text is escaped here.
"""

from __future__ import annotations

import json

import geopandas as gpd

from geo.i18n import format_number, language_of_text
from layers.story import HEADLINE
from render.html import esc, isolate
from render.i18n import say, word_list
from render.story import DEFAULT_TITLE

__all__ = ["route_sentences", "text_version_html"]


def route_sentences(route: gpd.GeoDataFrame, lang: str = "en") -> list[str]:
    """One sentence per segment of the route layer (escaped HTML in ``lang``): what, where, how long, what status."""
    sentences = []
    for row in route.itertuples():
        common = {"name": {"name": row.name}, "country": {"name": row.country}, "status": {"msg": row.status}}
        if row.mode == "rail":
            sentences.append(
                say(
                    "{name}: {km} km of railway in {country}, measured on the line this map draws; status: {status}.",
                    lang,
                    km=f"{row.length_km:,.1f}" if lang == "en" else format_number(row.length_km, lang, 1),
                    **common,
                )
            )
        else:
            corridor = say(
                "{name}: {mode} corridor in {country}; status: {status}.", lang, mode={"msg": row.mode}, **common
            )
            sentences.append(f"{corridor} {esc(row.note)}")
    return sentences


def text_version_html(
    title: str,
    route: gpd.GeoDataFrame | None,
    excerpts: gpd.GeoDataFrame | None,
    corpus: dict | None = None,
    lang: str = "en",
) -> str:
    """A section with the route in words and every excerpt with its places, in order; for a map of many
    articles (``corpus``, see :mod:`render.corpus`), the places with how many excerpts name each (the
    articles' text is read in the story, one article at a time). Its own words in ``lang``."""
    heading = say("{title}: text version", lang, title={"msg": title} if title == DEFAULT_TITLE else isolate(title))
    parts = [
        f'<section id="tripp-text" class="tripp-text" aria-labelledby="tripp-text-h">'
        f'<h2 id="tripp-text-h">{heading}</h2><p>{say(HEADLINE, lang)}</p>'
    ]
    if route is not None and len(route):
        items = "".join(f"<li>{s}</li>" for s in route_sentences(route, lang))
        parts.append(f"<h3>{say('The route', lang)}</h3><ul>{items}</ul>")
    if excerpts is not None and len(excerpts):
        rows = []
        for row in excerpts.itertuples():
            named = json.loads(row.places)
            places = word_list(named, lang) if named else say("no place named", lang)
            meta = " · ".join(isolate(x) for x in (row.date, row.source) if x)
            text_lang = language_of_text(str(row.text))
            lang_attr = f' lang="{text_lang}"' if text_lang else ""
            rows.append(
                f'<li><p class="tripp-text-para" dir="auto"{lang_attr}>{esc(row.text)}</p>'
                f'<p class="tripp-text-meta">{say("Places:", lang)} {places}'
                f"{' · ' + esc(meta) if meta else ''}</p></li>"
            )
        parts.append(f"<h3>{say('The article, paragraph by paragraph', lang)}</h3><ol>{''.join(rows)}</ol>")
    if corpus is not None:
        ranked = sorted(corpus["spots"], key=lambda p: (-len(p["e"]), p["n"]))
        items = "".join(f"<li>{p['n']}: {len(p['e']):,}</li>" for p in ranked)
        heading = say(
            "{n} articles: the places they name, with how many excerpts", lang, n={"num": len(corpus["articles"])}
        )
        how = say(
            "Each article is a step of the story above; “Read this article step by step” shows its paragraphs.", lang
        )
        parts.append(f"<h3>{heading}</h3><p>{how}</p><ul>{items}</ul>")
    parts.append("</section>")
    return "".join(parts)
