"""Peer sets, rankings, profiles, trend series and the explorer table, against the demo store."""

import math
from dataclasses import replace

import pandas as pd
import pytest

from components.charts import BAR, HIGHLIGHT, Measure, ranked_bars
from tests.support import catalogue_count
from unionbench.read import comparison, explorer, rankings, series, views
from unionbench.read.selection import Selection

GUANGYUAN = "510800"
GUANGYUAN_COUNTIES = ["510802", "510811", "510812", "510821", "510822", "510823", "510824"]
NEIJIANG_SHIZHONG, LESHAN_SHIZHONG = "511002", "511102"


@pytest.fixture(scope="module")
def catalogue(store):
    return views.catalogue(store, "zh")


def scoped(scope: str) -> Selection:
    """The Selection a peer scope of Guangyuan and Suineilu is read from (the quarter plays no part)."""
    return Selection(GUANGYUAN, "suineilu", "", scope=scope)


def test_peer_scopes_hold_the_counties_the_province_and_the_benchmark_cities(store):
    assert len(comparison.peer_regions(store, scoped("counties"))) == 7
    assert len(comparison.peer_regions(store, scoped("province_cities"))) == 21
    cities = comparison.peer_regions(store, scoped("benchmark_cities"))
    assert cities[0] == GUANGYUAN and set(cities) == {GUANGYUAN, "510900", "511000", "510500"}
    assert len(comparison.peer_regions(store, scoped("benchmark_counties"))) == 7 + 5 + 5 + 7
    with pytest.raises(ValueError, match="unknown peer scope"):
        comparison.peer_regions(store, scoped("galaxy"))


def test_the_province_scope_ranks_183_distinct_sichuan_counties_and_keeps_both_shizhong_districts_apart(
    store, catalogue
):
    sel = Selection(GUANGYUAN, "suineilu", "2026Q3", scope="province_counties")
    ranking = rankings.indicator_ranking(store, sel, catalogue["outdoor_stations"])
    assert len(ranking) == 183 and ranking.region.is_unique and ranking.label.is_unique
    facts = store.query("regions_at_level", level="county", province="510000")
    assert set(ranking.region) == set(facts.adcode)
    shizhong = ranking[ranking.region_name == "市中区"].set_index("region")["label"].to_dict()
    assert shizhong == {NEIJIANG_SHIZHONG: "内江·市中区", LESHAN_SHIZHONG: "乐山·市中区"}
    assert (ranking.label == ranking.region_name).sum() == 181  # only repeated names carry their city
    # the demo has county figures for the four named cities only: 24 ranked 1..24, the rest listed last unranked
    assert ranking.rank_of.eq(24).all() and sorted(ranking["rank"].dropna()) == list(range(1, 25))
    assert ranking["rank"].iloc[24:].isna().all()
    assert set(ranking.region[ranking.home]) == set(comparison.peer_regions(store, scoped("counties")))


def test_a_long_ranking_draws_the_top_and_bottom_ten_and_the_homes_regions_and_counts_the_gaps():
    frame = pd.DataFrame(
        {"region": [f"r{i:03}" for i in range(183)], "figure": [183.0 - i for i in range(183)], "home": False}
    )
    frame.loc[[50, 51, 120], "home"] = True
    frame.loc[182, "figure"] = math.nan  # no figure: never drawn
    drawn = rankings.condensed(frame, "figure")
    expected = [*range(10), 50, 51, 120, *range(172, 182)]
    assert list(drawn.region) == [f"r{i:03}" for i in expected]
    assert list(drawn.skipped) == [0] * 10 + [40, 0, 68, 51] + [0] * 9
    assert drawn.skipped.sum() + len(drawn) == 182
    short = rankings.condensed(frame.head(40), "figure")
    assert len(short) == 40 and not short.skipped.any()


def test_two_regions_of_one_name_are_two_bars():
    figure = ranked_bars(
        ["内江·市中区", "乐山·市中区"],
        [3.0, 2.0],
        Measure("个", 0),
        {LESHAN_SHIZHONG},
        keys=[NEIJIANG_SHIZHONG, LESHAN_SHIZHONG],
    )
    assert list(figure.data[0].y) == [NEIJIANG_SHIZHONG, LESHAN_SHIZHONG]
    assert list(figure.layout.yaxis.ticktext) == ["内江·市中区", "乐山·市中区"]
    assert list(figure.data[0].marker.color) == [BAR, HIGHLIGHT]
    same_name = ranked_bars(
        ["市中区", "市中区"], [3.0, 2.0], Measure("个", 0), keys=[NEIJIANG_SHIZHONG, LESHAN_SHIZHONG]
    )
    assert len(set(same_name.data[0].y)) == 2  # keyed by adcode: even equal labels never merge


def test_a_ranking_puts_the_best_first_and_its_moves_match_the_earlier_ranks(store, catalogue):
    sel = Selection(GUANGYUAN, "suineilu", "2026Q3", scope="province_cities", per_10k=False)
    ranking = rankings.indicator_ranking(store, sel, catalogue["org_rate"])
    assert ranking["figure"].is_monotonic_decreasing
    assert ranking.loc[0, "rank"] == 1
    moved = ranking.dropna(subset=["rank_quarter_ago"])
    assert (moved.move_quarter == moved.rank_quarter_ago - moved["rank"]).all()


def test_a_lower_is_better_ranking_puts_the_smallest_first(store, catalogue):
    sel = Selection(GUANGYUAN, "suineilu", "2026Q3", scope="counties", per_10k=False)
    ranking = rankings.indicator_ranking(store, sel, catalogue["problems_open"])
    assert ranking["figure"].dropna().is_monotonic_increasing


@pytest.mark.parametrize(
    ("indicator", "per_10k", "basis", "unit"),
    [
        ("outdoor_stations", True, "per_10k_workers", "个/万名职工"),
        ("outdoor_stations", False, "value", "个"),
        ("org_rate", False, "rate", "%"),
        ("org_rate", True, "rate", "%"),
        ("unions_established", True, "value", "个"),  # no per-capita base: ranked on its value even per 10,000
    ],
)
def test_the_per_10k_toggle_decides_the_basis_a_ranking_is_read_on(store, catalogue, indicator, per_10k, basis, unit):
    sel = Selection(GUANGYUAN, "suineilu", "2026Q3", scope="counties", per_10k=per_10k)
    ranking = rankings.indicator_ranking(store, sel, catalogue[indicator]).set_index("region")
    assert set(ranking.basis) == {basis} and set(ranking.basis_unit) == {unit}
    figures = store.query("compared_figures", regions=list(ranking.index), periods=["2026Q3"])
    figures = figures[figures.indicator == indicator].set_index("region")
    expected = figures["value"] if basis == "value" else figures["figure"]
    assert ranking["figure"].to_dict() == expected.reindex(ranking.index).to_dict()
    assert ranking["value"].to_dict() == figures["value"].reindex(ranking.index).to_dict()


def test_the_composite_ranks_every_peer_on_comparable_figures(store):
    regions = comparison.peer_regions(store, scoped("counties"))
    composite = rankings.composite_ranking(store, regions, "2026Q3", "zh")
    assert sorted(composite["rank"]) == list(range(1, 8))
    assert composite["composite"].is_monotonic_decreasing
    assert (composite.coverage == catalogue_count("judged")).all()  # totals without a base never count
    assert not {"unions_established", "fulltime_chairs", "problems_rectified"} & set(composite.columns)


def judged_ranks(rows: pd.DataFrame) -> dict[str, tuple[float, int]]:
    judged = rows[rows.judged]
    return {i: (r, n) for i, r, n in zip(judged.indicator, judged["rank"], judged.rank_of, strict=True)}


def table_ranks(store, catalogue, sel) -> dict[str, pd.DataFrame]:
    """The ranking table of every judged indicator, as the rankings page and the map draw it."""
    judged = [i for i, ind in catalogue.items() if ind.direction != "neutral" and comparison.basis_of(ind) != "value"]
    return {i: rankings.indicator_ranking(store, sel, catalogue[i]).set_index("region") for i in judged}


@pytest.mark.parametrize(
    ("scope", "regions"),
    [
        ("counties", GUANGYUAN_COUNTIES),
        ("province_counties", ["510812", "510822"]),
        ("benchmark_counties", ["510812", "510903"]),  # 510903: a Suining county, its rank among all 24 counties
    ],
)
def test_a_profile_rank_is_the_rank_in_the_table_beside_it_on_the_compared_basis(store, catalogue, scope, regions):
    sel = Selection(GUANGYUAN, "suineilu", "2026Q3", scope=scope, per_10k=True)
    tables = table_ranks(store, catalogue, sel)
    for region in regions:
        mine = judged_ranks(rankings.region_profile(store, sel, region))
        assert set(mine) == set(tables)
        beside = {i: (table.at[region, "rank"], int(table.at[region, "rank_of"])) for i, table in tables.items()}
        assert mine == beside, region
        assert all(not math.isnan(rank) for rank, _ in mine.values())


def test_the_chaotian_profile_reads_figure_benchmark_and_rank_on_one_basis(store):
    sel = Selection(GUANGYUAN, "suineilu", "2026Q3", scope="counties")
    row = rankings.region_profile(store, sel, "510812").set_index("indicator").loc["outdoor_stations"]
    # 29 stations / 29,564 workers → 9.81 per 10k; Suining, Neijiang and Luzhou's 17 counties pooled → 12.59
    assert (row.value_text, row.home_text, row.benchmark_text) == ("29个", "9.81个/万名职工", "12.59个/万名职工")
    assert (row.gap_text, row.verdict_text, row["rank"], row.rank_of) == ("−2.78个/万名职工 (−22.1%)", "落后", 4, 7)
    assert len(row.history) == 8 and row.history[-1] == pytest.approx(row.home_value)


def test_a_county_profiles_benchmark_is_a_county_level_figure_never_a_city(store):
    counties = comparison.peer_regions(store, scoped("benchmark_counties"))
    members = [c for c in counties if not c.startswith("5108")]
    figures = store.query("compared_figures", regions=members, periods=["2026Q3"])
    stations = figures[figures.indicator == "outdoor_stations"]
    workers = figures[figures.indicator == "workers"]
    pooled = stations.value.sum() / workers.value.sum() * 10_000
    sel = Selection(GUANGYUAN, "suineilu", "2026Q3", scope="counties")
    row = rankings.region_profile(store, sel, "510812").set_index("indicator").loc["outdoor_stations"]
    assert row.benchmark_value == pytest.approx(pooled)
    best = rankings.region_profile(store, replace(sel, reference="best"), "510812").set_index("indicator")
    cities = store.query("compared_figures", regions=["510900", "511000", "510500"], periods=["2026Q3"])
    best_city = cities[cities.indicator == "outdoor_stations"].figure.max()
    assert best.at["outdoor_stations", "benchmark_value"] == pytest.approx(stations.figure.max())  # 龙马潭区
    assert best.at["outdoor_stations", "benchmark_value"] != pytest.approx(best_city)
    union = best.loc["unions_established"]  # the seen bug: 843 of a county "vs 18,755" of a city
    assert math.isnan(union.benchmark_value) and union.benchmark_text == "—"


def test_not_judged_profile_rows_have_no_benchmark_gap_verdict_or_rank(store):
    sel = Selection(GUANGYUAN, "suineilu", "2026Q3", scope="counties")
    rows = rankings.region_profile(store, sel, "510812")
    not_judged = rows[~rows.judged]
    assert set(not_judged.indicator) == {
        "unions_established", "enterprises_eligible", "workers", "fulltime_chairs", "problems_identified",
        "problems_rectified",
    }  # fmt: skip
    assert not_judged.benchmark_value.isna().all() and set(not_judged.benchmark_text) == {"—"}
    assert set(not_judged.gap_text) == {"—"} and set(not_judged.verdict) == {""}
    assert not_judged["rank"].isna().all() and set(not_judged.rank_of) == {0}
    assert list(not_judged.value_text) == list(not_judged.home_text)  # the total, shown as it is


def test_series_ends_at_the_chosen_quarter_and_changes_lead_with_qoq_for_stocks_and_yoy_for_flows(store, catalogue):
    sel = Selection(GUANGYUAN, "suineilu", "2026Q3", per_10k=False)
    frame = series.series(store, sel, [GUANGYUAN], catalogue["outdoor_stations"], 12)
    assert list(frame.period)[-1] == "2026Q3" and len(frame) == 12
    changes = series.changes(
        store, [GUANGYUAN], [catalogue["outdoor_stations"], catalogue["funds_government"]], "2026Q3"
    ).set_index("indicator")
    assert changes.at["outdoor_stations", "leading"] == "qoq" and changes.at["funds_government", "leading"] == "yoy"
    assert math.isnan(changes.at["outdoor_stations", "year_to_date"])
    assert changes.at["funds_government", "year_to_date"] > changes.at["funds_government", "value"]


def test_the_explorer_names_the_upload_of_stored_figures_and_none_for_computed_ones(store, catalogue):
    frame = explorer.explorer_table(
        store, [GUANGYUAN, "510822"], [catalogue["outdoor_stations"], catalogue["org_rate"]], ("2026Q2", "2026Q3"), True
    )
    assert len(frame) == 2 * 2 * 2
    stations = frame[(frame.region == "510822") & (frame.indicator == "outdoor_stations")]
    assert stations.upload_id.notna().all() and set(stations.user_name) == {"demo"}  # a county's count is stored
    assert frame[frame.indicator == "org_rate"].upload_id.isna().all()  # rates derive from their parts
    assert frame[frame.region == GUANGYUAN].upload_id.isna().all()  # the city rolls up from its counties


@pytest.mark.parametrize("per_10k, unit", [(True, "个/万名职工"), (False, "个")])
def test_a_trend_names_its_unit_as_the_comparisons_do(store, catalogue, per_10k, unit):
    sel = Selection(GUANGYUAN, "suineilu", "2026Q3", per_10k=per_10k)
    frame = series.series(store, sel, [GUANGYUAN], catalogue["outdoor_stations"], 4)
    assert set(frame.unit) == {unit}
