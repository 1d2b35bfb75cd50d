"""Annual targets: the demo targets, the targets CSV format, loading them, and progress against them."""

import pandas as pd
import pytest

from unionbench import demo
from unionbench.catalog import read_indicators
from unionbench.paths import DEMO_OBSERVATIONS_CSV, DEMO_TARGETS_CSV
from unionbench.read.selection import Selection
from unionbench.read.targets import MISSED, REACHED, progress_rows
from unionbench.store import writer
from unionbench.targets import TargetsError, load_targets, parse_targets, read_targets

GUANGYUAN = ["510800", "510802", "510811", "510812", "510821", "510822", "510823", "510824"]
INDICATOR_IDS = set(read_indicators()["id"])


def test_the_bundled_demo_targets_are_exactly_what_the_generator_makes_from_the_demo_figures():
    observations = pd.read_csv(DEMO_OBSERVATIONS_CSV, dtype=str)  # test_demo checks these are up to date
    bundled = pd.read_csv(DEMO_TARGETS_CSV, dtype=str)
    assert bundled.equals(demo.generate_targets(observations).astype(str)), "run `python -m unionbench.demo`"


def test_demo_targets_cover_the_headline_indicators_of_guangyuan_and_its_counties():
    headline = set(read_indicators().query("headline")["id"])
    assert set(demo.TARGET_KINDS) == headline


def test_the_demo_database_has_targets_for_guangyuan_and_its_seven_counties_in_2025_and_2026(store):
    for year in (2025, 2026):
        targets = store.query("targets", regions=GUANGYUAN, year=year)
        assert sorted(set(targets.region)) == GUANGYUAN
        assert set(targets.year) == {year}
        assert len(targets) == len(pd.read_csv(DEMO_TARGETS_CSV).query("year == @year"))


def test_the_targets_query_returns_only_the_regions_and_the_year_asked_for(store):
    targets = store.query("targets", regions=["510822"], year=2026)
    assert set(targets.region) == {"510822"} and targets.region_name.iloc[0] == "青川县"
    assert targets.indicator.tolist()[0] == "outdoor_stations"  # in catalogue order
    assert store.query("targets", regions=["510900"], year=2026).empty  # Suining has no targets of ours
    assert store.query("targets", regions=GUANGYUAN, year=2024).empty


def test_a_demo_target_is_last_years_figure_plus_six_percent_for_the_city(store):
    stations = store.query("values_by_region", regions=["510800"], periods=["2025Q4"]).set_index("indicator")
    target = store.query("targets", regions=["510800"], year=2026).set_index("indicator")
    assert target.at["outdoor_stations", "target"] == round(stations.at["outdoor_stations", "value"] * 1.06)
    assert target.at["org_rate", "target"] == pytest.approx(round(stations.at["org_rate", "value"] + 1.5, 1))


def test_in_2026q3_some_guangyuan_counties_are_on_track_and_some_lag(store):
    progress = progress_rows(store, Selection("510800", "suineilu", "2026Q3"))
    counties = progress[progress.region != "510800"]
    assert len(progress) == len(store.query("targets", regions=GUANGYUAN, year=2026))
    for indicator in ("outdoor_stations", "org_rate", "membership_rate"):
        statuses = set(counties.loc[counties.indicator == indicator, "status"])
        assert statuses & {"reached", "on_track"} and "lagging" in statuses, indicator
    qingchuan = counties[counties.region == "510822"]
    assert set(qingchuan.status) == {"lagging"}  # the county that drags the city down


def test_a_flow_target_is_measured_by_the_sum_of_this_years_quarters(store):
    progress = progress_rows(store, Selection("510800", "suineilu", "2026Q3")).set_index(["region", "indicator"])
    funds = store.query("values_by_region", regions=["510812"], periods=["2026Q1", "2026Q2", "2026Q3"])
    ytd = funds.loc[funds.indicator == "funds_government", "value"].sum()
    row = progress.loc[("510812", "funds_government")]
    assert row.actual == pytest.approx(ytd) and row.due == 0.75
    assert row.expected == pytest.approx(row.target * 0.75)


def test_a_stock_target_starts_the_year_from_last_years_fourth_quarter(store):
    progress = progress_rows(store, Selection("510800", "suineilu", "2026Q1")).set_index(["region", "indicator"])
    stations = store.query("values_by_region", regions=["510822"], periods=["2025Q4", "2026Q1"])
    by_period = stations[stations.indicator == "outdoor_stations"].set_index("period")["value"]
    row = progress.loc[("510822", "outdoor_stations")]
    assert row.start == by_period["2025Q4"] and row.actual == by_period["2026Q1"]


def test_at_the_end_of_2025_each_target_was_either_reached_or_missed(store):
    statuses = set(progress_rows(store, Selection("510800", "suineilu", "2025Q4")).status)
    assert statuses == {MISSED, REACHED}


def test_a_targets_file_may_name_regions_by_code_full_name_or_short_name():
    raw = pd.DataFrame(
        {
            "region": ["510824", "青川县", "剑阁", "广元市朝天区"],
            "indicator": ["org_rate"] * 4,
            "year": ["2026"] * 4,
            "target": ["72", "71.5", "1,200", "80"],
        }
    )
    frame, problems = parse_targets(raw, INDICATOR_IDS)
    assert problems == []
    assert frame.region.tolist() == ["510824", "510822", "510823", "510812"]
    assert frame.target.tolist() == [72, 71.5, 1200, 80] and frame.year.tolist() == [2026] * 4


def test_every_bad_row_of_a_targets_file_is_listed_with_its_row_number():
    raw = pd.DataFrame(
        {
            "region": ["火星县", "510824", "510824", "510824", "510824"],
            "indicator": ["org_rate", "stations", "org_rate", "org_rate", "org_rate"],
            "year": ["2026", "2026", "明年", "2026", "2026"],
            "target": ["70", "70", "70", "很多", "70"],
        }
    )
    frame, problems = parse_targets(raw, INDICATOR_IDS)
    assert [p.split(":")[0] for p in problems] == ["row 2", "row 3", "row 4", "row 5"]
    assert "火星县" in problems[0] and "stations" in problems[1] and "明年" in problems[2] and "很多" in problems[3]
    assert len(frame) == 1
    twice = pd.concat([raw.tail(1), raw.tail(1)])
    assert parse_targets(twice, INDICATOR_IDS)[1] == ["more than one target for 510824 org_rate 2026"]
    assert parse_targets(raw.drop(columns="year"), INDICATOR_IDS)[1] == ["missing columns: year"]


def test_a_targets_file_that_breaks_the_rules_is_refused_whole(tmp_path):
    path = tmp_path / "targets.csv"
    path.write_text("region,indicator,year,target\n苍溪县,org_rate,2026,72\n火星县,org_rate,2026,70\n", "utf-8")
    with pytest.raises(TargetsError, match="row 3"):
        read_targets(path, INDICATOR_IDS)


def stored_targets(store, region, year):
    return store.query("targets", regions=[region], year=year).set_index("indicator")["target"].to_dict()


def test_loading_the_same_targets_again_writes_nothing_and_publishes_nothing(writable_db):
    with writer(writable_db) as store:
        version = store.data_version()
        assert load_targets(store, read_targets(DEMO_TARGETS_CSV, INDICATOR_IDS)) == 0
        assert store.data_version() == version


def test_new_targets_replace_a_regions_set_for_that_year_and_leave_the_rest_alone(writable_db):
    new = pd.DataFrame([("510822", "outdoor_stations", 2026, 20.0)], columns=["region", "indicator", "year", "target"])
    with writer(writable_db) as store:
        before_2025 = stored_targets(store, "510822", 2025)
        cangxi = stored_targets(store, "510824", 2026)
        version = store.data_version()
        assert load_targets(store, new) == 1
        assert stored_targets(store, "510822", 2026) == {"outdoor_stations": 20.0}  # one set: the old rest is gone
        assert stored_targets(store, "510822", 2025) == before_2025
        assert stored_targets(store, "510824", 2026) == cangxi
        assert store.data_version() == version + 1
