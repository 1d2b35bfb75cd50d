import pytest

from unionbench.regions import cnmaps_resolver, read_cnmaps_index, short_names

RESOLVER = cnmaps_resolver()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("510824", "510824"),  # a code
        ("苍溪县", "510824"),  # a full name
        ("苍溪", "510824"),  # a short name
        (" 苍 溪 ", "510824"),  # stray spaces from Excel
        ("广元市", "510800"),
        ("广元", "510800"),
        ("利州区", "510802"),
        ("射洪", "510981"),  # a county-level city
        ("广元市苍溪县", "510824"),  # city then county
        ("凉山", "513400"),  # 凉山彝族自治州
        ("北京", "110100"),  # a municipality's name means the city
    ],
)
def test_the_resolver_turns_codes_full_names_and_short_names_into_adcodes(text, expected):
    result = RESOLVER.resolve(text)
    assert (result.status, result.adcode) == ("ok", expected)


def test_a_name_shared_by_two_places_is_ambiguous_and_lists_both():
    result = RESOLVER.resolve("朝阳区")
    assert result.status == "ambiguous"
    assert result.adcode is None
    assert set(result.candidates) == {"110105", "220104"}  # Beijing and Changchun


def test_a_city_narrows_an_ambiguous_name():
    assert RESOLVER.resolve("朝阳区", within="220100").adcode == "220104"
    assert RESOLVER.resolve("朝阳区", within="110000").adcode == "110105"


@pytest.mark.parametrize("text", ["火星县", "999999", "", "苍溪镇"])
def test_a_name_or_code_that_is_no_region_is_unknown(text):
    result = RESOLVER.resolve(text)
    assert (result.status, result.adcode, result.candidates) == ("unknown", None, ())


def test_a_county_outside_the_narrowing_city_is_unknown():
    assert RESOLVER.resolve("苍溪", within="510900").status == "unknown"


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("苍溪县", {"苍溪"}),
        ("利州区", {"利州"}),
        ("凉山彝族自治州", {"凉山"}),
        ("城区", set()),
        ("泸县", set()),
        ("西双版纳傣族自治州", {"西双版纳"}),
        ("黔西南布依族苗族自治州", {"黔西南"}),
        ("积石山保安族东乡族撒拉族自治县", {"积石山"}),
        ("恩施土家族苗族自治州", {"恩施"}),
    ],
)
def test_short_names_drop_the_suffix_but_keep_two_characters(name, short):
    assert short_names(name) == short


def test_the_region_index_covers_all_china_with_parents():
    regions = read_cnmaps_index()
    counts = regions.level.value_counts()
    assert counts["province"] == 34 and counts["city"] > 330 and counts["county"] > 2_800
    assert regions.adcode.is_unique
    assert regions.loc[regions.level != "country", "parent"].notna().all()
    guangyuan = regions[regions.parent == "510800"]
    assert sorted(guangyuan.adcode) == ["510802", "510811", "510812", "510821", "510822", "510823", "510824"]
    assert (regions.level.eq("city") & regions.parent.eq("510000")).sum() == 21
