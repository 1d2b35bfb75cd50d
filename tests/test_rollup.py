"""City figures come from their counties: counts and money sum, rates divide the sums."""

import pandas as pd
import pytest

from unionbench.commit import UploadEntry, commit_observations
from unionbench.initdb import load_reference_data


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


GUANGYUAN = ["510802", "510811", "510812", "510821", "510822", "510823", "510824"]


@pytest.fixture
def reference_store(fresh_store):
    fresh_store.apply_schema()
    load_reference_data(fresh_store)
    return fresh_store


def put(store, rows, name):
    frame = pd.DataFrame(rows, columns=["region", "indicator", "period", "value"])
    return commit_observations(store, frame, UploadEntry(file_name=name, sha256=name, user_name="test", layout="long"))


def city_value(store, indicator, region="510800"):
    frame = store.query("values_by_region", regions=[region], periods=["2025Q3"])
    found = frame.loc[frame.indicator == indicator, "value"]
    return float(found.iloc[0]) if len(found) else None


def test_a_city_has_no_rolled_up_figure_until_every_county_has_reported(reference_store):
    put(reference_store, [(c, "trainings", "2025Q3", 2) for c in GUANGYUAN[:6]], "six")
    assert city_value(reference_store, "trainings") is None  # 6 of 7: a partial sum would understate the city
    put(reference_store, [(GUANGYUAN[6], "trainings", "2025Q3", 2)], "seventh")
    assert city_value(reference_store, "trainings") == 14


def test_a_city_rate_needs_both_parts_from_every_county(reference_store):
    put(reference_store, [(c, "unions_established", "2025Q3", 80) for c in GUANGYUAN], "unions")
    put(reference_store, [(c, "enterprises_eligible", "2025Q3", 100) for c in GUANGYUAN[:6]], "eligible")
    assert city_value(reference_store, "org_rate") is None  # never 560/600 = 93 % from mismatched sums
    put(reference_store, [(GUANGYUAN[6], "enterprises_eligible", "2025Q3", 100)], "last")
    assert city_value(reference_store, "org_rate") == pytest.approx(80.0)


def test_a_citys_own_report_wins_over_its_counties_sum(reference_store):
    put(reference_store, [(c, "trainings", "2025Q3", 2) for c in GUANGYUAN], "counties")
    put(reference_store, [("510800", "trainings", "2025Q3", 20)], "city")
    assert city_value(reference_store, "trainings") == 20


def test_a_reported_rate_counts_only_where_its_parts_are_missing(reference_store):
    put(reference_store, [("510824", "org_rate", "2025Q3", 85.0)], "rate only")
    assert city_value(reference_store, "org_rate", "510824") == 85.0
    put(
        reference_store,
        [("510824", "unions_established", "2025Q3", 40), ("510824", "enterprises_eligible", "2025Q3", 50)],
        "parts",
    )
    assert city_value(reference_store, "org_rate", "510824") == 80.0
