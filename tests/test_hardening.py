"""Bad input answered in one line, text printed as written, writes that never collide (issue 24's first part)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo.articles import MAX_BYTES, MAX_PARAGRAPH_CHARS, ArticleError, paragraphs, parse_article, read_article
from geo.corpus import read_corpus
from outputs.files import TEMP_MARK, WriteError, atomic_write

ROOT = Path(__file__).resolve().parent.parent


def one_line(exc: Exception) -> str:
    text = str(exc)
    assert "\n" not in text and "\r" not in text, text
    return text


def test_a_pipe_is_refused_at_once_not_waited_on(tmp_path):
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    with pytest.raises(ArticleError) as err:
        read_article(fifo)  # no writer: a blocking read would hang here for ever
    assert "pipe (FIFO)" in one_line(err.value)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused(device):
    with pytest.raises(ArticleError) as err:
        read_article(Path(device))
    assert "is a device" in one_line(err.value)


def test_a_folders_link_to_a_device_is_left_out_with_its_reason(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "good.txt").write_text("Meghri lies on the Aras.", encoding="utf-8")
    corpus = read_corpus([tmp_path])
    assert [a.name for a in corpus.articles] == ["good.txt"]
    assert any("zero.txt" in n and "is a device" in n and "left out" in n for n in corpus.notes)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    sparse = tmp_path / "big.txt"
    with sparse.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # a sparse file: its size is known without reading it
    with pytest.raises(ArticleError) as err:
        read_article(sparse)
    assert "byte limit" in one_line(err.value)


def test_a_name_with_a_newline_or_a_direction_override_stays_one_line(tmp_path):
    with pytest.raises(ArticleError) as err:
        read_article(tmp_path / "a\nb\u202ec.txt")
    message = one_line(err.value)
    assert "\\u000a" in message and "\\u202e" in message


def test_a_huge_single_line_is_split_at_sentence_ends_and_nothing_is_lost():
    sentence = "Meghri lies on the Aras, where the railway would run. "
    raw = sentence * (3 * MAX_PARAGRAPH_CHARS // len(sentence))
    article = parse_article(raw, "one-line.txt")
    parts = paragraphs(article.text)
    assert len(parts) >= 3 and all(len(p) <= MAX_PARAGRAPH_CHARS for p in parts)
    assert all(p.endswith(".") for p in parts[:-1])  # cut after a sentence's end
    assert " ".join(parts).split() == raw.split()
    assert "split at sentence ends" in article.note


def test_a_date_line_that_is_no_calendar_day_leaves_the_article_undated():
    article = parse_article("date 2026-13-45 Vance visited Yerevan.", "bad-date.txt")
    assert article.date == "" and "2026-13-45 is not a calendar day" in article.note
    assert article.text == "Vance visited Yerevan."


def test_an_existing_files_permissions_and_hard_links_are_kept(tmp_path):
    target = tmp_path / "map.html"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o600)
    twin = tmp_path / "twin.html"
    os.link(target, twin)
    atomic_write(target, lambda tmp: tmp.write_text("new", encoding="utf-8"))
    assert oct(os.stat(target).st_mode & 0o777) == "0o600"
    assert twin.read_text(encoding="utf-8") == "new" and os.stat(target).st_ino == os.stat(twin).st_ino
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html", "twin.html"]


def _umask_now() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("Umask:"):
            return int(line.split()[1], 8)
    raise AssertionError("no Umask line")


def test_a_new_file_takes_the_umask_and_the_umask_is_never_changed(tmp_path):
    old = os.umask(0o027)
    try:
        seen = []
        atomic_write(tmp_path / "new.html", lambda tmp: seen.append(_umask_now()) or tmp.write_text("x"))
        assert seen == [0o027] and _umask_now() == 0o027
        assert oct(os.stat(tmp_path / "new.html").st_mode & 0o777) == "0o640"
    finally:
        os.umask(old)


def test_a_symbolic_link_loop_is_one_line(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(WriteError) as err:
        atomic_write(tmp_path / "a", lambda tmp: tmp.write_text("x"))
    assert "symbolic link loop" in one_line(err.value)


WRITER = """
import sys, time
from pathlib import Path
from outputs.files import atomic_write
def write(tmp):
    with open(tmp, "w") as fh:
        for n in range(40):
            fh.write(sys.argv[2] * 1000)
            fh.flush()
            time.sleep(0.005)
atomic_write(Path(sys.argv[1]), write)
"""


def test_two_writers_of_one_file_never_spoil_each_other(tmp_path):
    target = tmp_path / "handout.pdf"
    for run in range(10):
        procs = [
            subprocess.Popen([sys.executable, "-c", WRITER, str(target), mark], cwd=ROOT, stderr=subprocess.PIPE)
            for mark in "AB"
        ]
        for proc in procs:
            _, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, (run, err.decode())
        text = target.read_text()
        assert len(text) == 40_000 and text in ("A" * 40_000, "B" * 40_000), run
        assert [p.name for p in tmp_path.iterdir()] == ["handout.pdf"], run


def _sigterm_a_handout_once(tmp_path, ready, what: str) -> None:
    """Start a handout, wait until ``ready(name)`` holds for a file in its folder, SIGTERM it: it must end
    with 143 and leave the folder empty. A run that ended before the signal could be sent (a test process
    starved on a loaded machine, seeing the state only as the handout finished) tried nothing: run again."""
    for _ in range(3):
        for leftover in tmp_path.iterdir():
            leftover.unlink()
        out = tmp_path / "handout.pdf"
        proc = subprocess.Popen(
            [sys.executable, "-m", "outputs.cli", "handout", str(out)], cwd=ROOT, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 120
        while not any(ready(p.name) for p in tmp_path.iterdir()):  # wait for the state, not for a time
            assert proc.poll() is None and time.monotonic() < deadline, f"the handout ended before {what} showed"
            time.sleep(0.02)
        sent = proc.poll() is None
        if sent:
            os.kill(proc.pid, signal.SIGTERM)  # not reaped yet: the pid is still the handout's
        proc.communicate(timeout=60)
        if sent:
            break
    assert sent, "the handout ended before every signal three times"
    assert proc.returncode == 128 + signal.SIGTERM
    assert list(tmp_path.iterdir()) == []


def test_sigterm_removes_the_temporary_as_ctrl_c_does(tmp_path):
    _sigterm_a_handout_once(tmp_path, lambda name: TEMP_MARK in name, "its temporary")


def test_sigterm_while_two_processes_draw_a_handout_stops_both_and_leaves_nothing(tmp_path):
    _sigterm_a_handout_once(tmp_path, lambda name: name.endswith(".2"), "its halves")


SIGNAL_DURING_FORK = """
import os, signal, sys, time
from multiprocessing import context
from pathlib import Path
from outputs import cli
started = context.ForkProcess.start
def start(self):
    started(self)
    half = Path(sys.argv[1]).parent
    while not any(p.name.endswith(".2") for p in half.iterdir()):  # the second half has begun its file
        time.sleep(0.01)
    os.kill(os.getpid(), signal.SIGTERM)  # held: the fork's mask is still on
context.ForkProcess.start = start
sys.exit(cli.main(["handout", sys.argv[1]]))
"""


def test_sigterm_held_during_the_fork_still_stops_both_halves_and_leaves_nothing(tmp_path):
    # The signal is raised the moment the mask is lifted, after the second half has opened its file.
    proc = subprocess.run(
        [sys.executable, "-c", SIGNAL_DURING_FORK, str(tmp_path / "handout.pdf")],
        cwd=ROOT,
        capture_output=True,
        timeout=180,
    )
    assert proc.returncode == 128 + signal.SIGTERM, proc.stderr.decode()
    assert list(tmp_path.iterdir()) == []


SIGNAL_HANDLED_BY_ANOTHER_THREAD = """
import os, signal, sys
from outputs import cli
real_fork = os.fork
def fork():
    pid = real_fork()
    if pid:
        # A signal the kernel gave to a thread Python does not know (OpenBLAS's) is not held by the main
        # thread's mask: its handler runs here, before multiprocessing has the child on record.
        signal.getsignal(signal.SIGTERM)(signal.SIGTERM, None)
    return pid
os.fork = fork
sys.exit(cli.main(["handout", sys.argv[1]]))
"""


def test_sigterm_handled_between_the_fork_and_its_record_still_stops_the_child(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-c", SIGNAL_HANDLED_BY_ANOTHER_THREAD, str(tmp_path / "handout.pdf")],
        cwd=ROOT,
        capture_output=True,  # waits for the child too: it holds the same stderr
        timeout=180,
    )
    assert proc.returncode == 128 + signal.SIGTERM, proc.stderr.decode()
    assert list(tmp_path.iterdir()) == []


def test_an_unforeseen_failure_is_one_line(monkeypatch, capsys):
    import outputs.facts
    from outputs.cli import main

    def broken():
        raise RuntimeError("first line\nsecond line")

    monkeypatch.setattr(outputs.facts, "facts_table", broken)
    assert main(["facts"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "RuntimeError: first line" in err and "second line" not in err


def test_paper_prints_money_and_odd_characters_as_written(tmp_path):
    from pypdf import PdfReader

    from layers.registry import article_excerpts
    from outputs.handout import write_handout

    raw = (
        "Armenia got $2 billion, and a $500 million loan for Meghri.\n\nA $\\foo{$ here, \ufeffa BOM, zero\u200bwidth."
    )
    excerpts = article_excerpts(parse_article(raw, "money.txt"))
    write_handout(tmp_path / "money.pdf", excerpts)
    pages = [p.extract_text() for p in PdfReader(tmp_path / "money.pdf").pages]
    assert "Armenia got $2 billion, and a $500 million loan for Meghri." in pages[1]
    assert "A $\\foo{$ here, a BOM, zerowidth." in pages[2]


def test_a_persons_text_is_isolated_for_direction_and_keeps_its_braces():
    from outputs.export import export_html

    article = parse_article("Meghri {% endraw %} and {{ 7*7 }}, Syunik.", "\u202eevil.txt", source="\u202eevil.txt")
    html = export_html(article=article)
    assert "\u2068\u202eevil.txt\u2069" in html  # the name cannot reorder the words after it
    assert "Meghri &#123;% endraw %} and &#123;&#123; 7*7 }}, Syunik." in html


def test_a_long_handout_draws_its_first_maps_and_gives_the_rest_as_text(tmp_path):
    from pypdf import PdfReader

    from layers.registry import article_excerpts
    from outputs.handout import MAX_MAP_PAGES, handout_note, write_handout

    raw = "\n\n".join(f"Paragraph {n} names Meghri and the Aras." for n in range(1, 61))
    excerpts = article_excerpts(parse_article(raw, "long.txt"))
    pages = write_handout(tmp_path / "long.pdf", excerpts)
    reader = PdfReader(tmp_path / "long.pdf")
    assert pages == len(reader.pages) < 1 + 60
    assert f"Paragraphs {MAX_MAP_PAGES + 1}–60 of 60, as text" in reader.pages[-1].extract_text()
    assert "Paragraph 60 names Meghri" in reader.pages[-1].extract_text()
    assert "first 15 of 60 paragraphs" in handout_note(60) and handout_note(13) == ""


def test_each_geopackage_table_holds_one_geometry_type_and_coordinates_are_numbers(tmp_path):
    import geopandas as gpd
    import pyogrio

    from layers.registry import build_layer, layer_names
    from outputs.geopackage import write_geopackage

    path = tmp_path / "layers.gpkg"
    write_geopackage({name: build_layer(name) for name in layer_names()}, path)
    tables = dict(pyogrio.list_layers(path).tolist())
    assert tables["tripp_route"] == "LineString" and tables["tripp_route_areas"] == "Polygon"
    assert all(kind != "Unknown" and kind != "Geometry" for kind in tables.values()), tables
    places = gpd.read_file(path, layer="places")
    assert str(places["alt_lat"].dtype) == "float64" and places["alt_lat"].notna().sum() == 3


def test_the_app_shows_no_traceback_in_the_browser():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


def test_a_folder_is_read_with_its_subfolders(tmp_path):
    (tmp_path / "week1").mkdir()
    (tmp_path / "week1" / "a.txt").write_text("Meghri lies on the Aras.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Agarak is a border town.", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    corpus = read_corpus([tmp_path])
    assert sorted(a.name for a in corpus.articles) == ["a.txt", "b.txt"] and not corpus.duplicates
