"""Small helpers the bench scripts share: a demo database in a folder, and one timed call."""

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
