"""City figures come from their counties: counts and money sum, rates divide the sums."""

import pytest


def values(store, region, period):
    frame = store.query("values_by_region", regions=[region], periods=[period])
    return frame.set_index("indicator")["value"]


def county_values(store, city, period):
    counties = store.query("child_regions", parent=city)["adcode"].tolist()
    frame = store.query("values_by_region", regions=counties, periods=[period])
    return frame.pivot(index="region", columns="indicator", values="value")


@pytest.mark.parametrize("city", ["510800", "510900", "321000"])
def test_a_city_rate_is_the_ratio_of_its_county_sums_not_the_mean_of_county_rates(store, city):
    city_values = values(store, city, "2026Q3")
    counties = county_values(store, city, "2026Q3")
    ratio_of_sums = 100 * counties.unions_established.sum() / counties.enterprises_eligible.sum()
    mean_of_rates = counties.org_rate.mean()
    assert city_values["org_rate"] == pytest.approx(ratio_of_sums)
    assert abs(ratio_of_sums - mean_of_rates) > 0.01  # the two differ here, so the test can tell them apart
    assert city_values["membership_rate"] == pytest.approx(100 * counties.members.sum() / counties.workers.sum())


@pytest.mark.parametrize("indicator", ["outdoor_stations", "childcare_subsidy", "funds_government", "workers"])
def test_a_city_count_or_amount_is_the_sum_of_its_counties(store, indicator):
    counties = county_values(store, "510800", "2025Q2")
    assert values(store, "510800", "2025Q2")[indicator] == pytest.approx(counties[indicator].sum())


def test_a_difference_indicator_subtracts_the_sums(store):
    city = values(store, "510800", "2023Q2")
    assert city["problems_open"] == city["problems_identified"] - city["problems_rectified"] == 15


def test_a_city_reported_on_its_own_keeps_its_own_figure(store):
    # Xuchang has no county figures in the demo: its own rows are its values.
    assert values(store, "411000", "2026Q3")["workers"] > 0
    assert store.query("child_regions", parent="411000").shape[0] == 6
