"""Scale-out on one machine: nginx in front of N dashboard replicas and one writer instance.

    python -m unionbench.serve --replicas 2 [--port 8080] [--host 127.0.0.1]     (what `make serve REPLICAS=2` runs)

Every process is the same dashboard on the same database: the replicas (ports 8601, 8602 …) serve every page from
the newest published snapshot; the writer (port 8600, under /admin/ by Streamlit's baseUrlPath) is where uploads
go, so the check and commit of a large file do not slow a replica's viewers. nginx (the Debian package) runs
unprivileged from a generated configuration in a run directory: the site file `deploy/nginx/unionbench.conf` —
the one a real server installs — with its listen address, ports and log path rewritten, inside a minimal main
configuration (pid, error log, temp paths, `daemon off`). Ctrl-C (or SIGTERM) stops everything.

The core never imports streamlit: the processes are started as `python -m streamlit run dashboard.py`.
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from unionbench.paths import PROJECT_ROOT, app_dir, resolve_db_path

SITE_FILE = PROJECT_ROOT / "deploy" / "nginx" / "unionbench.conf"
WRITER_PATH = "admin"  # the writer's baseUrlPath: http://HOST/admin/upload
FIRST_REPLICA_PORT, WRITER_PORT = 8601, 8600
STICKY_COOKIE = "unionbench_replica"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


@dataclass(frozen=True)
class Layout:
    """Where each process listens: nginx on `host:port`, the writer and the replicas on 127.0.0.1."""

    host: str
    port: int
    writer: int
    replicas: tuple[int, ...]

    @property
    def url(self) -> str:
        return f"http://{'127.0.0.1' if self.host in ('0.0.0.0', '::') else self.host}:{self.port}"

    @classmethod
    def free(cls, replicas: int, host: str = "127.0.0.1") -> "Layout":
        """nginx, the writer and `replicas` dashboards each on a free port."""
        chosen = free_ports(replicas + 2)
        return cls(host, chosen[0], chosen[1], tuple(chosen[2:]))


def site_config(layout: Layout, access_log: Path) -> str:
    """deploy/nginx/unionbench.conf with this layout's listen address, upstream ports and access log."""
    text = SITE_FILE.read_text(encoding="utf-8")
    replicas = "".join(f"    server 127.0.0.1:{port};\n" for port in layout.replicas)
    text, n_replicas = re.subn(
        r"(upstream unionbench_replicas \{\n(?:    hash [^\n]*\n))(?:    server [^\n]*\n)+", rf"\g<1>{replicas}", text
    )
    text, n_writer = re.subn(
        r"(upstream unionbench_writer \{\n)(?:    server [^\n]*\n)+",
        rf"\g<1>    server 127.0.0.1:{layout.writer};\n",
        text,
    )
    text, n_listen = re.subn(r"\n    listen [^\n]*;", f"\n    listen {layout.host}:{layout.port};", text)
    text, n_log = re.subn(r"access_log \S+ unionbench;", f"access_log {access_log} unionbench;", text)
    if (n_replicas, n_writer, n_listen, n_log) != (1, 1, 1, 1):
        raise ValueError(f"{SITE_FILE} no longer has the upstreams, listen and access_log lines this rewrites")
    return text


def nginx_config(layout: Layout, run_dir: Path) -> str:
    """A whole nginx configuration that runs unprivileged in `run_dir` (pid, logs and temp files there)."""
    temp = {kind: run_dir / f"nginx-{kind}" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir(parents=True, exist_ok=True)
    temp_lines = "\n".join(f"    {kind}_temp_path {path};" for kind, path in temp.items())
    return f"""daemon off;
worker_processes 1;
pid {run_dir / "nginx.pid"};
error_log {run_dir / "nginx-error.log"} warn;
events {{ worker_connections 1024; }}
http {{
{temp_lines}
    default_type application/octet-stream;
{site_config(layout, run_dir / "nginx-access.log")}
}}
"""


def free_ports(count: int) -> list[int]:
    """`count` distinct free ports on 127.0.0.1 (held open together, so none is handed out twice)."""
    with ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]


def wait_healthy(url: str, process: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not become healthy: {log.read_text(errors='replace')[-4000:]}")
        time.sleep(0.3)  # polling a server that is starting; nothing to wait on but its answer


def dashboard_command(port: int, base_path: str = "", secrets_file: Path | None = None) -> list:
    """One dashboard process on 127.0.0.1:port (its cookie secret comes from the environment: see deployment)."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app_dir() / "dashboard.py"),
        "--server.headless=true",
        "--server.address=127.0.0.1",
        f"--server.port={port}",
        "--server.fileWatcherType=none",
        "--server.enableXsrfProtection=true",
        f"--server.baseUrlPath={base_path}",
        *([f"--secrets.files={secrets_file}"] if secrets_file else []),
    ]


@contextmanager
def started(command: list, log: Path, env: dict | None = None):
    """A child process whose output goes to `log` (an unread pipe would fill and stall it); stopped on exit."""
    with log.open("ab") as out:
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


LOG_LINE = re.compile(
    r'"(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d+) upstream=(?P<upstream>\S+) sticky=(?P<key>\S+)'
)


def routes(access_log: Path) -> dict[str, list[tuple[str, str, str]]]:
    """Sticky key → (path, status, upstream) of every request nginx logged with it (the site file's log format;
    a websocket is logged when it closes): which replica served each browser."""
    by_key = defaultdict(list)
    for line in access_log.read_text(errors="replace").splitlines():
        if match := LOG_LINE.search(line):
            by_key[match["key"]].append((match["path"], match["status"], match["upstream"]))
    return by_key


@dataclass(frozen=True)
class Deployment:
    url: str  # nginx: every page; /admin/ is the writer
    layout: Layout
    run_dir: Path

    @property
    def access_log(self) -> Path:
        return self.run_dir / "nginx-access.log"

    @property
    def error_log(self) -> Path:
        return self.run_dir / "nginx-error.log"

    def replica_log(self, port: int) -> Path:
        return self.run_dir / f"dashboard-{port}.log"


@contextmanager
def deployment(db: Path, layout: Layout, run_dir: Path, secrets_file: Path | None = None):
    """nginx on the layout's host:port in front of its replica dashboard processes and one writer, all on `db`;
    yields a Deployment once every process answers its health check (through nginx too)."""
    if not layout.replicas:
        raise ValueError("at least one replica")
    run_dir.mkdir(parents=True, exist_ok=True)
    writer_port, replica_ports = layout.writer, layout.replicas
    # Every instance gets the same cookie secret, so Streamlit's XSRF cookie (checked on uploads) is valid whichever
    # instance set it; XSRF protection stays on. Streamlit takes the secret from its environment, never the CLI.
    secret = os.environ.get("STREAMLIT_SERVER_COOKIE_SECRET") or secrets.token_hex(32)
    env = {**os.environ, "UNIONBENCH_DB": str(db), "STREAMLIT_SERVER_COOKIE_SECRET": secret}
    config = run_dir / "nginx.conf"
    config.write_text(nginx_config(layout, run_dir), encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-q", "-p", str(run_dir), "-c", str(config)], capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError(f"nginx refused the configuration: {check.stderr}")
    with ExitStack() as stack:
        instances = [(writer_port, WRITER_PATH), *((p, "") for p in replica_ports)]
        processes = {
            p: stack.enter_context(
                started(dashboard_command(p, base, secrets_file), run_dir / f"dashboard-{p}.log", env)
            )
            for p, base in instances
        }
        nginx = stack.enter_context(
            started([NGINX, "-p", str(run_dir), "-c", str(config)], run_dir / "nginx-stderr.log")
        )
        for p, base in instances:
            wait_healthy(
                f"http://127.0.0.1:{p}" + (f"/{base}" if base else ""), processes[p], run_dir / f"dashboard-{p}.log"
            )
        wait_healthy(layout.url, nginx, run_dir / "nginx-error.log")
        wait_healthy(f"{layout.url}/{WRITER_PATH}", nginx, run_dir / "nginx-error.log")
        yield Deployment(layout.url, layout, run_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m unionbench.serve", description=__doc__.split("\n\n")[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--host", default="127.0.0.1", help="nginx's address (0.0.0.0: the office network)")
    parser.add_argument("--port", type=int, default=8080, help="nginx's port")
    parser.add_argument("--db", help="the database (default: $UNIONBENCH_DB, else var/unionbench.duckdb)")
    parser.add_argument("--run-dir", help="nginx's configuration, pid, logs and temp files (default var/serve)")
    parser.add_argument("--secrets", help="accounts for the upload page (default .streamlit/secrets.toml)")
    args = parser.parse_args(argv)
    if not shutil.which(NGINX) and not Path(NGINX).exists():
        print("nginx is not installed: make deploy-deps (apt-get install nginx-light)", file=sys.stderr)
        return 1
    db = resolve_db_path(args.db)
    run_dir = Path(args.run_dir) if args.run_dir else db.parent / "serve"
    replicas = tuple(FIRST_REPLICA_PORT + i for i in range(args.replicas))
    layout = Layout(args.host, args.port, WRITER_PORT, replicas)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop children on `kill` too, via the context managers
    try:
        with deployment(db, layout, run_dir, args.secrets and Path(args.secrets)):
            print(f"{args.replicas} replicas on 127.0.0.1:{replicas[0]}–{replicas[-1]}, writer on :{WRITER_PORT}")
            print(f"serving http://{args.host}:{args.port}/ (uploads: /{WRITER_PATH}/upload); logs in {run_dir}")
            while True:
                signal.pause()
    except KeyboardInterrupt:
        pass
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
