"""The gap table, county contributions and radar scores, checked against the stored figures by hand."""

import math

import numpy as np
import pytest

from unionbench import gaps, views

HOME, SET, PERIOD = "510800", "suineilu", "2026Q3"
SUINEILU = ["510900", "511000", "510500"]


def wide(store, regions, period=PERIOD, column="value"):
    frame = store.query("values_by_region", regions=regions, periods=[period])
    return frame.pivot(index="region", columns="indicator", values=column)


@pytest.fixture(scope="module")
def table(store):
    return gaps.gap_table(store, HOME, SET, PERIOD, "zh").set_index("indicator")


def test_the_headline_rows_show_the_same_figures_as_the_overview_tiles(store, table):
    for kpi in views.overview_kpis(store, HOME, SET, PERIOD, "zh"):
        row = table.loc[kpi.indicator.id]
        assert row.home_value == kpi.value
        assert row.per_10k == kpi.per_10k
        assert row.home_compared == pytest.approx(kpi.home_compared)
        assert row.benchmark_compared == pytest.approx(kpi.benchmark)
        assert row.gap_abs == pytest.approx(kpi.gap.absolute)
        assert row.gap_rel == pytest.approx(kpi.gap.relative)
        assert row.status == kpi.gap.status


def test_rows_follow_the_catalogue_and_leave_neutral_context_indicators_out(store, table):
    scored = [i for i, ind in views.catalogue(store, "zh").items() if ind.direction != "neutral"]
    assert table.index.tolist() == scored
    assert not {"workers", "enterprises_eligible", "problems_identified"} & set(table.index)
    assert list(gaps.gap_table(store, HOME, SET, PERIOD, "en").columns) == gaps.COLUMNS


def test_fewer_problems_still_open_than_the_benchmark_is_ahead_with_a_negative_gap(store, table):
    members, home = wide(store, SUINEILU), wide(store, [HOME]).iloc[0]
    row = table.loc["problems_open"]
    assert row.direction == "lower" and row.compared_unit == "项"
    assert row.benchmark_compared == pytest.approx(members.problems_open.mean())  # a plain count: the members' mean
    assert row.gap_abs == pytest.approx(home.problems_open - members.problems_open.mean())
    assert row.gap_abs < 0 and row.status == "ahead"  # fewer open problems than the benchmark is better
    assert row.needed_per_quarter == 0


def test_more_problems_still_open_than_the_top_performers_is_behind_and_must_fall(store):
    row = gaps.gap_table(store, HOME, SET, PERIOD, "zh", reference="p90").set_index("indicator").loc["problems_open"]
    assert row.gap_abs > 0 and row.status == "behind"
    assert row.needed_per_quarter == pytest.approx(-row.gap_abs)  # one quarter left: close that many


def test_a_rate_gap_is_in_points_against_the_pooled_rate_and_has_no_per_10k_gap(store, table):
    members, home = wide(store, SUINEILU), wide(store, [HOME]).iloc[0]
    pooled = 100 * members.unions_established.sum() / members.enterprises_eligible.sum()
    row = table.loc["org_rate"]
    assert row.is_rate and not row.per_10k
    assert row.gap_abs == pytest.approx(home.org_rate - pooled)
    assert row.gap_rel == pytest.approx((home.org_rate - pooled) / pooled)
    assert math.isnan(row.gap_per_10k)


def test_a_per_10k_gap_is_also_given_as_the_gap_per_10k(table):
    row = table.loc["outdoor_stations"]
    assert row.per_10k and row.gap_per_10k == row.gap_abs and row.compared_unit == "个/万名职工"


def test_the_p90_reference_is_the_90th_percentile_of_every_city_in_the_province_home_included(store):
    cities = store.query("child_regions", parent="510000")["adcode"].tolist()
    per_10k = wide(store, cities, column="per_10k")
    values = wide(store, cities)
    assert len(cities) == 21 and HOME in cities
    table = gaps.gap_table(store, HOME, SET, PERIOD, "zh", reference="p90").set_index("indicator")
    assert table.at["outdoor_stations", "benchmark_compared"] == pytest.approx(
        np.quantile(per_10k.outdoor_stations.dropna(), 0.9)
    )
    # lower is better: the level the best tenth reach is the 10th percentile
    assert table.at["problems_open", "benchmark_compared"] == pytest.approx(
        np.quantile(values.problems_open.dropna(), 0.1)
    )


def test_the_p90_reference_of_a_county_reads_every_county_of_the_province(store):
    counties = [c for city in ("510800", *SUINEILU) for c in store.query("child_regions", parent=city)["adcode"]]
    rates = wide(store, counties)
    table = gaps.gap_table(store, "510824", SET, PERIOD, "zh", reference="p90").set_index("indicator")
    assert table.at["org_rate", "benchmark_compared"] == pytest.approx(np.quantile(rates.org_rate.dropna(), 0.9))
    assert table.at["org_rate", "home_value"] == pytest.approx(rates.at["510824", "org_rate"])


def test_a_member_reference_is_that_members_own_figure_and_best_is_the_best_member(store):
    per_10k = wide(store, SUINEILU, column="per_10k")
    suining = gaps.gap_table(store, HOME, SET, PERIOD, "zh", reference="510900").set_index("indicator")
    assert suining.at["outdoor_stations", "benchmark_compared"] == pytest.approx(
        per_10k.at["510900", "outdoor_stations"]
    )
    best = gaps.gap_table(store, HOME, SET, PERIOD, "zh", reference="best").set_index("indicator")
    assert best.at["outdoor_stations", "benchmark_compared"] == pytest.approx(per_10k.outdoor_stations.max())
    assert best.at["problems_open", "benchmark_compared"] == wide(store, SUINEILU).problems_open.min()


def test_a_reference_that_is_not_a_member_of_the_set_is_refused(store):
    with pytest.raises(gaps.UnknownReference):
        gaps.gap_table(store, HOME, SET, PERIOD, "zh", reference="321000")


def test_catch_up_is_zero_when_ahead_and_missing_with_a_reason_when_it_never_closes(table):
    ahead = table[table.catch_up_reason == "ahead"]
    never = table[table.catch_up_reason.isin(["widening", "too_slow", "not_enough_data"])]
    assert (ahead.catch_up == 0).all() and never.catch_up.isna().all()
    assert set(table.trend) <= {"improving", "stagnating", "worsening", "unknown"}


def test_in_the_last_quarter_of_a_year_nothing_can_be_done_per_quarter_any_more(store):
    table = gaps.gap_table(store, HOME, SET, "2025Q4", "zh")
    behind = table[(table.status != "ahead") & (table.stock_flow == "stock")]
    assert len(behind) and behind.needed_per_quarter.isna().all()


def test_strengths_lead_and_weaknesses_trail_with_rates_in_points(store):
    table = gaps.gap_table(store, HOME, SET, PERIOD, "zh")
    strengths, weaknesses = gaps.strengths_weaknesses(table, n=3)
    assert (strengths.lead > 0).all() and (weaknesses.lead < 0).all() and len(weaknesses) == 3
    assert weaknesses.lead.is_monotonic_increasing  # worst first
    rate = table.set_index("indicator").loc["org_rate"]
    all_weak = gaps.strengths_weaknesses(table, n=99)[1].set_index("indicator")
    assert all_weak.at["org_rate", "lead"] == pytest.approx(rate.gap_abs)  # points, not %
    all_strong = gaps.strengths_weaknesses(table, n=99)[0].set_index("indicator")
    open_ = table.set_index("indicator").loc["problems_open"]
    assert open_.gap_rel < 0 and all_strong.at["problems_open", "lead"] == pytest.approx(-100 * open_.gap_rel)


@pytest.mark.parametrize(
    "indicator", ["org_rate", "outdoor_stations", "funds_government", "fulltime_chairs", "problems_open"]
)
def test_county_contributions_add_up_to_the_city_gap(store, table, indicator):
    parts = gaps.county_gap_contributions(store, HOME, SET, PERIOD, indicator)
    assert len(parts) == 7 and parts.region_name.str.len().min() >= 2
    assert parts.contribution.sum() == pytest.approx(table.at[indicator, "gap_abs"])


def test_the_county_pulling_the_rate_down_most_comes_first_with_the_unions_it_lacks(store, table):
    parts = gaps.county_gap_contributions(store, HOME, SET, PERIOD, "org_rate")
    level = table.at["org_rate", "benchmark_compared"]
    first = parts.iloc[0]
    assert first.contribution == parts.contribution.min()
    assert first.figure == pytest.approx(100 * first.value / first.base)
    assert first.level_gap == pytest.approx(first.value - level / 100 * first.base)


def test_radar_scores_cover_home_and_members_and_put_the_best_of_each_indicator_at_100(store):
    scores = gaps.profile_scores(store, HOME, SET, PERIOD)
    assert scores.region.unique().tolist()[0] == HOME and set(scores.region) == {HOME, *SUINEILU}
    assert scores.loc[scores.is_home, "region"].unique().tolist() == [HOME]
    stations = scores[scores.indicator == "outdoor_stations"].set_index("region")
    assert stations.score.max() == 100 and stations.score.idxmax() == stations.compared.idxmax()
    open_ = scores[scores.indicator == "problems_open"].set_index("region")
    assert open_.score.idxmax() == open_.compared.idxmin()  # fewest open problems scores best


def test_a_county_is_not_compared_with_whole_cities_on_a_raw_count_but_is_on_rates_and_per_10k(store):
    table = gaps.gap_table(store, "510824", SET, PERIOD, "zh").set_index("indicator")
    unions = table.loc["unions_established"]
    assert not unions.comparable and unions.status == "unknown" and math.isnan(unions.benchmark_compared)
    assert table.at["org_rate", "comparable"] and table.at["org_rate", "status"] != "unknown"
    assert table.at["outdoor_stations", "comparable"] and table.at["outdoor_stations", "status"] != "unknown"
    among_counties = gaps.gap_table(store, "510824", SET, PERIOD, "zh", reference="p90").set_index("indicator")
    assert among_counties["comparable"].all()  # the province's counties are of its own level
    scores = gaps.profile_scores(store, "510824", SET, PERIOD)
    assert "unions_established" not in set(scores.indicator) and "org_rate" in set(scores.indicator)


def test_a_benchmark_set_is_found_by_its_id_or_either_name(store):
    assert [gaps.find_benchmark_set(store, s) for s in ("suineilu", "遂内泸", "yangzhou", "Best in Sichuan")] == [
        "suineilu",
        "suineilu",
        "yangzhou",
        "sichuan_best",
    ]
    assert gaps.find_benchmark_set(store, "火星") is None
