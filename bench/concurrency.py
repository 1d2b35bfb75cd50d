"""Many people at once: websocket clients that speak Streamlit's own protocol drive real reruns on real servers.

Each client is one browser session as the server sees it (a session, a script thread, widget state): it opens a page,
waits for the run to finish, then moves the quarter filter every `think` seconds, as an analyst clicking through
quarters does, and times each interaction from the message sent to `script_finished`. An exception drawn on the
page, a run that ends abnormally, a dropped connection or a timeout counts as an error. Browsers are left out so
the 2 cores go to the servers, not to 20 renderers (first paint in chromium is measured in bench/national.py).

    python bench/concurrency.py DB [--clients 20] [--servers 1]

Each server is measured settled: after its first session, once it has logged its warm page cache (components/warm.py).
With --servers 2, clients are split between two dashboard processes on the same data, as a reverse proxy with
sticky sessions would split them (the scale-out path in the README).
"""

import argparse
import asyncio
import itertools
import json
import math
import os
import statistics
import sys
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from streamlit.proto.WidgetStates_pb2 import WidgetState  # noqa: E402

from bench.common import commit, load  # noqa: E402
from tests.support import streamlit_server  # noqa: E402

PAGES = ["overview", "map", "rankings", "trends"]  # the pages analysts click through
TIMEOUT = 60.0


class RunFailed(Exception):
    pass


class Session:
    """One Streamlit session over a websocket: run the page, change a selectbox, wait for the run to finish."""

    def __init__(self, ws, page: str):
        self.ws, self.page = ws, page
        self.selectboxes: dict[str, tuple[str, list[str]]] = {}  # user key → (widget id, formatted options)
        self.widget_values: dict[str, WidgetState] = {}

    async def run(self, changed: WidgetState | None = None) -> float:
        """Send a rerun (with a changed widget) and return the seconds until the script finished."""
        if changed is not None:
            self.widget_values[changed.id] = changed
        message = BackMsg()
        message.rerun_script.query_string = ""
        message.rerun_script.page_name = self.page
        message.rerun_script.widget_states.widgets.extend(self.widget_values.values())
        started = time.perf_counter()
        await self.ws.send(message.SerializeToString())
        await asyncio.wait_for(self.until_finished(), TIMEOUT)
        return time.perf_counter() - started

    async def until_finished(self) -> None:
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await self.ws.recv())
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                self.seen(msg.delta.new_element)
            elif kind == "script_finished":
                if msg.script_finished not in (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_EARLY_FOR_RERUN):
                    raise RunFailed(f"script finished with status {msg.script_finished}")
                if msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                    return

    def seen(self, element) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            raise RunFailed(f"{element.exception.type}: {element.exception.message}")
        if kind == "selectbox":
            box = element.selectbox
            self.selectboxes[box.id.rsplit("-", 1)[-1]] = (box.id, list(box.options))

    def choose(self, key: str, index: int) -> WidgetState:
        widget_id, options = self.selectboxes[key]
        return WidgetState(id=widget_id, string_value=options[index % len(options)])


async def client(
    url: str, page: str, interactions: int, think: float, number: int, out: dict, headers=None, until=None
) -> None:
    """One session: the page, then `interactions` quarter changes (stopping at `until`, a perf_counter time).
    `headers` go with the websocket's opening request (a sticky cookie, through a proxy)."""
    import websockets

    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    try:
        async with websockets.connect(
            ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=TIMEOUT, additional_headers=headers
        ) as ws:
            session = Session(ws, page)
            out["first"].append(await session.run())
            for step in range(interactions):
                if until is not None and time.perf_counter() >= until:
                    break
                await asyncio.sleep(think * (0.5 + ((number * 7 + step * 3) % 10) / 10))  # 0.5–1.4 × think
                out["interaction"].append(await session.run(session.choose("period", 1 + number + step)))
    except Exception as error:  # every failure is counted, none stops the other clients
        out["errors"].append(f"{type(error).__name__}: {error}")


async def drive(urls: list[str], clients: int, interactions: int, think: float) -> dict:
    out = {"first": [], "interaction": [], "errors": []}
    pages = itertools.cycle(PAGES)
    servers = itertools.cycle(urls)  # sticky: a client stays on the server it was given
    started = time.perf_counter()
    await asyncio.gather(*(client(next(servers), next(pages), interactions, think, n, out) for n in range(clients)))
    out["wall"] = time.perf_counter() - started
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)] if ordered else math.nan


def wait_until_warm(db: Path, urls: list[str], timeout: float = 900.0) -> float:
    """Seconds until every server has logged its warm page cache (components/warm.py): a dashboard is up long
    before a crowd arrives, so the crowd is measured on a settled server, not against its own warm-up."""
    logs = [db.with_suffix(f".{url.rsplit(':', 1)[1]}.log") for url in urls]  # where streamlit_server logs
    started = time.perf_counter()
    while not all("page cache warm for" in log.read_text(errors="replace") for log in logs):
        if time.perf_counter() - started > timeout:
            raise TimeoutError(f"no warm page cache after {timeout:.0f} s: see {logs}")
        time.sleep(0.5)
    return time.perf_counter() - started


def server_pid(url: str) -> int | None:
    """The process serving `url` (found by its --server.port), to read its CPU time."""
    port = url.rsplit(":", 1)[1].encode()
    for entry in Path("/proc").iterdir():
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
        except (OSError, ValueError):
            continue
        if b"--server.port" in args and args[args.index(b"--server.port") + 1 :][:1] == [port]:
            return int(entry.name)
    return None


def cpu_seconds(pid: int | None) -> float:
    """User + system CPU seconds of a process so far (/proc/PID/stat), NaN when it cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, TypeError):
        return math.nan
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(
    db: Path, clients: int = 20, servers: int = 1, interactions: int = 5, think: float = 1.0, lone: bool = False
) -> dict:
    """The crowd's figures; with `lone`, a lone session's first, on the same settled server(s) just before."""
    with ExitStack() as stack:
        urls = [stack.enter_context(streamlit_server(db)) for _ in range(servers)]
        asyncio.run(drive(urls, servers, 1, 0.0))  # one session per server warms its boundary cache, as in use
        warm_wait = wait_until_warm(db, urls)
        pids = [server_pid(url) for url in urls]
        alone = asyncio.run(drive(urls, 1, interactions, think)) if lone else None
        load_before, cpu_before = load(), sum(cpu_seconds(pid) for pid in pids)
        out = asyncio.run(drive(urls, clients, interactions, think))
        cpu = sum(cpu_seconds(pid) for pid in pids) - cpu_before
    runs = len(out["first"]) + len(out["interaction"])
    lone_figures = (
        {"lone_p50": statistics.median(alone["interaction"]), "lone_p95": p95(alone["interaction"])} if alone else {}
    )
    return {
        "commit": commit(),
        **lone_figures,
        "clients": clients,
        "servers": servers,
        "load": f"{load_before} → {load()}",
        # the servers' CPU (every thread: scripts, the event loop, websockets) per run served, opening runs included
        "cpu_per_run": cpu / runs if runs else math.nan,
        "interactions": len(out["interaction"]),
        "first_p50": statistics.median(out["first"]) if out["first"] else math.nan,
        "first_p95": p95(out["first"]),
        "p50": statistics.median(out["interaction"]) if out["interaction"] else math.nan,
        "p95": p95(out["interaction"]),
        "errors": len(out["errors"]),
        "error_samples": out["errors"][:3],
        "wall": out["wall"],
        "warm_wait": warm_wait,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--servers", type=int, default=1)
    parser.add_argument("--interactions", type=int, default=5)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--no-lone", action="store_true", help="skip the lone session measured first")
    args = parser.parse_args()
    found = measure(args.db.resolve(), args.clients, args.servers, args.interactions, args.think, not args.no_lone)
    print(json.dumps(found))
    goal = "≤ 1 s" + (" and ≤ 3× a lone session" if args.servers == 1 else "")
    ratio = (
        f" = {found['p95'] / found['lone_p95']:.1f}× a lone session's p95 {found['lone_p95']:.2f} s"
        if "lone_p95" in found
        else ""
    )
    print(
        f"{found['clients']} sessions on {found['servers']} process(es), a click every ~{args.think:g} s: p95 "
        f"{found['p95']:.2f} s (p50 {found['p50']:.2f} s){ratio} · goal {goal} · server CPU per run "
        f"{found['cpu_per_run'] * 1000:.0f} ms · {found['errors']} errors · load {found['load']} · "
        f"commit {found['commit']}"
    )
