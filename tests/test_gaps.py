"""County contributions and radar scores beside the comparison rows, checked against the stored figures by hand."""

import pytest

from unionbench.read import comparison, drilldown
from unionbench.read.selection import Selection

HOME, SET, PERIOD = "510800", "suineilu", "2026Q3"
SUINEILU = ["510900", "511000", "510500"]


@pytest.fixture(scope="module")
def table(store):
    return comparison.comparison(store, Selection(HOME, SET, PERIOD)).set_index("indicator")


@pytest.mark.parametrize(
    "indicator", ["org_rate", "outdoor_stations", "funds_government", "problems_open", "mutual_aid_participants"]
)
def test_county_contributions_add_up_to_the_city_difference_from_the_same_reference(store, table, indicator):
    parts = drilldown.county_contributions(store, Selection(HOME, SET, PERIOD), indicator)
    assert len(parts) == 7 and parts.region_name.str.len().min() >= 2
    assert parts.contribution.sum() == pytest.approx(table.at[indicator, "difference"])


def test_the_county_pulling_the_rate_down_most_comes_first_with_the_unions_it_lacks(store, table):
    parts = drilldown.county_contributions(store, Selection(HOME, SET, PERIOD), "org_rate")
    level = table.at["org_rate", "benchmark_value"]
    first = parts.iloc[0]
    assert first.contribution == parts.contribution.min()
    assert first.figure == pytest.approx(100 * first.value / first.base)
    assert first.level_gap == pytest.approx(first.value - level / 100 * first.base)


def test_radar_scores_cover_home_and_members_and_put_the_best_of_each_indicator_at_100(store):
    scores = drilldown.profile_scores(store, Selection(HOME, SET, PERIOD))
    assert scores.region.unique().tolist()[0] == HOME and set(scores.region) == {HOME, *SUINEILU}
    assert scores.loc[scores.is_home, "region"].unique().tolist() == [HOME]
    stations = scores[scores.indicator == "outdoor_stations"].set_index("region")
    assert stations.score.max() == 100 and stations.score.idxmax() == stations.compared.idxmax()
    open_ = scores[scores.indicator == "problems_open"].set_index("region")
    assert open_.score.idxmax() == open_.compared.idxmin()  # fewest open problems scores best


def test_radar_scores_leave_out_totals_that_grow_with_size(store):
    scores = drilldown.profile_scores(store, Selection(HOME, SET, PERIOD))
    assert not {"unions_established", "fulltime_chairs", "problems_rectified"} & set(scores.indicator)
    assert {"org_rate", "outdoor_stations", "problems_open"} <= set(scores.indicator)


def test_a_benchmark_set_is_found_by_its_id_or_either_name(store):
    assert [drilldown.find_benchmark_set(store, s) for s in ("suineilu", "遂内泸", "yangzhou", "Best in Sichuan")] == [
        "suineilu",
        "suineilu",
        "yangzhou",
        "sichuan_best",
    ]
    assert drilldown.find_benchmark_set(store, "火星") is None
