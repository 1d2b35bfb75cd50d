"""Running the dashboard and building the national-scale test database: `unionbench serve` and `unionbench scale`."""

import os
import sys
from pathlib import Path


def add_commands(commands) -> None:
    scale = commands.add_parser("scale", help="build a synthetic national-scale database (about 2.2M figures)")
    scale.add_argument("--out", help="the database to build (default: --db)")
    serve = commands.add_parser("serve", help="serve the dashboard (streamlit) from wherever unionbench is installed")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine)")
    serve.add_argument("--port", type=int, default=8501, help="port (default 8501)")
    serve.add_argument(
        "streamlit_options", nargs="*", help="more streamlit options after --, e.g. -- --server.baseUrlPath ub"
    )


def cmd_scale(db: Path, args) -> int:
    from unionbench.scale import cmd_scale as build

    return build(db, args)


def cmd_serve(db: Path, args) -> int:
    """Replace this process with `streamlit run` on the installed dashboard.py, reading the database given here.
    The app's own .streamlit/config.toml lies beside dashboard.py, so Streamlit applies it from any working
    directory; accounts are read from .streamlit/secrets.toml in the working directory (or ~/.streamlit)."""
    from unionbench.paths import DB_ENV, app_dir

    dashboard = app_dir() / "dashboard.py"
    command = [sys.executable, "-m", "streamlit", "run", str(dashboard), "--server.address", args.host]
    command += ["--server.port", str(args.port), *args.streamlit_options]
    sys.stdout.flush()
    os.execve(sys.executable, command, {**os.environ, DB_ENV: str(db)})
    return 0  # not reached


COMMANDS = {"scale": cmd_scale, "serve": cmd_serve}
NEEDS_DATABASE = {"serve"}
