"""Small helpers the bench scripts share: a demo database in a folder, one timed call, the commit and the load."""

import os
import subprocess
import time
from pathlib import Path

from unionbench.initdb import initialise
from unionbench.store import writer


def demo_database(folder: str | Path, name: str = "demo.duckdb") -> Path:
    """A new demo database (`unionbench init --demo`) in `folder`, published for readers."""
    path = Path(folder) / name
    with writer(path) as primary:
        initialise(primary, demo=True)
    return path


def timed(function, *args):
    """`function(*args)` and the seconds it took."""
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


def commit() -> str:
    """The checkout's commit, marked "+changes" when tracked files differ from it (a bench of uncommitted code)."""
    root = Path(__file__).resolve().parent.parent
    found = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root, capture_output=True)
    return found.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")


def load() -> str:
    """The load average over 1, 5 and 15 minutes, as printed beside a figure."""
    return " ".join(f"{value:.1f}" for value in os.getloadavg())
