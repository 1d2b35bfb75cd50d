"""The one module that owns DuckDB: connections, the schema, named queries, transactions, and publishing.

DuckDB lets one process write a file, and while any process has it open nobody else may write it. A wall screen
that runs all day must not block the quarterly upload, so writers and readers never share a file:

- Writers (the CLI, the upload page) take a file lock, open the primary database, commit, and publish a copy of it
  as a read-only snapshot (`<db>.snapshots/v<N>.duckdb`, N = the data version, then an atomic pointer `CURRENT`).
- Readers (dashboard processes, exports) open the newest snapshot read-only and move to a newer one when the
  pointer changes. One attachment per snapshot and process; every query runs on its own cursor, because
  Streamlit runs each browser session in its own thread and a connection refuses concurrent use.

Each process has one in-memory DuckDB instance and ATTACHes every database file it opens: starting an instance
costs ~25 ms of CPU, attaching a file ~3 ms, and a reader moves to each new snapshot, a command opens the primary,
every writer opens it again. File locks are DuckDB's own and per file, as with a connection of its own.

Crash safety: a writer killed between its commit and the publish leaves the primary ahead of
the snapshot. Every writer therefore publishes first thing after opening, and leaves a `PENDING` mark beside the
snapshots while it holds the lock; a reader that finds the mark with the lock free (its writer died) or finds no
snapshot at all publishes the primary itself. Only a snapshot that has the schema and reference data is ever
published, so no reader meets a half-made database.
"""

import fcntl
import itertools
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from unionbench.paths import QUERIES_DIR

WRITE_TIMEOUT_ENV = "UNIONBENCH_WRITE_TIMEOUT"
SNAPSHOTS_KEPT = 3


@cache
def load_query(name: str) -> str:
    """The text of queries/<name>.sql; names are file stems, never user input."""
    path = QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no query named {name!r} in {QUERIES_DIR}")
    return path.read_text(encoding="utf-8")


def query_names() -> list[str]:
    """Every named read query (queries/*.sql; writes live in queries/write/, the schema in queries/migrations/)."""
    return sorted(p.stem for p in QUERIES_DIR.glob("*.sql"))


def migrations() -> list[tuple[int, str]]:
    """The schema's migrations in order: (number, query name) for queries/migrations/NNNN_what.sql."""
    found = ((int(p.stem.split("_")[0]), f"migrations/{p.stem}") for p in (QUERIES_DIR / "migrations").glob("*.sql"))
    return sorted(found)


class SchemaTooNew(RuntimeError):
    """The database was made or upgraded by a newer release than this one: writing to it could undo that release's
    changes, so nothing touches it."""

    def __init__(self, primary: Path, found: int, known: int):
        super().__init__(
            f"数据库由更新版本的 unionbench 建立（结构版本 {found}，本版本只认识到 {known}），请升级 unionbench / "
            f"the database at {primary} has schema version {found}, newer than this unionbench knows ({known}): "
            "upgrade unionbench"
        )


@dataclass
class _Attachment:
    alias: str
    read_only: bool
    stores: int  # the stores open on it: detached when the last one closes


class _Files:
    """The process's DuckDB instance and the database files attached to it: one attachment per file, shared by the
    stores that open it in the same mode (as connections to one file shared an instance) and detached when the last
    one closes."""

    def __init__(self):
        self._lock = threading.Lock()
        self._instance: duckdb.DuckDBPyConnection | None = None
        self._attached: dict[Path, _Attachment] = {}  # by resolved path
        self._aliases = itertools.count(1)

    def attach(self, path: Path, read_only: bool) -> tuple[duckdb.DuckDBPyConnection, str]:
        key = path.resolve()
        with self._lock:
            if self._instance is None:
                # A spill folder of its own per process: an in-memory instance would spill into the working folder.
                spill = Path(tempfile.gettempdir()) / f"unionbench-duckdb-{os.getpid()}"
                self._instance = duckdb.connect(config={"temp_directory": str(spill)})
            found = self._attached.get(key)
            if found is not None and found.read_only == read_only:
                found.stores += 1
                return self._instance, found.alias
            alias = f"db{next(self._aliases)}"
            self._instance.execute(naming(ATTACH_READ_ONLY if read_only else ATTACH, alias), {"path": str(key)})
            self._attached[key] = _Attachment(alias, read_only, 1)
            return self._instance, alias

    def detach(self, path: Path, alias: str) -> None:
        key = path.resolve()
        with self._lock:
            found = self._attached.get(key)
            if found is None or found.alias != alias:
                return
            found.stores -= 1
            if found.stores == 0:
                del self._attached[key]
                self._instance.execute(naming(DETACH, alias))


# Statements on one attachment. The file's path is a bound value; the alias is an identifier, which SQL cannot bind,
# and it is always one this module made (db<N>), never text from outside.
ATTACH = "ATTACH $path AS {alias}"
ATTACH_READ_ONLY = "ATTACH $path AS {alias} (READ_ONLY)"
DETACH = "DETACH {alias}"
USE = "USE {alias}"
CHECKPOINT = "FORCE CHECKPOINT {alias}"


def naming(statement: str, alias: str) -> str:
    if not (alias.startswith("db") and alias[2:].isdigit()):
        raise ValueError(f"not an attachment of this process: {alias!r}")
    return statement.replace("{alias}", alias)


_files = _Files()


class Store:
    """A DuckDB database file with the project's schema."""

    def __init__(self, path: Path, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._instance, self._alias = _files.attach(self.path, read_only)
        self._open = True
        self._memo: dict = {}

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own on this database (close it, or use it in a `with` block)."""
        if not self._open:
            raise duckdb.ConnectionException("Connection already closed!")
        cur = self._instance.cursor()
        cur.execute(naming(USE, self._alias))
        return cur

    def memo(self, key: tuple, compute):
        """compute() once per key on a read-only store (a published snapshot never changes), on every call on a
        writable one. For small reference answers (the catalogue, benchmark members) that every page run asked
        DuckDB for again (it showed in profiles); the answer is shared, so callers must not change it."""
        if not self.read_only:
            return compute()
        if key not in self._memo:
            self._memo.setdefault(key, compute())  # two threads may both compute; the first answer stays
        return self._memo[key]

    def query(self, name: str, **params) -> pd.DataFrame:
        """Run queries/<name>.sql with bound $parameters and return the rows."""
        with self.cursor() as cur:
            return cur.execute(load_query(name), params).df()

    def scalar(self, name: str, **params):
        """The single value a named query returns (None when it returns no row)."""
        row = self.row(name, **params)
        return None if row is None else row[0]

    def row(self, name: str, **params) -> tuple | None:
        """The first row a named query returns, as a tuple (None when it returns no row)."""
        with self.cursor() as cur:
            return cur.execute(load_query(name), params).fetchone()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor inside one transaction: everything in the block lands, or nothing does."""
        with self.cursor() as cur:
            cur.begin()
            try:
                yield cur
            except BaseException:
                cur.rollback()
                raise
            cur.commit()

    def schema_version(self) -> int:
        """The last migration applied (0 for an empty database)."""
        try:
            return int(self.scalar("schema_version") or 0)
        except duckdb.CatalogException:  # no meta table yet
            return 0

    def apply_schema(self) -> None:
        """Bring the schema up to date: every migration above the recorded version, in order, each in its own
        transaction with the version it reaches, so an interrupted upgrade resumes where it stopped. A migration
        only adds (tables, columns, defaults for rows that lack them), never overwrites what the federation set."""
        steps = migrations()
        recorded, latest = self.schema_version(), steps[-1][0]
        if recorded > latest:
            raise SchemaTooNew(self.path, recorded, latest)
        for number, name in steps:
            if number > recorded:
                with self.transaction() as cur:
                    cur.execute(load_query(name))
                    cur.execute(load_query("write/record_schema_version"), {"version": str(number)})
                    if recorded and number == latest:  # readers' snapshot has the old schema: publish a new one
                        bump_data_version(cur, figures=False)

    def data_version(self) -> int:
        """A number that grows with every commit or revert (0 for a database without data)."""
        return int(self.scalar("data_version") or 0)

    def checkpoint(self) -> None:
        with self.cursor() as cur:
            cur.execute(naming(CHECKPOINT, self._alias))

    def close(self) -> None:
        if self._open:
            self._open = False
            _files.detach(self.path, self._alias)


def bump_data_version(cur: duckdb.DuckDBPyConnection, figures: bool = True) -> None:
    """Inside a writing transaction: mark the data as changed, so readers move to a new snapshot, and materialise
    the figures and roll-ups pages read (tables `current_figures` and `figures`) in the same transaction.
    `figures=False` for a change no figure depends on (targets): the materialised ones stay as they are."""
    cur.execute(load_query("write/bump_data_version"))
    if figures:
        refresh_figures(cur)
    else:
        cur.execute(load_query("write/mark_figures_current"))


def refresh_figures(cur: duckdb.DuckDBPyConnection) -> None:
    """Recompute the materialised figures from the views (about 3 s for the national dataset, ms for the demo)."""
    cur.execute(load_query("write/refresh_figures"))


# --- writing -------------------------------------------------------------------------------------------------


class WriterBusy(RuntimeError):
    """Another writer kept the database longer than we were willing to wait."""


class NotInitialised(RuntimeError):
    """There is no published snapshot with the schema and reference data: `unionbench init` never finished."""

    def __init__(self, primary: Path):
        super().__init__(f"the database at {primary} is not initialised (or its initialisation was interrupted)")
        self.primary = primary


def snapshot_dir(primary: Path) -> Path:
    return primary.parent / f"{primary.stem}.snapshots"


def pointer_file(primary: Path) -> Path:
    return snapshot_dir(primary) / "CURRENT"


def pending_file(primary: Path) -> Path:
    """Present while a writer holds the lock; left behind when one dies, so readers know to catch up."""
    return snapshot_dir(primary) / "PENDING"


def publishable_version(store: Store) -> int | None:
    """The data version readers may see from this database, or None while it may not be published: it lacks the
    schema (the meta row written with it) or a committed version (init's reference data). A killed `init` leaves
    neither, or only the first. One query: every writer asks it twice, and every reader moving to a snapshot once."""
    try:
        schema, version = store.row("publish_state")
    except duckdb.CatalogException:  # killed before the schema's transaction committed: no meta table
        return None
    return int(version) if schema is not None and version else None


def publishable(store: Store) -> bool:
    """Whether readers may see this database (see publishable_version)."""
    return publishable_version(store) is not None


@contextmanager
def writer_lock(primary: Path, timeout: float | None = None) -> Iterator[None]:
    """An exclusive lock on the primary database shared by every writing process (released if one dies)."""
    if timeout is None:
        timeout = float(os.environ.get(WRITE_TIMEOUT_ENV, "60"))
    primary.parent.mkdir(parents=True, exist_ok=True)
    with open(primary.with_name(primary.name + ".lock"), "a+") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WriterBusy(f"another writer has held {primary} for over {timeout:.0f} s") from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def writer(primary: Path, timeout: float | None = None) -> Iterator[Store]:
    """The primary database opened for writing by this process alone; published for readers on the way out."""
    primary = Path(primary)
    with writer_lock(primary, timeout):
        pending = pending_file(primary)
        pending.parent.mkdir(parents=True, exist_ok=True)
        pending.touch()  # made under the lock: found with the lock free, it means this writer died
        store = Store(primary)
        try:
            store.apply_schema()
            if store.scalar("write/figures_stale"):  # from before the figures were materialised: a new version
                with store.transaction() as cur:
                    bump_data_version(cur)
            publish(store)  # before anything else: a writer killed after its commit left readers behind
            try:
                yield store
            except BaseException:
                with suppress(Exception):  # a block may have committed before it raised; its error comes first
                    publish(store)
                    pending.unlink(missing_ok=True)
                raise
            publish(store)
            pending.unlink(missing_ok=True)
        finally:
            store.close()
    reads_own_writes(primary)


def published_version(primary: Path) -> int | None:
    try:
        return int(pointer_file(primary).read_text().strip().removeprefix("v").removesuffix(".duckdb"))
    except (FileNotFoundError, ValueError):
        return None


def publish(store: Store) -> Path | None:
    """Copy the primary to a new snapshot and point readers at it, unless the newest snapshot is current already.

    Called with the writer lock held. The copy is renamed into place and the pointer replaced atomically, so a
    reader sees either the old snapshot or the new one, never half of one.
    """
    primary = store.path
    version = publishable_version(store)
    if version is None:
        return None
    if published_version(primary) == version and (snapshot_dir(primary) / f"v{version}.duckdb").is_file():
        return None
    store.checkpoint()  # the snapshot must hold everything, with no write-ahead log beside it
    folder = snapshot_dir(primary)
    folder.mkdir(exist_ok=True)
    target = folder / f"v{version}.duckdb"
    partial = folder / f".v{version}.partial"
    shutil.copyfile(primary, partial)
    os.replace(partial, target)
    pointer = folder / ".CURRENT.partial"
    pointer.write_text(target.name)
    os.replace(pointer, pointer_file(primary))
    for old in sorted(folder.glob("v*.duckdb"), key=lambda p: p.stat().st_mtime)[:-SNAPSHOTS_KEPT]:
        old.unlink(missing_ok=True)  # a reader still on it keeps reading: the file lives until it closes
    return target


def catch_up(primary: Path) -> bool:
    """A reader's repair when the last writer died before publishing (or nothing was ever published): if no
    writer holds the lock now, publish the primary. Returns whether it could look; never waits for a writer."""
    primary = Path(primary)
    if not primary.is_file():
        return False
    try:
        with writer_lock(primary, timeout=0):
            store = Store(primary)
            try:
                publish(store)
            finally:
                store.close()
            pending_file(primary).unlink(missing_ok=True)
            return True
    except (WriterBusy, OSError, duckdb.Error):  # a writer is at work (it will publish), or we may not write here
        return False


# --- reading -------------------------------------------------------------------------------------------------


class Replica:
    """Reads the newest published snapshot of a primary database, moving on when a newer one is published."""

    def __init__(self, primary: Path, check_every: float = 1.0):
        self.primary = Path(primary)
        self.check_every = check_every
        self._lock = threading.Lock()
        self._store: Store | None = None
        self._name: str | None = None
        self._checked = 0.0
        self._retired: list[tuple[float, Store]] = []
        self._on_switch: list[Callable[[Store, str], None]] = []

    def on_switch(self, callback: Callable[[Store, str], None]) -> None:
        """Call `callback(store, name)` whenever this reader moves to a snapshot, the first one included: how a
        server learns that new data was published (by the CLI or another process) and may warm its caches. Called
        with the reader's lock held, so a callback must be quick (start a thread for real work); it is called for the
        current snapshot at once when there is one."""
        with self._lock:
            self._on_switch.append(callback)
            if self._store is not None:
                self._announce([callback])

    def current(self) -> Store:
        """The store to use for one whole page run (so a run never mixes two data versions)."""
        with self._lock:
            now = time.monotonic()
            if self._store is None or now - self._checked >= self.check_every:
                self._checked = now
                self._switch_if_newer()
            return self._store

    def refresh(self) -> None:
        """Look for a newer snapshot now, e.g. right after this process published one."""
        with self._lock:
            self._checked = time.monotonic()
            self._switch_if_newer()

    @property
    def version(self) -> str:
        self.current()
        return self._name or "primary"

    def _pointer(self) -> str | None:
        try:
            return pointer_file(self.primary).read_text().strip() or None
        except FileNotFoundError:
            return None

    def _switch_if_newer(self) -> None:
        name = self._pointer()
        # Never published, or its writer died before publishing: catch up (when no writer is at work).
        if (name is None or pending_file(self.primary).exists()) and catch_up(self.primary):
            name = self._pointer()
        if self._store is not None and name == self._name:
            return
        if name is None:
            if not self.primary.is_file():
                raise FileNotFoundError(self.primary)
            raise NotInitialised(self.primary)
        try:
            fresh = Store(snapshot_dir(self.primary) / name, read_only=True)
            if not publishable(fresh):  # e.g. published by an older release from a half-made database
                fresh.close()
                raise NotInitialised(self.primary)
        except (duckdb.IOException, FileNotFoundError, NotInitialised):
            if self._store is None:
                raise
            return  # keep serving the last good snapshot; try again on the next check
        if self._store is not None:
            self._retired.append((time.monotonic(), self._store))
        self._store, self._name = fresh, name
        self._close_retired()
        self._announce(self._on_switch)

    def _announce(self, callbacks: list[Callable[[Store, str], None]]) -> None:
        for callback in callbacks:
            try:
                callback(self._store, self._name)
            except Exception:  # a warm-up that failed must never stop the pages reading the new data
                logging.getLogger(__name__).exception("on_switch callback failed for %s", self._name)

    def _close_retired(self) -> None:
        """Close old snapshots once no page run can still be using them."""
        keep = []
        for retired_at, store in self._retired:
            if time.monotonic() - retired_at > 120:
                store.close()
            else:
                keep.append((retired_at, store))
        self._retired = keep

    def close(self) -> None:
        with self._lock:
            for _, store in self._retired:
                store.close()
            if self._store is not None:
                self._store.close()
            self._store, self._retired = None, []


_replicas: dict[Path, Replica] = {}
_replicas_lock = threading.Lock()


def reads_own_writes(primary: Path) -> None:
    """This process's reader of `primary`, if it has one, moves to what the process just published: a page after
    its own upload, or a command after a write in the same process, must not wait for the reader's next look."""
    with _replicas_lock:
        found = _replicas.get(Path(primary).resolve())
    if found is not None:
        found.refresh()


def replica(primary: Path) -> Replica:
    """The process-wide reader of a primary database."""
    key = Path(primary).resolve()
    with _replicas_lock:
        if key not in _replicas:
            _replicas[key] = Replica(key)
        return _replicas[key]
