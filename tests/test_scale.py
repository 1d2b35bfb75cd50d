"""The national dataset (unionbench.scale): deterministic, complete, plausible, accepted by the real ingest checks."""

import datetime as dt

import numpy as np
import pytest

from unionbench import scale
from unionbench.cli import main
from unionbench.ingest import prepare
from unionbench.initdb import initialise
from unionbench.store import Replica, writer

pytestmark = pytest.mark.system  # the national dataset: every county for ten years

GUANGYUAN = ["510800", "510802", "510811", "510812", "510821", "510822", "510823", "510824"]


@pytest.fixture(scope="module")
def reference_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("scale") / "reference.duckdb"
    with writer(path) as store:
        initialise(store, demo=False)
    return path


@pytest.fixture(scope="module")
def reference(reference_db):
    reader = Replica(reference_db)
    yield reader.current()
    reader.close()


@pytest.fixture(scope="module")
def national(reference):
    return scale.generate(reference)


def test_the_national_dataset_covers_every_county_and_city_every_reported_indicator_and_40_quarters(
    reference, national
):
    regions = reference.query("region_index")
    catalogue = reference.query("indicator_catalogue")
    reported = set(catalogue.loc[catalogue.aggregation == "sum", "id"])
    assert set(national.region) == set(regions.adcode[regions.level.isin(["county", "city"])])
    assert set(national.indicator) == reported
    assert national.period.nunique() == 40 and national.period.max() == "2026Q3"
    assert len(national) == national.region.nunique() * len(reported) * 40 > 2_000_000
    assert not national.duplicated(["region", "indicator", "period"]).any()


def test_the_national_dataset_is_the_same_every_time(reference, national):
    assert scale.fingerprint(scale.generate(reference)) == scale.fingerprint(national)


def test_a_city_reports_the_sum_of_its_counties(national):
    wide = national[national.region.isin(GUANGYUAN)].pivot_table(
        index=["indicator", "period"], columns="region", values="value"
    )
    assert np.allclose(wide["510800"], wide[GUANGYUAN[1:]].sum(axis=1))


def test_parts_stay_under_their_wholes_stocks_never_fall_and_nothing_is_negative(national):
    wide = national.pivot_table(index=["region", "period"], columns="indicator", values="value")
    assert (national.value >= 0).all()
    assert (wide.unions_established <= wide.enterprises_eligible).all()
    assert (wide.members <= wide.workers).all()
    assert (wide.problems_rectified <= wide.problems_identified).all()
    stations = wide.outdoor_stations.unstack("period")
    assert (stations.diff(axis=1).iloc[:, 1:] >= 0).all().all()


def test_a_citys_ten_years_pass_the_real_upload_checks_without_a_problem(reference, national):
    rows = national[national.region.isin(GUANGYUAN)]
    content = rows.rename(columns={"region": "地区", "indicator": "指标", "period": "季度", "value": "数值"})
    prepared = prepare(
        content.to_csv(index=False).encode("gb18030"), "广元.csv", reference, today=dt.date(2026, 11, 23)
    )
    assert prepared.errors == [] and prepared.warnings == []
    assert len(prepared.observations) == len(rows)


def test_unionbench_scale_builds_a_published_database_once(tmp_path, monkeypatch, capsys, national):
    small = national[national.region.str.startswith("5108")]  # the bulk path is the same for any size
    monkeypatch.setattr(scale, "generate", lambda store: small.reset_index(drop=True))
    out = tmp_path / "national.duckdb"
    assert main(["scale", "--out", str(out)]) == 0
    assert f"{len(small):,} figures" in capsys.readouterr().out
    assert main(["--db", str(out), "scale"]) == 0
    assert "nothing changed" in capsys.readouterr().out
    reader = Replica(out)
    status = reader.current().query("data_status").iloc[0]
    assert status["observations"] == len(small) and status["has_demo"]  # synthetic data is labelled as demo
    assert len(reader.current().query("targets", regions=["510800"], year=2026)) > 0  # the targets page has work
    reader.close()
