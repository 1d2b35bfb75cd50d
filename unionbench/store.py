"""The one module that owns DuckDB: connections, the schema, named queries and transactions.

One connection per process and database file; every query runs on its own cursor, because Streamlit runs each
browser session in its own thread and a DuckDB connection refuses concurrent use.
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from unionbench.paths import QUERIES_DIR


@cache
def load_query(name: str) -> str:
    """The text of queries/<name>.sql; names are file stems, never user input."""
    path = QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no query named {name!r} in {QUERIES_DIR}")
    return path.read_text(encoding="utf-8")


def query_names() -> list[str]:
    """Every named query (all of queries/*.sql except the schema)."""
    return sorted(p.stem for p in QUERIES_DIR.glob("*.sql") if p.stem != "schema")


class Store:
    """A DuckDB database file with the project's schema."""

    def __init__(self, path: Path, read_only: bool = False):
        self.path = Path(path)
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._con = duckdb.connect(str(self.path), read_only=read_only)

    def query(self, name: str, **params) -> pd.DataFrame:
        """Run queries/<name>.sql with bound $parameters and return the rows."""
        with self._con.cursor() as cur:
            return cur.execute(load_query(name), params).df()

    def scalar(self, name: str, **params):
        """The single value a named query returns (None when it returns no row)."""
        with self._con.cursor() as cur:
            row = cur.execute(load_query(name), params).fetchone()
        return None if row is None else row[0]

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor inside one transaction: everything in the block lands, or nothing does."""
        with self._con.cursor() as cur:
            cur.begin()
            try:
                yield cur
            except BaseException:
                cur.rollback()
                raise
            cur.commit()

    def apply_schema(self) -> None:
        with self.transaction() as cur:
            cur.execute(load_query("schema"))

    def close(self) -> None:
        self._con.close()


_open_stores: dict[tuple[Path, bool], Store] = {}
_open_lock = threading.Lock()


def open_store(path: Path, read_only: bool = False) -> Store:
    """The process-wide Store for a database file (opened once, shared by every thread)."""
    key = (Path(path).resolve(), read_only)
    with _open_lock:
        if key not in _open_stores:
            _open_stores[key] = Store(key[0], read_only=read_only)
        return _open_stores[key]


def close_all() -> None:
    with _open_lock:
        for store in _open_stores.values():
            store.close()
        _open_stores.clear()
