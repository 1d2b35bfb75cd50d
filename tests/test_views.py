"""The overview's numbers (the read model's headline rows), recomputed by hand from the stored figures."""

import pytest

from unionbench.read import comparison, views
from unionbench.read.selection import Selection

SUINEILU = ["510900", "511000", "510500"]


def wide(store, regions, period="2026Q3"):
    frame = store.query("values_by_region", regions=regions, periods=[period])
    return frame.pivot(index="region", columns="indicator", values="value")


@pytest.fixture(scope="module")
def kpis(store):
    rows = comparison.comparison(store, Selection("510800", "suineilu", "2026Q3"))
    return rows[rows.headline].set_index("indicator")


def test_a_per_10k_tile_compares_with_the_pooled_benchmark_cities(store, kpis):
    members, home = wide(store, SUINEILU), wide(store, ["510800"]).iloc[0]
    expected = members.outdoor_stations.sum() / members.workers.sum() * 10_000
    tile = kpis.loc["outdoor_stations"]
    assert tile.benchmark_value == pytest.approx(expected)
    assert tile.home_value == pytest.approx(home.outdoor_stations / home.workers * 10_000)
    assert tile.value == home.outdoor_stations
    assert tile.gap == pytest.approx(tile.home_value - expected)


def test_a_rate_tile_compares_with_the_ratio_of_the_benchmark_cities_sums(store, kpis):
    members = wide(store, SUINEILU)
    expected = 100 * members.unions_established.sum() / members.enterprises_eligible.sum()
    assert kpis.at["org_rate", "benchmark_value"] == pytest.approx(expected)
    assert kpis.at["org_rate", "benchmark_value"] != pytest.approx(members.org_rate.mean())


def test_a_stock_tile_changes_against_the_previous_quarter_and_a_flow_tile_against_last_year(store, kpis):
    now, before, last_year = (wide(store, ["510800"], p).iloc[0] for p in ("2026Q3", "2026Q2", "2025Q3"))
    assert kpis.at["outdoor_stations", "change"] == now.outdoor_stations - before.outdoor_stations
    assert kpis.at["funds_government", "change"] == pytest.approx(now.funds_government - last_year.funds_government)


def test_a_provincial_benchmark_leaves_the_home_city_out(store):
    rule, members = views.benchmark_members(store, "sichuan_average", "510800")
    assert rule == "province_average" and len(members) == 20 and "510800" not in members
