"""What paper can draw of a text: every visible character as written, the invisible ones left out.

Format characters (a byte-order mark inside the text, zero-width spaces and joiners, direction controls)
draw nothing on a page and break matplotlib's PDF font subsetting; a lone surrogate is no character at
all and becomes U+FFFD. Nothing a reader would see is changed.
"""

from __future__ import annotations

import unicodedata

__all__ = ["paper_text"]


def paper_text(text: object) -> str:
    """``text`` less its format characters (category Cf), lone surrogates replaced by U+FFFD."""
    out = []
    for c in str(text):
        category = unicodedata.category(c)
        if category == "Cf":
            continue
        out.append("\ufffd" if category == "Cs" else c)
    return "".join(out)
