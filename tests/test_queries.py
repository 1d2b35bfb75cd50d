"""Every named query runs on the demo database and returns rows (an empty result is a broken query)."""

import pytest

from unionbench.store import load_query, query_names

PARAMETERS = {
    "benchmark_members": {"set_id": "suineilu"},
    "benchmark_sets": {},
    "child_regions": {"parent": "510800"},
    "data_status": {},
    "data_version": {},
    "export_current": {},
    "indicator_catalogue": {},
    "latest_period": {"region": "510800"},
    "periods_with_data": {"region": "510800"},
    "region_names": {"adcodes": ["510800", "510824"]},
    "regions_with_data": {"level": "county"},
    "upload_by_sha256": None,  # looked up below: the demo upload's own hash
    "values_by_region": {"regions": ["510800"], "periods": ["2026Q3"]},
}


def test_every_query_file_has_parameters_in_this_test():
    assert sorted(PARAMETERS) == query_names()


@pytest.mark.parametrize("name", query_names())
def test_every_query_runs_on_the_demo_database_and_returns_rows(store, name):
    params = PARAMETERS[name]
    if params is None:
        with store._con.cursor() as cur:
            params = {"sha256": cur.execute("select sha256 from uploads limit 1").fetchone()[0]}
    frame = store.query(name, **params)
    assert len(frame) > 0
    assert frame.notna().any().all(), f"{name} returned an all-null column"


@pytest.mark.parametrize("name", query_names())
def test_queries_bind_parameters_instead_of_formatting_them(name):
    text = load_query(name)
    assert "{" not in text and "%s" not in text


def test_latest_period_and_benchmark_rules_answer_correctly(store):
    assert store.scalar("latest_period", region="510800") == "2026Q3"
    assert len(store.query("benchmark_members", set_id="sichuan_best")) == 21
    assert store.query("benchmark_members", set_id="yangzhou")["adcode"].tolist() == ["321000"]
