"""The ``tripp-map`` command line: write layers, annotate an article, export the map."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from geo.errors import TrippError, shown
from geo.i18n import LANGUAGES, N_, check_language, environment_language, format_number, tr

__all__ = ["main", "parser"]

TITLE = "The TRIPP corridor"
LESSON_HELP = N_(
    "build from this lesson file (.json, downloaded from the app): its articles, as its author corrected them"
)


def _say(args: argparse.Namespace, message: str, **slots: object) -> None:
    """A line of the command's own, in its language (``--lang``, else the environment's), on stdout."""
    print(tr(message, args.words, **slots))


def _note(args: argparse.Namespace, note: str) -> None:
    print(tr("tripp-map: note: {note}", args.words, note=note), file=sys.stderr)


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
        _say(args, "wrote {n} layers to {out}", n=len(frames), out=out)
        return
    notice = notice_text()

    def fill(folder: Path) -> None:
        for name, gdf in frames.items():
            (folder / f"{name}.geojson").write_text(to_geojson(gdf, about=data_about(gdf)), encoding="utf-8")
        (folder / NOTICE_NAME).write_text(notice, encoding="utf-8")

    swap_folder(out, fill)
    _say(
        args,
        "wrote {n} layers and {notice} to {out}: {names}",
        n=len(frames),
        notice=NOTICE_NAME,
        out=out,
        names=", ".join(frames),
    )


def cmd_annotate(args: argparse.Namespace) -> None:
    from geo.geojson import to_geojson
    from layers.registry import corpus_excerpts
    from outputs.files import atomic_write
    from outputs.notice import data_about

    corpus = _read_corpus(args, args.article)
    excerpts = corpus_excerpts(corpus.articles)
    text = to_geojson(excerpts, about=data_about(excerpts))
    atomic_write(Path(args.out), lambda tmp: tmp.write_text(text, encoding="utf-8"))
    _say(args, "wrote {out} ({n} excerpts of {what})", out=args.out, n=f"{len(excerpts):,}", what=corpus.summary())


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
        articles = _read_corpus(args, args.article).articles if args.article else ()
        html = export_html(
            layers=names, title=args.title, cdn=args.cdn, articles=articles, lang=args.lang, languages=args.languages
        )
    atomic_write(Path(args.out), lambda tmp: tmp.write_bytes(html.encode("utf-8")))
    _say(args, "wrote {out} ({n} bytes)", out=args.out, n=format_number(len(html.encode("utf-8")), args.words))


def _read(args: argparse.Namespace, path: str):
    """An article file; what its limits left out is said on stderr."""
    from geo.articles import read_article

    article = read_article(Path(path))
    if article.note:
        _note(args, article.note)
    return article


def _read_corpus(args: argparse.Namespace, paths: list[str]):
    """Article files and folders of .txt files; duplicates and files left out are said on stderr."""
    from geo.corpus import read_corpus

    corpus = read_corpus(Path(p) for p in paths)
    for note in corpus.notes:
        _note(args, note)
    for name, kept in corpus.duplicates:
        _note(args, tr("{name}: the same article as {kept}: counted once", args.words, name=name, kept=kept))
    return corpus


def _lesson(args: argparse.Namespace):
    """The lesson file of ``--lesson``, and its excerpts: its articles annotated, then corrected by it."""
    from geo.lesson import read_lesson
    from layers.corrections import lesson_excerpts

    if args.article:
        raise TrippError(tr("--lesson carries its own articles: give --lesson or --article, not both", args.words))
    lesson = read_lesson(Path(args.lesson))
    return lesson, lesson_excerpts(lesson)


def _excerpts_of(args: argparse.Namespace):
    """The title and excerpts a handout or figure draws: a lesson's, an article's, or the seed's."""
    from layers.excerpts import seed_article
    from layers.registry import article_excerpts

    if args.lesson:
        lesson, excerpts = _lesson(args)
        return lesson.title, excerpts
    return TITLE, article_excerpts(_read(args, args.article) if args.article else seed_article())


def cmd_handout(args: argparse.Namespace) -> None:
    from outputs.handout import handout_note, write_handout

    title, excerpts = _excerpts_of(args)
    pages = write_handout(
        Path(args.out), excerpts, paper=args.paper, worksheet=args.worksheet, title=title, lang=args.lang
    )
    note = handout_note(len(excerpts))
    if note:
        _note(args, f"{shown(args.out)}: {note}")
    _say(args, "wrote {out} ({n} pages)", out=args.out, n=pages)


def cmd_figure(args: argparse.Namespace) -> None:
    from outputs.handout import parse_size, write_figure

    size = parse_size(args.size)
    title, excerpts = _excerpts_of(args)
    write_figure(Path(args.out), excerpts, step=args.step, size=size, dpi=args.dpi, title=title, lang=args.lang)
    _say(args, "wrote {out} ({w}x{h})", out=args.out, w=size[0], h=size[1])


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


def _language_options(sub: argparse.ArgumentParser, lang: str) -> None:
    words = tr(
        "the language of the map's words and of this command's ({languages}; default: the environment's, {lang})",
        lang,
        languages=", ".join(LANGUAGES),
        lang=lang,
    )
    sub.add_argument("--lang", type=_language, default=lang, help=words)


def _wanted_language(argv: list[str]) -> str:
    """The language a command line asks for (``--lang xx``), else the environment's (LANGUAGE, LC_ALL, LANG)."""
    for n, arg in enumerate(argv):
        value = (
            arg.split("=", 1)[1]
            if arg.startswith("--lang=")
            else argv[n + 1]
            if arg == "--lang" and n + 1 < len(argv)
            else ""
        )
        if value.strip().lower() in LANGUAGES:
            return value.strip().lower()
    return environment_language(os.environ)


def parser(lang: str = "en") -> argparse.ArgumentParser:
    """The command line, its help in ``lang``."""
    _ = lambda message: tr(message, lang)  # noqa: E731
    p = argparse.ArgumentParser(prog="tripp-map", description=_("The TRIPP corridor map: layers, annotation, export."))
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    lay = sub.add_parser("layers", help=_("write every layer as GeoJSON (or one GeoPackage)"))
    lay.add_argument("--out", required=True, help=_("folder for <layer>.geojson, or the .gpkg file with --format gpkg"))
    lay.add_argument("--format", choices=("geojson", "gpkg"), default="geojson")
    lay.add_argument("--layers", help=_("comma-separated layer names (default: all)"))
    lay.set_defaults(func=cmd_layers)

    ann = sub.add_parser("annotate", help=_("find the places an article names and write its excerpts as GeoJSON"))
    ann.add_argument("article", nargs="+", help=_("UTF-8 text files, or folders of .txt files"))
    ann.add_argument("--out", required=True, help=_("the GeoJSON file to write"))
    ann.set_defaults(func=cmd_annotate)

    exp = sub.add_parser("export", help=_("write the map as one self-contained HTML file"))
    exp.add_argument("out", help=_("the HTML file to write"))
    exp.add_argument("--cdn", action="store_true", help=_("load Leaflet from a CDN (lighter; needs the internet)"))
    exp.add_argument("--layers", help=_("comma-separated layer names (default: all)"))
    exp.add_argument(
        "--article",
        action="append",
        help=_("annotate this article (a file or a folder of .txt files) instead of the seed; repeat for more"),
    )
    exp.add_argument("--title", default=TITLE, help=_("page title (default: the lesson's, or this)"))
    exp.add_argument("--lesson", help=_(LESSON_HELP))
    _language_options(exp, lang)
    exp.add_argument(
        "--languages",
        type=_languages,
        default=tuple(LANGUAGES),
        help=tr(
            "comma-separated languages the page's menu offers (default: all, {all})", lang, all=",".join(LANGUAGES)
        ),
    )
    exp.set_defaults(func=cmd_export)

    hand = sub.add_parser("handout", help=_("write a printable handout: a title page and a page per paragraph (PDF)"))
    hand.add_argument("out", help=_("the PDF file to write"))
    hand.add_argument("--article", help=_("annotate this article instead of the seed"))
    hand.add_argument("--lesson", help=_(LESSON_HELP))
    hand.add_argument("--paper", choices=("a4", "letter"), default="a4")
    hand.add_argument("--worksheet", action="store_true", help=_("leave the place labels blank and add questions"))
    _language_options(hand, lang)
    hand.set_defaults(func=cmd_handout)

    fig = sub.add_parser("figure", help=_("write one picture of the map for a slide or an article (PNG or SVG)"))
    fig.add_argument("out", help=_("the .png or .svg file to write"))
    fig.add_argument("--step", type=int, help=_("a paragraph's step, framed as in the story (default: the region)"))
    fig.add_argument("--size", default="1920x1080", help=_("WIDTHxHEIGHT in pixels (default 1920x1080)"))
    fig.add_argument("--dpi", type=int, default=150, help=_("resolution (default 150)"))
    fig.add_argument("--article", help=_("annotate this article instead of the seed"))
    fig.add_argument("--lesson", help=_(LESSON_HELP))
    _language_options(fig, lang)
    fig.set_defaults(func=cmd_figure)

    facts = sub.add_parser("facts", help=_("print measured figures beside the published ones"))
    facts.set_defaults(func=cmd_facts)

    app = sub.add_parser(
        "app", help=_("serve the app (Streamlit) on this machine, from the checkout or the installed package")
    )
    app.add_argument("--port", type=int, default=8501, help=_("the port to serve on (default 8501)"))
    app.add_argument(
        "--address", default="0.0.0.0", help=_("the address to serve on (default: every interface, for a class)")
    )
    app.set_defaults(func=cmd_app)
    return p


def _terminated(signum, frame) -> None:
    # SIGTERM ends the run as Ctrl-C does: every temporary file is removed on the way out.
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    words = _wanted_language(sys.argv[1:] if argv is None else argv)
    args = parser(words).parse_args(argv)
    args.words = getattr(args, "lang", words)  # the command's own lines follow its --lang
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        args.func(args)
    except TrippError as exc:
        print(tr("tripp-map: error: {why}", args.words, why=exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a failure nobody foresaw is still one line, not a traceback
        reason = shown(str(exc).splitlines()[0] if str(exc).strip() else "")
        said = tr(
            "tripp-map: error: {kind}: {why} (unexpected; please report it)",
            args.words,
            kind=type(exc).__name__,
            why=reason,
        )
        print(said, file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
