"""Shared fixtures: a demo database built in code once per session, opened read-only by the tests."""

import pytest

from unionbench.initdb import initialise
from unionbench.store import Store


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory):
    """A fresh database with the schema, all regions, the catalogue and the seeded demo dataset."""
    path = tmp_path_factory.mktemp("db") / "demo.duckdb"
    writer = Store(path)
    initialise(writer, demo=True)
    writer.close()  # release the write lock so read-only users (and a server process) can open it
    return path


@pytest.fixture(scope="session")
def store(demo_db_path):
    reader = Store(demo_db_path, read_only=True)
    yield reader
    reader.close()


@pytest.fixture
def fresh_store(tmp_path):
    """An empty, writable database for tests that change things."""
    writer = Store(tmp_path / "fresh.duckdb")
    yield writer
    writer.close()
