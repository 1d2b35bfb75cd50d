"""Similar peers (unionbench.read.similar) and custom benchmark sets (unionbench.custom_sets), in the core and
on the command line, on real DuckDB files."""

import csv
import io
import math

import pandas as pd
import pytest

from unionbench import custom_sets
from unionbench.cli import main
from unionbench.commit import UploadEntry, commit_observations
from unionbench.initdb import CatalogueError, initialise
from unionbench.read import comparison, views
from unionbench.read.selection import Selection
from unionbench.read.similar import NoPeers, similar_peers
from unionbench.store import Replica, writer

GUANGYUAN, CANGXI = "510800", "510824"
TWIN_CITY, TWIN_COUNTY = "519900", "519901"  # codes no real region has
STRUCTURAL = ("workers", "enterprises_eligible", "members")


def reader(path):
    replica = Replica(path)
    return replica, replica.current()


def test_peers_of_a_city_are_other_cities_of_its_province_nearest_first(store):
    result = similar_peers(store, GUANGYUAN, k=5, within="province")
    peers = result.peers
    assert len(peers) == 5 and GUANGYUAN not in set(peers["region_code"])
    facts = store.query("region_names", adcodes=list(peers["region_code"])).set_index("adcode")
    assert set(facts["level"]) == {"city"}
    assert {code[:2] for code in peers["region_code"]} == {"51"}  # Sichuan only
    assert list(peers["distance"]) == sorted(peers["distance"]) and (peers["distance"] > 0).all()
    assert list(peers["rank"]) == [1, 2, 3, 4, 5]
    assert sorted(result.features) == sorted(STRUCTURAL)
    assert all(len(ids) == 2 and set(ids) <= set(STRUCTURAL) for ids in peers["similar_in"])


def test_peers_of_a_county_are_counties_never_the_county_itself(store):
    peers = similar_peers(store, CANGXI, k=50, within="country").peers
    assert CANGXI not in set(peers["region_code"]) and len(peers) > 5
    levels = store.query("region_names", adcodes=list(peers["region_code"]))["level"]
    assert set(levels) == {"county"}
    assert not {code[:2] for code in peers["region_code"]} <= {"51"}  # the whole country: Yangzhou's, Xuchang's too


def test_peers_are_the_same_on_every_run(store):
    first = similar_peers(store, CANGXI, k=10)
    for _ in range(3):
        again = similar_peers(store, CANGXI, k=10)
        pd.testing.assert_frame_equal(first.peers, again.peers)


def test_similar_in_names_the_figures_with_the_smallest_standardised_difference(store):
    result = similar_peers(store, GUANGYUAN, k=20)
    pool = store.query("structural_figures", level="city", province="510000")
    wide = pool.pivot_table(index="region", columns="indicator", values="value").dropna()
    scaled = wide.map(math.log1p)
    z = (scaled - scaled.mean()) / scaled.std(ddof=0)
    for peer in result.peers.itertuples():
        difference = (z.loc[peer.region_code] - z.loc[GUANGYUAN]).abs()
        assert math.isclose(peer.distance, math.sqrt((difference**2).sum()), rel_tol=1e-9)
        assert set(peer.similar_in) == set(difference.nsmallest(2).index)


@pytest.fixture(scope="module")
def twin_db(demo_db_path, tmp_path_factory):
    """The demo database with a city and a county whose structural figures are Guangyuan's and Cangxi's × 1.01."""
    from tests.conftest import published_copy

    path = published_copy(demo_db_path, tmp_path_factory.mktemp("twins"))
    with writer(path) as store:
        figures = store.query("structural_figures", level="city", province="510000")
        counties = store.query("structural_figures", level="county", province="510000")
        with store.transaction() as cur:
            cur.execute(
                "insert into regions (adcode, name_zh, level, parent, province) values "
                "(?, '孪生市', 'city', '510000', '510000'), (?, '孪生县', 'county', ?, '510000')",
                [TWIN_CITY, TWIN_COUNTY, TWIN_CITY],
            )
        rows = []
        for home, twin, frame in ((GUANGYUAN, TWIN_CITY, figures), (CANGXI, TWIN_COUNTY, counties)):
            own = frame[frame.region == home]
            rows += [
                {"region": twin, "indicator": r.indicator, "period": r.period, "value": round(r.value * 1.01)}
                for r in own.itertuples()
            ]
        commit_observations(store, pd.DataFrame(rows), UploadEntry("twins.csv", "twins", "test", "long"))
    return path


def test_a_near_copy_of_a_city_ranks_first(twin_db):
    replica, store = reader(twin_db)
    try:
        peers = similar_peers(store, GUANGYUAN, k=3).peers
        assert peers.at[0, "region_code"] == TWIN_CITY
        assert peers.at[0, "distance"] < peers.at[1, "distance"] / 3
    finally:
        replica.close()


def test_a_near_copy_of_a_county_ranks_first_in_the_whole_country(twin_db):
    replica, store = reader(twin_db)
    try:
        assert similar_peers(store, CANGXI, k=3, within="country").peers.at[0, "region_code"] == TWIN_COUNTY
    finally:
        replica.close()


def test_a_region_without_structural_figures_has_no_peers(store):
    with pytest.raises(NoPeers):
        similar_peers(store, "110101")  # Beijing's Dongcheng: no figures in the demo
    with pytest.raises(NoPeers):
        similar_peers(store, "510000")  # a province is not compared


# --- custom benchmark sets ------------------------------------------------------------------------------------


NANCHONG, YAAN, ZIYANG = "511300", "511800", "512000"


def draft(**changes) -> custom_sets.SetDraft:
    values = {"id": "custom-like-us", "name_zh": "相似城市", "name_en": "Cities like us",
              "members": (NANCHONG, YAAN, ZIYANG), "rule": "pooled"}  # fmt: skip
    return custom_sets.SetDraft(**{**values, **changes})


def test_a_saved_custom_set_is_a_benchmark_set_with_who_and_when_and_survives_init(writable_db):
    custom_sets.save_set(writable_db, draft(), "alice")
    replica, store = reader(writable_db)
    try:
        sets = views.benchmark_sets(store).set_index("id")
        row = sets.loc["custom-like-us"]
        assert (row["source"], row["created_by"], row["updated_by"], row["member_rule"]) == (
            "custom", "alice", "alice", "pooled",
        )  # fmt: skip
        assert not pd.isna(row["created_at"])
        assert list(sets.index) == [*custom_sets.read_benchmark_sets()[0]["id"], "custom-like-us"]  # defaults first
        assert views.benchmark_members(store, "custom-like-us", GUANGYUAN) == ("members", [NANCHONG, YAAN, ZIYANG])
    finally:
        replica.close()
    with writer(writable_db) as primary:
        initialise(primary)  # reloads the CSV sets only
        assert "custom-like-us" in set(primary.query("benchmark_sets")["id"])
        assert len(primary.query("benchmark_members", set_id="custom-like-us")) == 3


def test_editing_a_custom_set_keeps_its_maker_and_records_the_editor(writable_db):
    custom_sets.save_set(writable_db, draft(), "alice")
    custom_sets.save_set(writable_db, draft(members=(NANCHONG,), rule="best"), "bob", editing=True)
    replica, store = reader(writable_db)
    try:
        row = views.benchmark_sets(store).set_index("id").loc["custom-like-us"]
        assert (row["created_by"], row["updated_by"], row["member_rule"]) == ("alice", "bob", "best")
        assert row["updated_at"] >= row["created_at"]
        assert views.benchmark_members(store, "custom-like-us", GUANGYUAN)[1] == [NANCHONG]
    finally:
        replica.close()


@pytest.mark.parametrize(
    ("rule", "expected"),
    [("pooled", "pooled"), ("best", "best"), ("average", "mean")],
)
def test_a_custom_sets_rule_forms_its_average_reference(writable_db, rule, expected):
    custom_sets.save_set(writable_db, draft(rule=rule), "alice")
    replica, store = reader(writable_db)
    try:
        sel = Selection(GUANGYUAN, "custom-like-us", "2026Q3")
        assert comparison.reference_regions(store, sel) == (expected, [NANCHONG, YAAN, ZIYANG])
        rows = comparison.comparison(store, sel).set_index("indicator")
        figures = store.query("compared_figures", regions=[NANCHONG, YAAN, ZIYANG], periods=["2026Q3"])
        org = figures[figures.indicator == "org_rate"]
        by_rule = {
            "pooled": 100 * org["part"].sum() / org["base"].sum(),
            "best": org["figure"].max(),
            "average": org["figure"].mean(),
        }
        assert rows.at["org_rate", "benchmark_value"] == pytest.approx(by_rule[rule])
    finally:
        replica.close()


def test_a_bad_set_is_refused_naming_each_field_value_and_reason_and_nothing_is_written(writable_db):
    bad = draft(id="suineilu", name_zh="", members=(NANCHONG, NANCHONG, CANGXI, "999999"), rule="median")
    with pytest.raises(custom_sets.SetRejected) as refused:
        custom_sets.save_set(writable_db, bad, "alice")
    found = {(p.field, p.value) for p in refused.value.problems}
    assert found == {("id", "suineilu"), ("name_zh", ""), ("rule", "median"), ("members", NANCHONG),
                     ("members", CANGXI), ("members", "999999")}  # fmt: skip
    assert all(p.zh and p.en and p.zh != p.en for p in refused.value.problems)
    replica, store = reader(writable_db)
    try:
        assert set(views.benchmark_sets(store)["source"]) == {"csv"}
    finally:
        replica.close()


def test_a_csv_set_cannot_be_removed_and_a_custom_one_can(writable_db):
    with pytest.raises(custom_sets.SetRejected):
        custom_sets.remove_set(writable_db, "suineilu")
    custom_sets.save_set(writable_db, draft(), "alice")
    custom_sets.remove_set(writable_db, "custom-like-us")
    replica, store = reader(writable_db)
    try:
        assert "custom-like-us" not in set(views.benchmark_sets(store)["id"])
        assert store.query("benchmark_members", set_id="custom-like-us").empty
        assert len(views.benchmark_sets(store)) == 5
    finally:
        replica.close()


def test_init_refuses_a_csv_set_that_would_take_a_custom_sets_id(writable_db, monkeypatch):
    custom_sets.save_set(writable_db, draft(id="newcsv"), "alice")
    original = custom_sets.read_benchmark_sets()
    extra = pd.DataFrame([{"id": "newcsv", "name_zh": "新", "name_en": "New", "rule": "members", "scope": None,
                           "members": "321000", "sort_order": 60}])  # fmt: skip
    sets = pd.concat([original[0], extra], ignore_index=True)
    members = pd.concat([original[1], pd.DataFrame({"set_id": ["newcsv"], "adcode": ["321000"]})])
    monkeypatch.setattr("unionbench.initdb.read_benchmark_sets", lambda: (sets, members))
    with writer(writable_db) as primary:
        with pytest.raises(CatalogueError, match="newcsv"):
            initialise(primary)
        assert primary.query("benchmark_sets").set_index("id").at["newcsv", "source"] == "custom"


def test_new_set_ids_are_slugs_apart_from_the_csv_ids():
    assert custom_sets.new_set_id("Cities like Guangyuan!", set()) == "custom-cities-like-guangyuan"
    assert custom_sets.new_set_id("相似", {"custom-set"}) == "custom-set-2"
    assert custom_sets.ID_PATTERN.match(custom_sets.new_set_id("x" * 100, set()))


# --- the command line -----------------------------------------------------------------------------------------


def test_unionbench_peers_writes_csv_of_the_k_nearest_without_the_home(demo_db_path, capsys):
    assert main(["--db", str(demo_db_path), "peers", "--region", "广元市", "--k", "4"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 4 and GUANGYUAN not in {r["region_code"] for r in rows}
    assert {"region_code", "region_name", "level", "distance", "similar_in"} <= set(rows[0])
    assert [float(r["distance"]) for r in rows] == sorted(float(r["distance"]) for r in rows)
    assert main(["--db", str(demo_db_path), "peers", "--region", GUANGYUAN, "--k", "4"]) == 0
    assert list(csv.DictReader(io.StringIO(capsys.readouterr().out))) == rows


def test_unionbench_peers_refuses_what_it_cannot_read(demo_db_path, capsys):
    assert main(["--db", str(demo_db_path), "peers", "--region", "nowhere"]) == 2
    assert main(["--db", str(demo_db_path), "peers", "--region", GUANGYUAN, "--k", "0"]) == 2
    assert main(["--db", str(demo_db_path), "peers", "--region", GUANGYUAN, "--within", "planet"]) == 2
    assert main(["--db", str(demo_db_path), "peers", "--region", "110101"]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_unionbench_sets_add_list_remove(writable_db, capsys):
    db = ["--db", str(writable_db)]
    add = ["sets", "add", "--id", "like-us", "--name-zh", "相似城市", "--name-en", "Like us", "--members",
           "南充市,511800", "--rule", "average", "--user", "demo"]  # fmt: skip
    assert main(db + add) == 0
    assert main(db + add) == 1  # the id is taken now
    assert "like-us" in capsys.readouterr().err
    assert main([*db, "sets", "list"]) == 0
    line = next(r for r in capsys.readouterr().out.splitlines() if r.startswith("like-us"))
    assert line.split("\t")[:6] == ["like-us", "custom", "average", "相似城市", "Like us", "511300 511800"]
    assert "demo" in line
    assert main([*db, "compare", "--benchmark", "Like us"]) == 0
    capsys.readouterr()
    assert main([*db, "sets", "remove", "suineilu", "--user", "demo"]) == 1
    assert main([*db, "sets", "remove", "like-us", "--user", "cangxi"]) == 1  # a reporter edits no set
    assert main([*db, "sets", "remove", "like-us", "--user", "demo"]) == 0
    assert main([*db, "sets", "list"]) == 0
    assert not [r for r in capsys.readouterr().out.splitlines() if r.startswith("like-us")]


@pytest.mark.parametrize(("rule", "words"), [("average", "算术平均"), ("best", "最好的城市")])
def test_the_briefing_names_a_custom_set_and_says_how_its_reference_is_formed(writable_db, rule, words, undrawn_charts):
    from unionbench.briefing import build_briefing

    custom_sets.save_set(writable_db, draft(rule=rule), "alice")
    replica, store = reader(writable_db)
    try:
        briefing = build_briefing(store, Selection(GUANGYUAN, "custom-like-us", "2026Q3"))
    finally:
        replica.close()
    assert "相似城市" in dict(briefing.meta)["对标"]
    method = [item for s in briefing.sections for b in s.blocks if hasattr(b, "items") for item in b.items]
    assert any(words in line for line in method)


@pytest.mark.parametrize(
    "name",
    ["[重新登录](http://evil.example)", "www.evil.example", "<script>alert(1)</script>", "**粗体**", "a_b",
     "![t](http://127.0.0.1:9/x.png)", "x" * 41, "换\n行"],
)  # fmt: skip
def test_a_set_name_that_could_be_a_link_or_markup_is_refused(writable_db, name):
    with pytest.raises(custom_sets.SetRejected) as refused:
        custom_sets.save_set(writable_db, draft(name_en=name), "alice")
    assert [(p.field, p.value) for p in refused.value.problems] == [("name_en", name.strip())]


def test_plain_names_in_either_script_are_accepted(writable_db):
    names = {"name_zh": "川东北·相近城市（5）", "name_en": "Guangyuan's peers, NE Sichuan"}
    custom_sets.save_set(writable_db, draft(**names), "alice")
    with writer(writable_db) as primary:
        assert custom_sets.custom_sets(primary).iloc[0][["name_zh", "name_en"]].to_dict() == names


def test_the_catalogue_marks_the_size_figures_structural_and_refuses_a_structural_rate():
    from unionbench.catalog import catalogue_problems, read_indicators

    catalogue = read_indicators()
    assert set(catalogue.loc[catalogue["structural"], "id"]) == set(STRUCTURAL)
    broken = catalogue.copy()
    broken.loc[broken["id"] == "org_rate", "structural"] = True
    assert catalogue_problems(catalogue) == []
    assert catalogue_problems(broken) == [
        "org_rate: a structural figure is a summed size (a count or people), not a rate"
    ]
