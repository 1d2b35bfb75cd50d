"""The demo dataset: reproducible, up to date, and true to the seed facts (seed 001, Guangyuan, 2023-07-06)."""

import pandas as pd
import pytest

from unionbench import demo
from unionbench.paths import DEMO_OBSERVATIONS_CSV


def city(store, region, period):
    frame = store.query("values_by_region", regions=[region], periods=[period])
    return frame.set_index("indicator")


def test_the_bundled_demo_file_is_exactly_what_the_seeded_generator_makes():
    bundled = pd.read_csv(DEMO_OBSERVATIONS_CSV, dtype=str)
    assert bundled.equals(demo.generate().astype(str)), "run `python -m unionbench.demo` to refresh data/demo"


def test_the_demo_covers_every_quarter_from_2023q1_to_2026q3(store):
    assert store.query("periods_with_data", region="510800")["period"].tolist() == list(reversed(demo.PERIODS))
    assert demo.PERIODS[0] == "2023Q1" and demo.PERIODS[-1] == "2026Q3"


def test_the_demo_covers_the_home_city_the_benchmarks_and_all_of_sichuan(store):
    bundled = pd.read_csv(DEMO_OBSERVATIONS_CSV, dtype={"region_code": str})
    codes = set(bundled.region_code)
    assert {"510802", "510811", "510812", "510821", "510822", "510823", "510824"} <= codes
    for benchmark_city in ("510900", "511000", "510500", "321000"):
        assert set(store.query("child_regions", parent=benchmark_city)["adcode"]) <= codes
    sichuan = store.query("benchmark_members", set_id="sichuan_average")["adcode"]
    assert len(sichuan) == 21
    assert all(len(city(store, code, "2026Q3")) > 15 for code in sichuan)
    assert len(city(store, "411000", "2026Q3")) > 15  # Xuchang


def test_guangyuan_passes_300_outdoor_stations_in_2023q2(store):
    assert city(store, "510800", "2023Q1").at["outdoor_stations", "value"] < 300
    assert city(store, "510800", "2023Q2").at["outdoor_stations", "value"] > 300


@pytest.mark.parametrize(
    ("indicator", "expected"),
    [
        ("worker_home_upgrades", 200),  # 赋能升级 200 个
        ("childcare_institutions", 12),  # 第二批普惠托育服务机构 12 个
        ("childcare_slots", 240),  # 240 个托位
        ("childcare_subsidy", 36.0),  # 240 × 500 元 × 3 months = 36 万元
        ("fulltime_chairs", 145),  # 135 townships + 10 streets
        ("problems_identified", 43),
        ("problems_rectified", 28),
    ],
)
def test_guangyuan_in_2023q2_matches_the_seed_article(store, indicator, expected):
    assert city(store, "510800", "2023Q2").at[indicator, "value"] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("county", "indicator", "expected"),
    [("510812", "funds_government", 110), ("510823", "funds_partner", 90)],
)
def test_county_funds_in_2023q2_match_the_seed_article(store, county, indicator, expected):
    assert city(store, county, "2023Q2").at[indicator, "value"] == pytest.approx(expected)


def test_wangcang_raised_more_than_500_wan_yuan_in_2023q2(store):
    wangcang = city(store, "510821", "2023Q2")
    assert wangcang.at["funds_government", "value"] + wangcang.at["funds_partner", "value"] > 500


def per_10k(store, regions, period):
    frame = store.query("values_by_region", regions=regions, periods=[period])
    frame["shown"] = frame.per_10k.fillna(frame.value)
    return frame.pivot(index="region", columns="indicator", values="shown")


COMPARED = [
    "outdoor_stations",
    "worker_home_upgrades",
    "member_service_bases",
    "childcare_slots",
    "childcare_subsidy",
    "funds_government",
    "funds_partner",
    "org_rate",
    "membership_rate",
    "trainings",
    "mutual_aid_participants",
]


def test_benchmark_cities_lead_guangyuan_on_most_indicators_but_not_all(store):
    table = per_10k(store, ["510800", "510900", "511000", "510500"], "2026Q3")[COMPARED]
    benchmark_mean = table.drop(index="510800").mean()
    behind = (table.loc["510800"] < benchmark_mean).sum()
    assert len(COMPARED) * 0.6 <= behind < len(COMPARED)


def test_some_guangyuan_county_beats_the_best_benchmark_county_somewhere(store):
    counties = {
        code: store.query("child_regions", parent=code)["adcode"].tolist()
        for code in ("510800", "510900", "511000", "510500")
    }
    table = per_10k(store, sum(counties.values(), []), "2026Q3")[COMPARED]
    home = table.loc[counties["510800"]]
    benchmark_best = table.drop(index=counties["510800"]).max()
    beaten = [ind for ind in COMPARED if (home[ind] > benchmark_best[ind]).any()]
    assert len(beaten) >= 2, beaten


def test_stocks_never_fall_from_one_quarter_to_the_next():
    frame = demo.generate()
    frame["value"] = frame["value"].astype(float)
    stocks = frame[frame.indicator.isin(["outdoor_stations", "worker_home_upgrades", "childcare_institutions"])]
    falls = stocks.groupby(["region_code", "indicator"])["value"].apply(lambda s: (s.diff() < 0).sum())
    assert falls.sum() == 0


def test_rectified_problems_never_exceed_identified_ones(store):
    frame = store.query("values_by_region", regions=["510800", "510802", "510822", "510903"], periods=demo.PERIODS)
    wide = frame.pivot_table(index=["region", "period"], columns="indicator", values="value")
    assert (wide.problems_rectified <= wide.problems_identified).all()
