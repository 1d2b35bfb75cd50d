"""The page cache warmed for a new snapshot: the default views a visitor opens first are computed before anyone
asks, under the snapshot's own version."""

import pytest

from components import warm
from components.context import cache_version
from unionbench.paths import resolve_db_path
from unionbench.store import Replica, Store

DEFAULT_VIEW_PAGES = ("overview", "map", "rankings", "gaps", "targets")


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


@pytest.mark.parametrize("name", DEFAULT_VIEW_PAGES)
def test_a_page_opened_on_its_default_view_after_the_warm_up_reads_no_figure_again(app_page, name, queries):
    reader = Replica(resolve_db_path(None))
    warm.warm(reader.current(), cache_version(resolve_db_path(None), reader.version))
    queries.clear()
    at = app_page(name)
    assert not at.exception
    figures = {"compared_figures", "values_by_region", "targets", "observations"}
    assert figures.isdisjoint(queries), " ".join(queries)
    reader.close()


def test_a_version_is_warmed_once_in_the_background(store, monkeypatch):
    warmed = []
    monkeypatch.setattr(warm, "warm", lambda store, version: warmed.append(version))
    threads = [warm.warm_in_background(store, "test#v-once") for _ in range(3)]
    assert threads[0] is not None and threads[1:] == [None, None]
    threads[0].join()
    assert warmed == ["test#v-once"]
