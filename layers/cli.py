"""The ``tripp-map`` command line: write layers, annotate an article, export the map."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

__all__ = ["CliError", "atomic_write", "main"]


class CliError(Exception):
    """A user-facing failure: printed as one line, exit status 1."""


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file in the same folder, so no partial file is left behind."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CliError(f"cannot write {path}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror}") from exc
    os.close(fd)
    try:
        write(Path(tmp))
        # mkstemp makes the file private; a written map or layer is for sharing.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror}") from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _layer_list(text: str | None) -> list[str]:
    from layers.registry import layer_names

    if not text:
        return layer_names()
    wanted = [t.strip() for t in text.split(",") if t.strip()]
    unknown = [w for w in wanted if w not in layer_names()]
    if unknown:
        raise CliError(f"unknown layer {', '.join(unknown)}; known layers: {', '.join(layer_names())}")
    return wanted


def cmd_layers(args: argparse.Namespace) -> None:
    from geo.geojson import to_geojson
    from layers.registry import LayerError, build_layer

    names = _layer_list(args.layers)
    try:
        frames = {name: build_layer(name) for name in names}
    except LayerError as exc:
        raise CliError(str(exc)) from exc
    out = Path(args.out)
    if args.format == "gpkg":
        from geo.clean import clean_for_web

        def write_gpkg(tmp: Path) -> None:
            tmp.unlink()
            for name, gdf in frames.items():
                clean_for_web(gdf).to_file(tmp, layer=name, driver="GPKG")

        atomic_write(out, write_gpkg)
        print(f"wrote {len(frames)} layers to {out}")
        return
    if out.exists() and not out.is_dir():
        raise CliError(f"cannot write to {out}: not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(f"cannot write to {out}: {exc.strerror}") from exc
    for name, gdf in frames.items():
        text = to_geojson(gdf)
        atomic_write(out / f"{name}.geojson", lambda tmp, text=text: tmp.write_text(text, encoding="utf-8"))
    print(f"wrote {len(frames)} layers to {out}: {', '.join(frames)}")


def cmd_annotate(args: argparse.Namespace) -> None:
    from geo.articles import ArticleError, read_article
    from geo.geojson import to_geojson
    from layers.excerpts import excerpts_layer

    try:
        article = read_article(Path(args.article))
    except ArticleError as exc:
        raise CliError(str(exc)) from exc
    text = to_geojson(excerpts_layer(article))
    atomic_write(Path(args.out), lambda tmp: tmp.write_text(text, encoding="utf-8"))
    print(f"wrote {args.out}")


def cmd_export(args: argparse.Namespace) -> None:
    from geo.articles import ArticleError, read_article
    from layers.export import export_html
    from layers.registry import LayerError

    names = _layer_list(args.layers)
    article = None
    if args.article:
        try:
            article = read_article(Path(args.article))
        except ArticleError as exc:
            raise CliError(str(exc)) from exc
    try:
        html = export_html(layers=tuple(names), article=article, title=args.title, cdn=args.cdn)
    except LayerError as exc:
        raise CliError(str(exc)) from exc
    atomic_write(Path(args.out), lambda tmp: tmp.write_bytes(html.encode("utf-8")))
    print(f"wrote {args.out} ({len(html.encode('utf-8')):,} bytes)")


def cmd_facts(args: argparse.Namespace) -> None:
    from layers.facts import facts_table

    for row in facts_table():
        print(f"{row['measure']}: {row['measured']} (published: {row['published']}; {row['source']})")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tripp-map", description="The TRIPP corridor map: layers, annotation, export.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    lay = sub.add_parser("layers", help="write every layer as GeoJSON (or one GeoPackage)")
    lay.add_argument("--out", required=True, help="folder for <layer>.geojson, or the .gpkg file with --format gpkg")
    lay.add_argument("--format", choices=("geojson", "gpkg"), default="geojson")
    lay.add_argument("--layers", help="comma-separated layer names (default: all)")
    lay.set_defaults(func=cmd_layers)

    ann = sub.add_parser("annotate", help="find the places an article names and write its excerpts as GeoJSON")
    ann.add_argument("article", help="a UTF-8 text file")
    ann.add_argument("--out", required=True, help="the GeoJSON file to write")
    ann.set_defaults(func=cmd_annotate)

    exp = sub.add_parser("export", help="write the map as one self-contained HTML file")
    exp.add_argument("out", help="the HTML file to write")
    exp.add_argument("--cdn", action="store_true", help="load Leaflet from a CDN (lighter; needs the internet)")
    exp.add_argument("--layers", help="comma-separated layer names (default: all)")
    exp.add_argument("--article", help="annotate this article instead of the seed")
    exp.add_argument("--title", default="The TRIPP corridor", help="page title")
    exp.set_defaults(func=cmd_export)

    facts = sub.add_parser("facts", help="print measured figures beside the published ones")
    facts.set_defaults(func=cmd_facts)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        args.func(args)
    except CliError as exc:
        print(f"tripp-map: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
