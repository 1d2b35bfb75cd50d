"""Shared fixtures: a demo database built in code once per session, opened read-only by the tests."""

import shutil

import pytest

from unionbench.initdb import initialise
from unionbench.store import Replica, Store, writer


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory):
    """A fresh database with the schema, all regions, the catalogue and the seeded demo dataset."""
    path = tmp_path_factory.mktemp("db") / "demo.duckdb"
    with writer(path) as primary:
        initialise(primary, demo=True)
    return path


@pytest.fixture(scope="session")
def store(demo_db_path):
    """The demo database as readers see it: its newest published snapshot."""
    reader = Replica(demo_db_path)
    yield reader.current()
    reader.close()


@pytest.fixture
def fresh_store(tmp_path):
    """An empty, writable database for tests that change things."""
    writer = Store(tmp_path / "fresh.duckdb")
    yield writer
    writer.close()


@pytest.fixture
def writable_db(demo_db_path, tmp_path):
    """A private, writable copy of the demo database, with its own published snapshot."""
    path = tmp_path / "db.duckdb"
    shutil.copyfile(demo_db_path, path)
    with writer(path):
        pass
    return path
