"""A classroom at once: N students' sessions replayed over Streamlit's websocket protocol, no browsers.

Each student opens the page; story steps, toggles and excerpt choices happen in the map and send the
server nothing. Per run: time to the first map (the last release: the st_folium element arriving with the
map in it; this app: the map's frame arriving and its page fetched from the server), p50/p95; the server's
CPU seconds per session; its peak memory. The teacher opens the page first (the server's caches warm),
then the N students start at once. Then the same class with one attacker beside it, pasting unique
4.9 MB single-line texts and clicking Annotate again and again: this app (``tripp-map app``) against
the last landed release (``RELEASE``, ``streamlit run`` from a git worktree), in the same run.
Loopback only, bounded: every wait times out. Run: ``.venv/bin/python bench/bench_load.py [RELEASE]``.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

import websockets
from common import ROOT, release_tree
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.browser import start_app, start_streamlit

CLASS_SIZES = (1, 10, 30)
RELEASE = "c6c79d5"  # the last landed commit: the server before outputs/server.py and outputs/jobs.py
ATTACK_BYTES = 4_900_000  # under the 5 MB limit: every paste is read
TIMEOUT_S = 180.0
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Student:
    """One browser tab's conversation with the server."""

    def __init__(self, ws, url: str = "", query: str = ""):
        self.ws = ws
        self.url = url
        self.query = query  # the page's address after "?", as a link gives it ("lesson=ID")
        self.widgets: dict[str, str] = {}  # user key -> widget id
        self.options: dict[str, list[str]] = {}  # user key -> a radio's options

    async def fetch(self, path: str) -> int:
        """GET ``path`` from the server (the map's page), in a thread; its size in bytes."""

        def get() -> int:
            import urllib.request

            with urllib.request.urlopen(self.url + path, timeout=TIMEOUT_S) as response:
                return len(response.read())

        return await asyncio.to_thread(get)

    async def run(self, states=(), told: list[str] | None = None) -> tuple[float, float | None]:
        """Send a rerun; return (seconds to the script's end, seconds to the map, if one came).

        Error and warning messages the page shows are added to ``told``.
        """
        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        msg.rerun_script.page_script_hash = ""
        for state in states:
            msg.rerun_script.widget_states.widgets.append(state)
        start = time.monotonic()
        await self.ws.send(msg.SerializeToString())
        first_map = None
        while True:
            fm = ForwardMsg()
            fm.ParseFromString(await asyncio.wait_for(self.ws.recv(), TIMEOUT_S))
            kind = fm.WhichOneof("type")
            if kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                element = getattr(fm.delta.new_element, fm.delta.new_element.WhichOneof("type"))
                kind_of = fm.delta.new_element.WhichOneof("type")
                if told is not None and kind_of == "alert":
                    told.append(element.body[:160])
                if getattr(element, "component_name", "").endswith("st_folium") and first_map is None:
                    first_map = time.monotonic() - start  # the map came in the message itself
                if kind_of == "iframe" and "/tripp-map/map/" in element.src and first_map is None:
                    await self.fetch(element.src)  # as the browser does: the frame's page, from the server
                    first_map = time.monotonic() - start
                widget_id = getattr(element, "id", "")
                if widget_id and "-" in widget_id:
                    key = widget_id.rsplit("-", 1)[1]
                    self.widgets[key] = widget_id
                    if hasattr(element, "options"):
                        self.options[key] = list(element.options)
            if kind == "script_finished":
                return time.monotonic() - start, first_map


def _state(widget_id: str, **value):
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    state = WidgetState(id=widget_id)
    for field, v in value.items():
        setattr(state, field, v)
    return state


async def one_student(url: str, clicks, query: str = "") -> tuple[float, list[float]]:
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=TIMEOUT_S) as ws:
        student = Student(ws, url, query)
        _, first_map = await student.run()
        return first_map or float("nan"), await clicks(student)


async def no_clicks(student: Student) -> list[float]:
    return []  # this app's story steps, toggles and excerpt choice run in the browser: nothing is sent


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


def _server(ours: bool, cwd: Path):
    return start_app(cwd, timeout=TIMEOUT_S) if ours else start_streamlit("app.py", cwd, timeout=TIMEOUT_S)


def _tree_cpu(pid: int) -> float:
    """CPU seconds of the server and of its worker processes (the work this app moves out)."""
    total = cpu_seconds(pid)
    children = Path(f"/proc/{pid}/task/{pid}/children")
    for child in children.read_text().split() if children.exists() else ():
        try:
            total += _tree_cpu(int(child))
        except (FileNotFoundError, ProcessLookupError):
            pass
    return total


def attack_text(i: int) -> str:
    words = ("Yerevan", "Goris", "Meghri", "Nakhchivan", "Julfa", "Kapan", "Baku", "Ordubad")
    line = " ".join(f"{words[(i + k) % len(words)]} {i}x{k}" for k in range(ATTACK_BYTES // 14))
    return line[:ATTACK_BYTES]


async def attacker(url: str, stop: asyncio.Event, log: list[tuple[float, str]]) -> None:
    """Paste a unique 4.9 MB line and click Annotate, again and again, until the class has its maps."""
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=TIMEOUT_S) as ws:
        student = Student(ws, url)
        await student.run()
        i = 0
        while not stop.is_set():
            i += 1
            told: list[str] = []
            states = [
                _state(student.widgets["pasted"], string_value=attack_text(i)),
                _state(student.widgets["annotate"], trigger_value=True),
            ]
            took, _ = await student.run(states, told)
            log.append((took, " / ".join(told)))


def measure(ours: bool, cwd: Path, n: int, attacked: bool = False) -> dict:
    proc, url = _server(ours, cwd)
    log: list[tuple[float, str]] = []
    try:
        asyncio.run(one_student(url, no_clicks))  # the teacher opens the page first
        before = _tree_cpu(proc.pid)

        async def classroom():
            stop = asyncio.Event()
            attack = asyncio.create_task(attacker(url, stop, log)) if attacked else None
            if attack:
                await asyncio.sleep(1.0)  # the first paste is being read when the class starts
            try:
                return await asyncio.gather(*(one_student(url, no_clicks) for _ in range(n)))
            finally:
                stop.set()
                if attack:
                    await asyncio.wait_for(attack, TIMEOUT_S)

        results = asyncio.run(asyncio.wait_for(classroom(), TIMEOUT_S * 4))
        cpu = (_tree_cpu(proc.pid) - before) / n
        peak = peak_rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return {"maps": [r[0] for r in results], "cpu": cpu, "peak": peak, "attack": log}


async def paste_while_another_opens(url: str, text: str) -> tuple[float, float, str]:
    """One student pastes ``text`` and annotates; meanwhile another opens the page.

    Returns (seconds until the paster's answer, seconds until the other's page, what the paster was told).
    """
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=TIMEOUT_S) as ws:
        paster = Student(ws, url)
        await paster.run()
        states = [
            _state(paster.widgets["pasted"], string_value=text),
            _state(paster.widgets["annotate"], trigger_value=True),
        ]
        told: list[str] = []

        async def paste() -> float:
            took, _ = await paster.run(states, told)
            return took

        async def other() -> float:
            await asyncio.sleep(0.2)  # the paste is under way
            return (await one_student(url, no_clicks))[0]

        pasted, opened = await asyncio.gather(paste(), other())
        return pasted, opened, " / ".join(told)


def main() -> None:
    release = release_tree(sys.argv[1] if len(sys.argv) > 1 else RELEASE)
    label_of = {True: "this app", False: f"last release ({release.name.removeprefix('tripp-map-')})"}
    print("| students | app | first map p50 / p95 | server CPU per session | peak RSS (server) |")
    print("|---|---|---|---|---|")
    calm: dict[bool, dict] = {}
    for n in CLASS_SIZES:
        for ours, cwd in ((True, ROOT), (False, release)):
            r = measure(ours, cwd, n)
            calm[ours] = r
            print(
                f"| {n} | {label_of[ours]} | {pct(r['maps'], 0.5):.2f} s / {pct(r['maps'], 0.95):.2f} s | "
                f"{r['cpu']:.2f} s | {r['peak']:.0f} MB |",
                flush=True,
            )
    n = CLASS_SIZES[-1]
    print(f"\n| {n} students | first map p95, alone | with one attacker | ratio | the attacker's clicks |")
    print("|---|---|---|---|---|")
    for ours, cwd in ((True, ROOT), (False, release)):
        r = measure(ours, cwd, n, attacked=True)
        alone, attacked = pct(calm[ours]["maps"], 0.95), pct(r["maps"], 0.95)
        told = sorted({t.split(":")[0][:60] for _, t in r["attack"] if t}) or ["(no message)"]
        clicks = f"{len(r['attack'])} answered, median {pct([t for t, _ in r['attack']], 0.5):.2f} s; told: "
        print(
            f"| {label_of[ours]} | {alone:.2f} s | {attacked:.2f} s | {attacked / alone:.2f}× | "
            f"{clicks}{'; '.join(told)} |",
            flush=True,
        )
    print(f"\n(one run per cell; Python {sys.version.split()[0]})\n")
    many = "\n\n".join(f"Talks {i} in Yerevan." for i in range(100_000))
    proc, url = start_app(ROOT, timeout=TIMEOUT_S)
    try:
        asyncio.run(one_student(url, no_clicks))
        for label, text in (("100,000 paragraphs (1.7 MB) pasted", many), ("10 MB pasted", "x" * 10_000_000)):
            pasted, opened, told = asyncio.run(paste_while_another_opens(url, text))
            print(f"- {label}: answered in {pasted:.2f} s ({told}); another student's page meanwhile: {opened:.2f} s")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
