"""Link state: the map's drill level, the composite's weights and the explorer's selections live in
the link, so a shared link opens the same view; a value the link cannot mean falls back with a note, never a
traceback."""

import pytest

from components.url_state import parse_list, parse_weights, weights_text

WEIGHTS = tuple(n / 2 for n in range(7))


def test_weights_are_read_from_the_link_and_written_back_the_same_way():
    weights, bad = parse_weights(
        "org_rate:2, outdoor_stations:0,childcare_slots:1.5",
        ["org_rate", "outdoor_stations", "childcare_slots"],
        WEIGHTS,
    )
    assert (weights, bad) == ({"org_rate": 2.0, "outdoor_stations": 0.0, "childcare_slots": 1.5}, False)
    assert weights_text({"org_rate": 2.0, "outdoor_stations": 0.0, "membership_rate": 1.0}, 1.0) == (
        "org_rate:2,outdoor_stations:0"
    )


@pytest.mark.parametrize(
    "raw",
    ["org_rate:9", "org_rate:nan", "org_rate:inf", "org_rate:1e309", "org_rate:-1", "org_rate:0.7", "org_rate:٣",
     "nope:1", "org_rate", "<script>:1", "org_rate:2," * 500],
)  # fmt: skip
def test_a_weight_the_link_cannot_mean_is_dropped_and_flagged(raw):
    weights, bad = parse_weights(raw, ["org_rate"], WEIGHTS)
    assert bad and weights in ({}, {"org_rate": 2.0})


def test_a_list_keeps_the_known_options_in_the_links_order_and_flags_the_rest():
    assert parse_list("510824,510800,510824", ["510800", "510824"]) == (["510824", "510800"], False)
    assert parse_list("510824,<b>x</b>", ["510800", "510824"]) == (["510824"], True)
    assert parse_list("", ["510800"]) == ([], False)


def composite(at) -> list[str]:
    """The composite ranking as shown: the regions' labels, best first."""
    table = at.dataframe[1].value
    return list(table.iloc[:, 1])


def test_a_shared_link_with_weights_reproduces_the_composite_set_by_hand(app_page):
    by_hand = app_page("rankings", scope="province_cities", per10k="true")
    default_order = composite(by_hand)
    by_hand.slider(key="weight_org_rate").set_value(3.0).run()
    by_hand.slider(key="weight_outdoor_stations").set_value(0.0).run()
    assert by_hand.query_params["weights"] == "outdoor_stations:0,org_rate:3"  # what a copied link carries
    linked = app_page("rankings", scope="province_cities", per10k="true", weights="org_rate:3,outdoor_stations:0")
    assert not linked.exception
    assert linked.slider(key="weight_org_rate").value == 3.0
    assert linked.slider(key="weight_outdoor_stations").value == 0.0
    assert composite(linked) == composite(by_hand) != default_order
    assert list(linked.dataframe[1].value.iloc[:, 2]) == list(by_hand.dataframe[1].value.iloc[:, 2])


@pytest.mark.parametrize("raw", ["org_rate:1e309", "<script>alert(1)</script>", "org_rate:2," * 500, "٣"])
def test_a_hostile_weights_link_falls_back_with_a_note_and_no_traceback(app_page, raw):
    at = app_page("rankings", weights=raw)
    assert not at.exception, at.exception
    assert at.get("toast"), "a small note says the link was not understood"
    assert all(slider.value in WEIGHTS for slider in at.slider)
    assert "<script>" not in "".join(str(element.value) for element in at.get("toast"))


def test_the_explorer_opens_a_shared_link_with_its_regions_indicators_quarters_and_provenance(app_page):
    at = app_page(
        "explorer", regions="510824,510800", indicators="org_rate", periods="2025Q4,2026Q2", provenance="true"
    )
    assert not at.exception
    assert at.multiselect(key="explorer_regions").value == ["510824", "510800"]
    assert at.multiselect(key="explorer_indicators").value == ["org_rate"]
    assert at.select_slider(key="explorer_periods").value == ("2025Q4", "2026Q2")
    table = at.dataframe[0].value
    assert set(table["地区代码"]) == {"510824", "510800"} and set(table["季度"]) == {"2025Q4", "2026Q1", "2026Q2"}
    assert "文件" in table.columns


def test_the_explorer_writes_its_selections_to_the_link(app_page):
    at = app_page("explorer")
    at.multiselect(key="explorer_regions").select("510824").run()
    at.toggle(key="explorer_provenance").set_value(True).run()
    assert at.query_params["regions"] == "510800,510824"
    assert at.query_params["provenance"] == "true"
    assert at.query_params["periods"] == "2025Q4,2026Q3"


@pytest.mark.parametrize(
    "params", [{"regions": "<img src=x>"}, {"periods": "2026Q3,2025Q4"}, {"periods": "x" * 5000}, {"indicators": ","}]
)
def test_a_hostile_explorer_link_falls_back_to_the_defaults(app_page, params):
    at = app_page("explorer", **params)
    assert not at.exception, at.exception
    assert at.multiselect(key="explorer_regions").value == ["510800"]
    assert at.select_slider(key="explorer_periods").value == ("2025Q4", "2026Q3")


def test_a_link_with_a_drill_level_opens_the_map_on_that_citys_counties(app_page):
    at = app_page("map", scope="province_cities", drill="510900")
    assert not at.exception
    assert "遂宁市各县区" in at.title[0].value
    assert at.query_params["drill"] == "510900"
    at.button[0].click().run()  # back to the province's cities: the link forgets the drill
    assert "drill" not in at.query_params
    assert "遂宁市" not in at.title[0].value


@pytest.mark.parametrize("params", [{"drill": "510900"}, {"scope": "province_cities", "drill": "510824"}])
def test_a_drill_level_the_map_cannot_show_is_ignored_with_a_note(app_page, params):
    at = app_page("map", **params)
    assert not at.exception
    assert at.get("toast")
    assert "遂宁市各县区" not in at.title[0].value
