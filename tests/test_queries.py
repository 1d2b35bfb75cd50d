"""Every named query runs on the demo database and returns rows (an empty result is a broken query)."""

import re
from pathlib import Path

import pytest

from unionbench.store import query_names

ROOT = Path(__file__).resolve().parent.parent

PARAMETERS = {
    "benchmark_members": {"set_id": "suineilu"},
    "benchmark_sets": {},
    "home_regions": {},
    "values_with_provenance": {"regions": ["510800", "510822"], "indicators": ["org_rate"], "periods": ["2026Q3"]},
    "child_regions": {"parent": "510800"},
    "child_regions_of": {"parents": ["510800", "510900"]},
    "city_county_figures": {"cities": ["510800"], "periods": ["2026Q3"]},
    "data_status": {},
    "data_version": {},
    "export_current": {},
    "indicator_catalogue": {},
    "indicator_figure_counts": {},
    "validation_rules": {},
    "latest_period": {"region": "510800"},
    "periods_with_data": {"region": "510800"},
    "province_peers": {"region": "510824"},
    "region_names": {"adcodes": ["510800", "510824"]},
    "region_index": {},
    "reference_fingerprint": {},
    "schema_version": {},
    "publish_state": {},
    "region_aliases": {},
    "reporting_regions": {"parents": ["510800"], "periods": ["2026Q3"]},
    "uploads": {},
    "uploads_behind_figures": {"regions": ["510800", "510824"], "periods": ["2026Q2", "2026Q3"]},
    "upload_by_id": {"upload_id": 1},
    "figure_history": {"region": "510812", "indicator": "funds_government", "period": "2023Q2"},
    "regions_with_data": {"level": "county"},
    "targets": {"regions": ["510800", "510822"], "year": 2026},
    "upload_by_sha256": None,  # looked up below: the demo upload's own hash
    "values_by_region": {"regions": ["510800"], "periods": ["2026Q3"]},
    "compared_figures": {"regions": ["510800", "510824"], "periods": ["2026Q2", "2026Q3"]},
    "reference_levels": {"regions": ["510900", "511000", "510500"], "periods": ["2026Q3"], "rule": "pooled"},
    "regions_at_level": {"level": "county", "province": "510000"},
    "region_facts": {"adcode": "510824"},
    "structural_figures": {"level": "city", "province": "510000"},
    "cities": {},
    # accounts, submissions, the tracker, the audit log
    "accounts": {},
    "account_hashes": {},
    "audit_log": {"since": None},
    "setting": {"key": "deadline_days"},
    "settings": {},
    "submissions": {"period": "2026Q4"},
    "submission_by_id": {"submission_id": 1},
    "submission_rows": {"submission_id": 1},
    "tracker": {"home": "510800", "period": "2026Q4"},
    # the set-up hand-over and the targets export
    "all_targets": {"year": None},
    "table_columns": {"table": "indicators"},
    "table_rows": {"table": "indicators"},
    # names in any language: the translation rows and one field of one kind in a language
    "name_rows": {},
    "texts_in_language": {"kind": "indicator", "lang": "en"},
    "sign_in_events": {"window": 3600.0, "who": "someone", "address": "10.0.0.9"},
    "indicator_by_region": {"regions": ["510800"], "indicator": "org_rate", "periods": ["2026Q3"]},
    "indicator_ranking": {
        "regions": ["510802", "510811", "510824"],
        "indicator": "org_rate",
        "period": "2026Q3",
        "quarter_ago": "2026Q2",
        "year_ago": "2025Q3",
        "on_value": False,
        "lower": False,
    },
}
# Run on a copy of the demo database with one submission and a deadline set: the demo has neither.
REPORTING_QUERIES = {"setting", "submissions", "submission_by_id", "submission_rows", "sign_in_events"}


@pytest.fixture(scope="module")
def reporting_store(demo_db_path, tmp_path_factory):
    import datetime as dt

    from tests.conftest import published_copy
    from unionbench.accounts import Account
    from unionbench.audit import record_sign_in_failure
    from unionbench.ingest import Upload
    from unionbench.store import Replica
    from unionbench.submissions import submit_file
    from unionbench.tracker import set_deadline_days

    path = published_copy(demo_db_path, tmp_path_factory.mktemp("reporting"))
    data = "地区,职工培训,季度\n苍溪县,7,2026Q4\n".encode()
    account = Account("cangxi", "reporter", "510824")
    submit_file(path, Upload(data, "苍溪.csv", "2026Q4", dt.date(2026, 12, 1)), account)
    set_deadline_days(path, 20, "test")
    record_sign_in_failure(path, "someone", "10.0.0.9")
    set_deadline_days(path, 21, "test")  # publishes a snapshot that holds the failure too
    reader = Replica(path)
    yield reader.current()
    reader.close()


def test_every_query_file_has_parameters_in_this_test():
    assert sorted(PARAMETERS) == query_names()


@pytest.mark.parametrize("name", query_names())
def test_every_query_runs_on_the_demo_database_and_returns_rows(store, name, request):
    params = PARAMETERS[name]
    if name in REPORTING_QUERIES:
        store = request.getfixturevalue("reporting_store")
    if params is None:
        with store.cursor() as cur:
            params = {"sha256": cur.execute("select sha256 from uploads limit 1").fetchone()[0]}
    frame = store.query(name, **params)
    assert len(frame) > 0


SOURCE_FOLDERS = ("unionbench", "components", "app_pages", "bench")
PYTHON_SOURCES = [p for folder in SOURCE_FOLDERS for p in (ROOT / folder).rglob("*.py")]
FORMATTED_SQL = re.compile(r"""(execute|sql|query)\(\s*f["']|(execute|sql|query)\(.*\.format\(""")


@pytest.mark.parametrize("path", PYTHON_SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_python_code_formats_values_into_sql(path):
    offending = [line for line in path.read_text(encoding="utf-8").splitlines() if FORMATTED_SQL.search(line)]
    assert offending == []


def test_pages_and_components_hold_no_sql():
    for path in [*(ROOT / "app_pages").glob("*.py"), *(ROOT / "components").glob("*.py")]:
        text = path.read_text(encoding="utf-8").lower()
        assert not re.search(r"\bselect\b.+\bfrom\b", text), path


def test_latest_period_and_benchmark_rules_answer_correctly(store):
    assert store.scalar("latest_period", region="510800") == "2026Q3"
    assert len(store.query("benchmark_members", set_id="sichuan_best")) == 21
    assert store.query("benchmark_members", set_id="yangzhou")["adcode"].tolist() == ["321000"]
