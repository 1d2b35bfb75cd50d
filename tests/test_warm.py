"""The page cache warmed for a new snapshot: the default views a visitor opens first are computed before anyone
asks, under the snapshot's own version."""

import pytest

from components import warm
from components.context import cache_version
from unionbench.paths import resolve_db_path
from unionbench.store import Replica, Store

DEFAULT_VIEW_PAGES = ("overview", "map", "rankings", "trends", "gaps", "targets")


@pytest.fixture
def queries(monkeypatch):
    """The named queries run from here on (a cached answer runs none)."""
    asked = []
    original = Store.query

    def recorded(store, name, **params):
        asked.append(name)
        return original(store, name, **params)

    monkeypatch.setattr(Store, "query", recorded)
    return asked


QUARTERS_BACK = 3  # the earliest quarter a test here opens
FIGURES = {"compared_figures", "values_by_region", "indicator_by_region", "targets", "observations"}


@pytest.fixture(scope="module")
def warmed(demo_db_path):
    """The demo database's page cache warmed as a served app warms it (up to the earliest quarter a test opens),
    once for the module."""
    reader = Replica(demo_db_path)
    warm.warm(reader.current(), cache_version(resolve_db_path(str(demo_db_path)), reader.version), QUARTERS_BACK)
    yield
    reader.close()


@pytest.mark.parametrize("name", DEFAULT_VIEW_PAGES)
def test_a_page_opened_on_its_default_view_after_the_warm_up_reads_no_figure_again(app_page, warmed, name, queries):
    at = app_page(name)
    assert not at.exception
    assert FIGURES.isdisjoint(queries), " ".join(queries)


@pytest.mark.parametrize("name", ("overview", "rankings", "trends"))
def test_an_earlier_quarter_of_the_default_view_is_warm_too(app_page, warmed, name, queries):
    at = app_page(name)
    queries.clear()
    at.selectbox(key="period").select_index(QUARTERS_BACK).run()
    assert not at.exception
    assert FIGURES.isdisjoint(queries), " ".join(queries)


def test_a_version_is_warmed_once_in_the_background(store, monkeypatch):
    warmed = []
    monkeypatch.setattr(warm, "warm", lambda store, version: warmed.append(version))
    threads = [warm.warm_in_background(store, "test#v-once") for _ in range(3)]
    assert threads[0] is not None and threads[1:] == [None, None]
    threads[0].join()
    assert warmed == ["test#v-once"]


def test_a_script_under_apptest_warms_nothing_in_the_background(app_page):
    """Only a served dashboard warms (tests and bench/pages.py run pages under AppTest, where nobody else asks)."""
    before = set(warm._started)
    assert not app_page("overview").exception
    assert set(warm._started) == before
