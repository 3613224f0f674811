"""A classroom at once: N students' sessions replayed over Streamlit's websocket protocol, no browsers.

Each student opens the page, then makes 8 interactions: 5 story steps, 2 layer toggles and 1 excerpt
choice. This app does all 8 inside the map, so they send the server nothing; the last release's app
(``common.LAST_RELEASE``, run from a git worktree in the same run) reruns the script for each, so they
are replayed as the widget changes its page sent. Per run: time to the first map (the st_folium
element arriving), p50/p95; per click, p50/p95; the server's CPU seconds per session; its peak memory.
The teacher opens the page first (the server's caches warm), then the N students start at once.
Loopback only, bounded: every wait times out. Run: ``.venv/bin/python bench/bench_load.py``.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

import websockets
from common import LAST_RELEASE, ROOT, release_tree
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.browser import start_streamlit

CLASS_SIZES = (1, 10, 30)
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

    def __init__(self, ws):
        self.ws = ws
        self.widgets: dict[str, str] = {}  # user key -> widget id
        self.options: dict[str, list[str]] = {}  # user key -> a radio's options

    async def run(self, states=(), told: list[str] | None = None) -> tuple[float, float | None]:
        """Send a rerun; return (seconds to the script's end, seconds to the map, if one came).

        Error and warning messages the page shows are added to ``told``.
        """
        msg = BackMsg()
        msg.rerun_script.query_string = ""
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


async def release_clicks(student: Student) -> list[float]:
    """The last release's 8 interactions, each a rerun: story mode and 4 × Next, 2 toggles, an excerpt.

    Widget ids are read from the page as it changes (Next exists only in story mode).
    """
    w = student.widgets
    took = []

    def story():
        return _state(w["mode"], string_value="Story")  # a radio's value is its option

    took.append((await student.run([story()]))[0])
    for _ in range(4):
        took.append((await student.run([story(), _state(w["next"], trigger_value=True)]))[0])
    for shown in (False, True):
        took.append((await student.run([story(), _state(w["layer_karabakh"], bool_value=shown)]))[0])
    explore = _state(w["mode"], string_value="Explore")  # the excerpt list shows in explore mode
    choice = student.options["excerpt_choice"][3]
    took.append((await student.run([explore, _state(w["excerpt_choice"], string_value=choice)]))[0])
    return took


async def one_student(url: str, clicks) -> tuple[float, list[float]]:
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=TIMEOUT_S) as ws:
        student = Student(ws)
        _, first_map = await student.run()
        return first_map or float("nan"), await clicks(student)


async def no_clicks(student: Student) -> list[float]:
    return []  # this app's story steps, toggles and excerpt choice run in the browser: nothing is sent


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


def measure(script: str, cwd: Path, clicks, n: int) -> dict:
    proc, url = start_streamlit(script, cwd, timeout=TIMEOUT_S)
    try:
        asyncio.run(one_student(url, no_clicks))  # the teacher opens the page first
        before = cpu_seconds(proc.pid)

        async def classroom():
            return await asyncio.gather(*(one_student(url, clicks) for _ in range(n)))

        results = asyncio.run(asyncio.wait_for(classroom(), TIMEOUT_S * 4))
        cpu = (cpu_seconds(proc.pid) - before) / n
        peak = peak_rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    maps = [r[0] for r in results]
    clicks_all = [c for r in results for c in r[1]]
    return {"maps": maps, "clicks": clicks_all, "cpu": cpu, "peak": peak}


async def paste_while_another_opens(url: str, text: str) -> tuple[float, float, str]:
    """One student pastes ``text`` and annotates; meanwhile another opens the page.

    Returns (seconds until the paster's answer, seconds until the other's page, what the paster was told).
    """
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=TIMEOUT_S) as ws:
        paster = Student(ws)
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
    release = release_tree()
    print("| students | app | first map p50 / p95 | click p50 / p95 | server CPU per session | peak RSS |")
    print("|---|---|---|---|---|---|")
    for n in CLASS_SIZES:
        for label, script, cwd, clicks in (
            ("this app", "app.py", ROOT, no_clicks),
            (f"last release ({LAST_RELEASE})", "app.py", release, release_clicks),
        ):
            r = measure(script, cwd, clicks, n)
            click = (
                f"{pct(r['clicks'], 0.5):.2f} s / {pct(r['clicks'], 0.95):.2f} s"
                if r["clicks"]
                else "no message sent (in the map)"
            )
            print(
                f"| {n} | {label} | {pct(r['maps'], 0.5):.2f} s / {pct(r['maps'], 0.95):.2f} s | {click} | "
                f"{r['cpu']:.2f} s | {r['peak']:.0f} MB |",
                flush=True,
            )
    print(f"\n(one run per cell; Python {sys.version.split()[0]})\n")
    many = "\n\n".join(f"Talks {i} in Yerevan." for i in range(100_000))
    proc, url = start_streamlit("app.py", ROOT, timeout=TIMEOUT_S)
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
