"""Peer sets, rankings, profiles, trend series and the explorer table, against the demo store."""

import math

import pytest

from unionbench import explorer, peers, series, views

GUANGYUAN = "510800"


@pytest.fixture(scope="module")
def catalogue(store):
    return views.catalogue(store, "zh")


def test_peer_scopes_hold_the_counties_the_province_and_the_benchmark_cities(store):
    assert len(peers.peer_regions(store, "counties", GUANGYUAN, "suineilu")) == 7
    assert len(peers.peer_regions(store, "province_cities", GUANGYUAN, "suineilu")) == 21
    cities = peers.peer_regions(store, "benchmark_cities", GUANGYUAN, "suineilu")
    assert cities[0] == GUANGYUAN and set(cities) == {GUANGYUAN, "510900", "511000", "510500"}
    with pytest.raises(ValueError, match="unknown peer scope"):
        peers.peer_regions(store, "galaxy", GUANGYUAN, "suineilu")


def test_a_ranking_puts_the_best_first_and_its_moves_match_the_earlier_ranks(store, catalogue):
    regions = peers.peer_regions(store, "province_cities", GUANGYUAN, "suineilu")
    ranking = peers.indicator_ranking(store, regions, catalogue["org_rate"], "2026Q3", per_10k=False)
    assert ranking["value"].is_monotonic_decreasing
    assert ranking.loc[0, "rank"] == 1
    moved = ranking.dropna(subset=["rank_quarter_ago"])
    assert (moved.move_quarter == moved.rank_quarter_ago - moved["rank"]).all()


def test_a_lower_is_better_ranking_puts_the_smallest_first(store, catalogue):
    regions = peers.peer_regions(store, "counties", GUANGYUAN, "suineilu")
    ranking = peers.indicator_ranking(store, regions, catalogue["problems_open"], "2026Q3", per_10k=False)
    assert ranking["value"].dropna().is_monotonic_increasing


def test_the_composite_ranks_every_peer_on_comparable_figures(store):
    regions = peers.peer_regions(store, "counties", GUANGYUAN, "suineilu")
    composite = peers.composite_ranking(store, regions, "2026Q3", "zh")
    assert sorted(composite["rank"]) == list(range(1, 8))
    assert composite["composite"].is_monotonic_decreasing
    assert (composite.coverage == 18).all()  # the 18 non-neutral indicators


def test_a_county_profile_agrees_with_the_ranking_and_the_stored_value(store, catalogue):
    counties = peers.peer_regions(store, "counties", GUANGYUAN, "suineilu")
    profile = peers.region_profile(store, "510822", counties, "suineilu", "2026Q3", "zh").set_index("indicator")
    ranking = peers.indicator_ranking(store, counties, catalogue["outdoor_stations"], "2026Q3", per_10k=True)
    assert profile.at["outdoor_stations", "rank"] == ranking.set_index("region").at["510822", "rank"]
    stored = store.query("values_by_region", regions=["510822"], periods=["2026Q3"]).set_index("indicator")
    assert profile.at["outdoor_stations", "value"] == stored.at["outdoor_stations", "value"]
    assert len(profile.at["outdoor_stations", "history"]) == 8


def test_series_ends_at_the_chosen_quarter_and_changes_lead_with_qoq_for_stocks_and_yoy_for_flows(store, catalogue):
    frame = series.series(store, [GUANGYUAN], catalogue["outdoor_stations"], "2026Q3", 12, per_10k=False)
    assert list(frame.period)[-1] == "2026Q3" and len(frame) == 12
    changes = series.changes(
        store, [GUANGYUAN], [catalogue["outdoor_stations"], catalogue["funds_government"]], "2026Q3"
    ).set_index("indicator")
    assert changes.at["outdoor_stations", "leading"] == "qoq" and changes.at["funds_government", "leading"] == "yoy"
    assert math.isnan(changes.at["outdoor_stations", "year_to_date"])
    assert changes.at["funds_government", "year_to_date"] > changes.at["funds_government", "value"]


def test_the_explorer_names_the_upload_of_stored_figures_and_none_for_computed_ones(store, catalogue):
    frame = explorer.explorer_table(
        store, [GUANGYUAN, "510822"], [catalogue["outdoor_stations"], catalogue["org_rate"]], "2026Q2", "2026Q3", True
    )
    assert len(frame) == 2 * 2 * 2
    stations = frame[(frame.region == "510822") & (frame.indicator == "outdoor_stations")]
    assert stations.upload_id.notna().all() and set(stations.user_name) == {"demo"}  # a county's count is stored
    assert frame[frame.indicator == "org_rate"].upload_id.isna().all()  # rates derive from their parts
    assert frame[frame.region == GUANGYUAN].upload_id.isna().all()  # the city rolls up from its counties
