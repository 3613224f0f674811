"""Extract, update and compile the message catalogue (gettext, with Babel's tooling).

    python -m geo.catalogue_build extract   # the code's strings -> geo/locale/messages.pot
    python -m geo.catalogue_build update    # the .pot's new strings into each language's .po (untranslated)
    python -m geo.catalogue_build compile   # every .po -> geo/data/catalogue.json (what Python and the map read)

A translator edits ``geo/locale/<lang>/LC_MESSAGES/tripp_map.po`` (any PO editor, or a text editor) and runs
``compile``. Strings are found where the code marks them: ``N_("…")``, ``tr("…", lang)``, ``say("…", lang)`` and
``say_text("…", lang)`` in Python (the command line's ``_say(args, "…")`` too); ``T.t(map, '…')``,
``T.say(map, '…')``, ``T.setText(el, map, '…')`` and ``T.N_('…')`` in the map's scripts; the labels' second
lines and the events' titles in ``geo/data``.
"""

from __future__ import annotations

import argparse
import ast
import csv
import io
import json
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from geo.build_data import record_file
from geo.load import DATA_DIR

__all__ = ["LOCALE_DIR", "compile_catalogue", "extract", "read_catalogue"]

ROOT = Path(__file__).parent.parent
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "tripp_map"
TRANSLATED = ("hy", "az", "ru")
OUT_NAME = "catalogue.json"

_METHODS = [
    ("**/tests/**", "ignore"),
    ("**/.venv/**", "ignore"),
    ("**/build/**", "ignore"),
    ("**/bench/**", "ignore"),
    ("**.py", "python"),
    ("**/render/static/*.js", "javascript"),
]
_KEYWORDS = {
    "_": None,
    "N_": None,
    "tr": (1,),
    "say": (1,),
    "say_text": (1,),
    "_say": (2,),
    "T.t": (2,),
    "T.say": (2,),
    "T.setText": (3,),
    "T.N_": None,
}


def _code_strings() -> list[tuple[str, str, int]]:
    """(message, file, line) for every marked string of the code, in file order."""
    out = []
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map=_METHODS, keywords=_KEYWORDS, comment_tags=("Translators:",), strip_comment_tags=True
    ):
        if isinstance(message, tuple):
            message = next((m for m in message if m), None)
        if message:
            out.append((message, filename.replace("\\", "/"), lineno))
    return out


# Babel's Python reader does not look into f-strings: a marked literal there is found by its pattern.
_IN_FSTRING = re.compile(r"""\b(?:say|say_text|tr|N_|_)\(\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*[,)]""")


def _fstring_strings() -> list[tuple[str, str, int]]:
    out = []
    paths = [
        ROOT / "app.py",
        *(p for package in ("geo", "layers", "render", "outputs") for p in (ROOT / package).rglob("*.py")),
    ]
    for path in sorted(paths):
        if path == Path(__file__):
            continue  # its docstring shows the marks
        text = path.read_text(encoding="utf-8")
        for match in _IN_FSTRING.finditer(text):
            lineno = text.count("\n", 0, match.start()) + 1
            out.append((ast.literal_eval(match.group(1)), path.relative_to(ROOT).as_posix(), lineno))
    return out


def _data_strings() -> list[tuple[str, str, int]]:
    """Text of the map that lives in data: the labels' second lines ("(Armenia)", "(proposed)") and the
    timeline's event titles."""
    out = []
    for name, column in (("labels.csv", "sub"), ("events.csv", "title")):
        text = (DATA_DIR / name).read_text(encoding="utf-8")
        for n, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
            if row[column]:
                out.append((row[column], f"geo/data/{name}", n))
    return out


def extract() -> Catalog:
    """The template catalogue: every marked string, where it is used."""
    catalog = Catalog(project="tripp-map", version="0.1.0", domain=DOMAIN, charset="utf-8", fuzzy=False)
    for message, filename, lineno in [*_code_strings(), *_fstring_strings(), *_data_strings()]:
        if (known := catalog.get(message)) is not None:
            known.locations.append((filename, lineno))
            continue
        catalog.add(message, locations=[(filename, lineno)], flags=("python-brace-format",) if "{" in message else ())
    return catalog


def _po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalogue(lang: str) -> Catalog:
    """One language's catalogue as the translators left it."""
    with _po_path(lang).open("rb") as fh:
        return read_po(fh, locale=lang, domain=DOMAIN)


def _write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    # No dates in the files: the same strings give the same bytes.
    catalog.creation_date = catalog.revision_date = None  # type: ignore[assignment]
    write_po(buffer, catalog, width=116, sort_output=True, omit_header=False, include_lineno=False)
    text = buffer.getvalue().decode("utf-8")
    text = "\n".join(line for line in text.splitlines() if not line.startswith(('"POT-Creation-Date', '"PO-Revision')))
    path.write_text(text + "\n", encoding="utf-8")


def update() -> None:
    """Write the template; merge its strings into each language's catalogue (old ones kept as obsolete)."""
    template = extract()
    _write(template, LOCALE_DIR / "messages.pot")
    for lang in TRANSLATED:
        path = _po_path(lang)
        catalog = read_catalogue(lang) if path.exists() else Catalog(locale=lang, domain=DOMAIN, project="tripp-map")
        catalog.update(template, no_fuzzy_matching=True)
        _write(catalog, path)


def compile_catalogue() -> dict:
    """Every language's translated, not fuzzy, messages: what ``geo/data/catalogue.json`` holds."""
    messages = {}
    for lang in TRANSLATED:
        catalog = read_catalogue(lang)
        messages[lang] = {
            m.id: m.string
            for m in sorted(catalog, key=lambda m: str(m.id))
            if m.id and isinstance(m.id, str) and m.string and not m.fuzzy
        }
    # The map's own messages (what its scripts are handed: a page carries no word of the app or the handout).
    # The map's own messages, with the files that use them (what its scripts are handed: a page carries no word of
    # the app or the handout, and a map of one article none of the many-articles map's).
    on_map = {}
    for m in extract():
        files = sorted({f for f, _ in m.locations if f.split("/")[0] in ("render", "layers", "geo")})
        if m.id and files:
            on_map[m.id] = files
    return {"format": 2, "messages": messages, "map": dict(sorted(on_map.items()))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.catalogue_build", description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("extract", "update", "compile"))
    args = parser.parse_args(argv)
    if args.action == "extract":
        _write(extract(), LOCALE_DIR / "messages.pot")
    elif args.action == "update":
        update()
    else:
        out = DATA_DIR / OUT_NAME
        out.write_text(json.dumps(compile_catalogue(), ensure_ascii=False, indent=0, sort_keys=True) + "\n", "utf-8")
        record_file(
            out,
            "geo/locale/*/LC_MESSAGES/tripp_map.po",
            "MIT (tripp-map's own translations)",
            "tripp-map translators; each catalogue's header names them",
            "python -m geo.catalogue_build compile",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
