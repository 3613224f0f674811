"""The ``tripp-map`` command line: write layers, annotate an article, export the map."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from geo.errors import TrippError, shown
from geo.i18n import DEFAULT, LANGUAGES, check_language

__all__ = ["main", "parser"]

TITLE = "The TRIPP corridor"
LESSON_HELP = "build from this lesson file (.json, downloaded from the app): its articles, as its author corrected them"


def _layer_list(text: str | None) -> tuple[str, ...]:
    from layers.registry import LayerError, check_names, layer_names

    if text is None:
        return tuple(layer_names())
    names = check_names(t.strip() for t in text.split(",") if t.strip())
    if not names:
        raise LayerError(f"--layers names no layer; known layers: {', '.join(layer_names())}")
    return names


def cmd_layers(args: argparse.Namespace) -> None:
    from geo.geojson import to_geojson
    from layers.registry import build_layer
    from outputs.files import swap_folder
    from outputs.notice import NOTICE_NAME, data_about, notice_text

    frames = {name: build_layer(name) for name in _layer_list(args.layers)}
    out = Path(args.out)
    if args.format == "gpkg":
        from outputs.geopackage import write_geopackage

        write_geopackage(frames, out)
        print(f"wrote {len(frames)} layers to {out}")
        return
    notice = notice_text()

    def fill(folder: Path) -> None:
        for name, gdf in frames.items():
            (folder / f"{name}.geojson").write_text(to_geojson(gdf, about=data_about(gdf)), encoding="utf-8")
        (folder / NOTICE_NAME).write_text(notice, encoding="utf-8")

    swap_folder(out, fill)
    print(f"wrote {len(frames)} layers and {NOTICE_NAME} to {out}: {', '.join(frames)}")


def cmd_annotate(args: argparse.Namespace) -> None:
    from geo.geojson import to_geojson
    from layers.registry import corpus_excerpts
    from outputs.files import atomic_write
    from outputs.notice import data_about

    corpus = _read_corpus(args.article)
    excerpts = corpus_excerpts(corpus.articles)
    text = to_geojson(excerpts, about=data_about(excerpts))
    atomic_write(Path(args.out), lambda tmp: tmp.write_text(text, encoding="utf-8"))
    print(f"wrote {args.out} ({len(excerpts):,} excerpts of {corpus.summary()})")


def cmd_export(args: argparse.Namespace) -> None:
    from outputs.export import export_html
    from outputs.files import atomic_write

    names = _layer_list(args.layers)
    if args.lesson:
        from outputs.export import export_page

        lesson, excerpts = _lesson(args)
        title = args.title if args.title != TITLE else lesson.title
        names = names if args.layers else tuple(lesson.layers or names)
        html = export_page(
            names,
            excerpts,
            title=title,
            cdn=args.cdn,
            opening_date=lesson.opening_date,
            lang=args.lang,
            languages=args.languages,
        )
    else:
        articles = _read_corpus(args.article).articles if args.article else ()
        html = export_html(
            layers=names, title=args.title, cdn=args.cdn, articles=articles, lang=args.lang, languages=args.languages
        )
    atomic_write(Path(args.out), lambda tmp: tmp.write_bytes(html.encode("utf-8")))
    print(f"wrote {args.out} ({len(html.encode('utf-8')):,} bytes)")


def _read(path: str):
    """An article file; what its limits left out is said on stderr."""
    from geo.articles import read_article

    article = read_article(Path(path))
    if article.note:
        print(f"tripp-map: note: {article.note}", file=sys.stderr)
    return article


def _read_corpus(paths: list[str]):
    """Article files and folders of .txt files; duplicates and files left out are said on stderr."""
    from geo.corpus import read_corpus

    corpus = read_corpus(Path(p) for p in paths)
    for note in corpus.notes:
        print(f"tripp-map: note: {note}", file=sys.stderr)
    for name, kept in corpus.duplicates:
        print(f"tripp-map: note: {name}: the same article as {kept}: counted once", file=sys.stderr)
    return corpus


def _lesson(args: argparse.Namespace):
    """The lesson file of ``--lesson``, and its excerpts: its articles annotated, then corrected by it."""
    from geo.lesson import read_lesson
    from layers.corrections import lesson_excerpts

    if args.article:
        raise TrippError("--lesson carries its own articles: give --lesson or --article, not both")
    lesson = read_lesson(Path(args.lesson))
    return lesson, lesson_excerpts(lesson)


def _excerpts_of(args: argparse.Namespace):
    """The title and excerpts a handout or figure draws: a lesson's, an article's, or the seed's."""
    from layers.excerpts import seed_article
    from layers.registry import article_excerpts

    if args.lesson:
        lesson, excerpts = _lesson(args)
        return lesson.title, excerpts
    return TITLE, article_excerpts(_read(args.article) if args.article else seed_article())


def cmd_handout(args: argparse.Namespace) -> None:
    from outputs.handout import handout_note, write_handout

    title, excerpts = _excerpts_of(args)
    pages = write_handout(
        Path(args.out), excerpts, paper=args.paper, worksheet=args.worksheet, title=title, lang=args.lang
    )
    note = handout_note(len(excerpts))
    if note:
        print(f"tripp-map: note: {shown(args.out)}: {note}", file=sys.stderr)
    print(f"wrote {args.out} ({pages} pages)")


def cmd_figure(args: argparse.Namespace) -> None:
    from outputs.handout import parse_size, write_figure

    size = parse_size(args.size)
    title, excerpts = _excerpts_of(args)
    write_figure(Path(args.out), excerpts, step=args.step, size=size, dpi=args.dpi, title=title, lang=args.lang)
    print(f"wrote {args.out} ({size[0]}x{size[1]})")


def cmd_facts(args: argparse.Namespace) -> None:
    from outputs.facts import facts_table

    for row in facts_table():
        print(f"{row['measure']}: {row['measured']} (published: {row['published']}; {row['source']})")


def cmd_app(args: argparse.Namespace) -> None:
    import os

    from outputs.server import app_script, load_app, serve

    script = app_script()
    if not script.exists():
        raise TrippError(f"{shown(script)}: the app is not installed with this package")
    # From its own folder, as ``streamlit run`` would: Streamlit reads .streamlit/config.toml there.
    os.chdir(script.parent)
    try:
        serve(load_app(script), args.address, args.port)
    except OSError as exc:
        raise TrippError(f"cannot serve on {args.address}:{args.port}: {exc.strerror or exc}") from None


def _language(text: str) -> str:
    try:
        return check_language(text.strip().lower())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _languages(text: str) -> tuple[str, ...]:
    return tuple(_language(part) for part in text.split(",") if part.strip())


def _language_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--lang", type=_language, default=DEFAULT, help=f"the language of the map's words ({', '.join(LANGUAGES)})"
    )


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tripp-map", description="The TRIPP corridor map: layers, annotation, export.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    lay = sub.add_parser("layers", help="write every layer as GeoJSON (or one GeoPackage)")
    lay.add_argument("--out", required=True, help="folder for <layer>.geojson, or the .gpkg file with --format gpkg")
    lay.add_argument("--format", choices=("geojson", "gpkg"), default="geojson")
    lay.add_argument("--layers", help="comma-separated layer names (default: all)")
    lay.set_defaults(func=cmd_layers)

    ann = sub.add_parser("annotate", help="find the places an article names and write its excerpts as GeoJSON")
    ann.add_argument("article", nargs="+", help="UTF-8 text files, or folders of .txt files")
    ann.add_argument("--out", required=True, help="the GeoJSON file to write")
    ann.set_defaults(func=cmd_annotate)

    exp = sub.add_parser("export", help="write the map as one self-contained HTML file")
    exp.add_argument("out", help="the HTML file to write")
    exp.add_argument("--cdn", action="store_true", help="load Leaflet from a CDN (lighter; needs the internet)")
    exp.add_argument("--layers", help="comma-separated layer names (default: all)")
    exp.add_argument(
        "--article",
        action="append",
        help="annotate this article (a file or a folder of .txt files) instead of the seed; repeat for more",
    )
    exp.add_argument("--title", default=TITLE, help="page title (default: the lesson's, or this)")
    exp.add_argument("--lesson", help=LESSON_HELP)
    _language_options(exp)
    exp.add_argument(
        "--languages",
        type=_languages,
        default=tuple(LANGUAGES),
        help=f"comma-separated languages the page's menu offers (default: all, {','.join(LANGUAGES)})",
    )
    exp.set_defaults(func=cmd_export)

    hand = sub.add_parser("handout", help="write a printable handout: a title page and a page per paragraph (PDF)")
    hand.add_argument("out", help="the PDF file to write")
    hand.add_argument("--article", help="annotate this article instead of the seed")
    hand.add_argument("--lesson", help=LESSON_HELP)
    hand.add_argument("--paper", choices=("a4", "letter"), default="a4")
    hand.add_argument("--worksheet", action="store_true", help="leave the place labels blank and add questions")
    _language_options(hand)
    hand.set_defaults(func=cmd_handout)

    fig = sub.add_parser("figure", help="write one picture of the map for a slide or an article (PNG or SVG)")
    fig.add_argument("out", help="the .png or .svg file to write")
    fig.add_argument("--step", type=int, help="a paragraph's step, framed as in the story (default: the region)")
    fig.add_argument("--size", default="1920x1080", help="WIDTHxHEIGHT in pixels (default 1920x1080)")
    fig.add_argument("--dpi", type=int, default=150, help="resolution (default 150)")
    fig.add_argument("--article", help="annotate this article instead of the seed")
    fig.add_argument("--lesson", help=LESSON_HELP)
    _language_options(fig)
    fig.set_defaults(func=cmd_figure)

    facts = sub.add_parser("facts", help="print measured figures beside the published ones")
    facts.set_defaults(func=cmd_facts)

    app = sub.add_parser(
        "app", help="serve the app (Streamlit) on this machine, from the checkout or the installed package"
    )
    app.add_argument("--port", type=int, default=8501, help="the port to serve on (default 8501)")
    app.add_argument(
        "--address", default="0.0.0.0", help="the address to serve on (default: every interface, for a class)"
    )
    app.set_defaults(func=cmd_app)
    return p


def _terminated(signum, frame) -> None:
    # SIGTERM ends the run as Ctrl-C does: every temporary file is removed on the way out.
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        args.func(args)
    except TrippError as exc:
        print(f"tripp-map: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a failure nobody foresaw is still one line, not a traceback
        reason = shown(str(exc).splitlines()[0] if str(exc).strip() else "")
        print(f"tripp-map: error: {type(exc).__name__}: {reason} (unexpected; please report it)", file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
