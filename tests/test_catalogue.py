import pytest

from unionbench.catalog import (
    AGGREGATIONS,
    benchmark_set_problems,
    catalogue_problems,
    read_benchmark_sets,
    read_indicators,
    text_or_none,
)
from unionbench.regions import read_cnmaps_index

# Outside checks rely on exactly these ids, Chinese names and units.
REQUIRED = {
    "outdoor_stations": ("户外劳动者服务站点", "个"),
    "worker_home_upgrades": ("服务阵地提升", "个"),
    "member_service_bases": ("会员服务基地", "个"),
    "childcare_institutions": ("普惠托育服务机构", "个"),
    "childcare_slots": ("补助托位", "个"),
    "childcare_subsidy": ("托育补助资金", "万元"),
    "funds_government": ("争取财政资金", "万元"),
    "funds_partner": ("争取协作资金", "万元"),
    "unions_established": ("已建会企业", "个"),
    "enterprises_eligible": ("应建会企业", "个"),
    "org_rate": ("工会组建率", "%"),
    "members": ("会员人数", "人"),
    "workers": ("职工人数", "人"),
    "membership_rate": ("职工入会率", "%"),
    "fulltime_chairs": ("专职工会主席配备", "个"),
    "problems_identified": ("问题清单", "项"),
    "problems_rectified": ("已整改问题", "项"),
    "mutual_aid_participants": ("互助保障参保职工", "人"),
    "trainings": ("职工培训", "场"),
}
CATALOGUE = read_indicators()


def test_the_bundled_catalogue_breaks_none_of_its_rules():
    assert catalogue_problems(CATALOGUE) == []


@pytest.mark.parametrize("row", CATALOGUE.to_dict("records"), ids=lambda r: r["id"])
def test_every_indicator_has_both_names_a_unit_and_a_valid_aggregation(row):
    assert text_or_none(row["name_zh"]) and text_or_none(row["name_en"])
    assert text_or_none(row["unit"]) and text_or_none(row["unit_en"])
    assert text_or_none(row["description_zh"]) and text_or_none(row["description_en"])
    assert row["aggregation"] in AGGREGATIONS


@pytest.mark.parametrize("indicator_id", sorted(REQUIRED))
def test_the_core_indicators_keep_their_ids_chinese_names_and_units(indicator_id):
    row = CATALOGUE.set_index("id").loc[indicator_id]
    assert (row["name_zh"], row["unit"]) == REQUIRED[indicator_id]


def test_rates_are_ratios_of_the_documented_parts():
    rows = CATALOGUE.set_index("id")
    assert tuple(rows.loc["org_rate", ["numerator", "denominator"]]) == ("unions_established", "enterprises_eligible")
    assert tuple(rows.loc["membership_rate", ["numerator", "denominator"]]) == ("members", "workers")
    assert set(rows.loc[rows.kind == "rate", "aggregation"]) == {"ratio"}


def test_at_least_one_indicator_is_lower_is_better_and_says_so():
    assert "lower" in set(CATALOGUE.direction)


def test_catalogue_problems_catch_a_missing_name_and_a_dangling_ratio():
    broken = CATALOGUE.copy()
    broken.loc[broken.id == "trainings", "name_en"] = None
    broken.loc[broken.id == "org_rate", "denominator"] = "no_such_indicator"
    problems = catalogue_problems(broken)
    assert any("trainings: name_en is empty" in p for p in problems)
    assert any("org_rate" in p and "no_such_indicator" in p for p in problems)


def test_benchmark_sets_name_the_cities_from_the_seeds():
    sets, members = read_benchmark_sets()
    assert set(sets.name_zh) >= {"遂内泸", "扬州", "许昌", "四川平均", "四川最优"}
    assert set(members.loc[members.set_id == "suineilu", "adcode"]) == {"510900", "511000", "510500"}
    assert benchmark_set_problems(sets, members, set(read_cnmaps_index().adcode)) == []


def test_a_benchmark_member_that_is_not_a_region_is_reported():
    sets, members = read_benchmark_sets()
    members.loc[len(members)] = ["suineilu", "999999"]
    assert benchmark_set_problems(sets, members, set(read_cnmaps_index().adcode)) == [
        "suineilu: member 999999 is not a region"
    ]
