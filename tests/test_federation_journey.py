"""A federation that is not the demo's sets itself up from an empty database with commands only: Jiaozuo (焦作市)
against Xuchang and Yangzhou, its own indicator, targets, a reporter, two quarters — then every default is its own."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import ROOT
from unionbench.store import replica

pytestmark = pytest.mark.system

HOME, SET_ID = "410800", "jzpeers"
ADMIN, REPORTER, PASSWORD = "zhangsan", "wenxian", "jiaozuo-2026!"
BOOKHOUSES = {
    "id": "bookhouses", "name_zh": "职工书屋", "name_en": "Worker bookhouses", "group_id": "service",
    "group_zh": "服务阵地", "group_en": "Service stations", "unit": "个", "unit_en": "units", "kind": "count",
    "direction": "higher", "aggregation": "sum", "numerator": "", "denominator": "", "stock_flow": "stock",
    "per_capita_base": "workers", "amber_band": "10", "headline": "1", "structural": "0", "decimals": "0",
    "sort_order": "15", "description_zh": "季末在用的职工书屋数量。", "description_en": "Worker bookhouses in use.",
}  # fmt: skip


def run(db: Path, *args: str, stdin: str | None = None, expect: int = 0) -> str:
    """One `unionbench` command as an operator types it; its standard output."""
    done = subprocess.run(
        [sys.executable, "-m", "unionbench", "--db", str(db), *args],
        input=stdin, capture_output=True, text=True, check=False, cwd=db.parent,
    )  # fmt: skip
    assert done.returncode == expect, f"{args}: {done.stdout}\n{done.stderr}"
    assert "Traceback" not in done.stderr
    return done.stdout


def counties(db: Path, city: str) -> list[str]:
    return list(replica(db).current().query("child_regions", parent=city)["adcode"])


def figures_csv(path: Path, regions: list[str], period: str, scale: float) -> Path:
    """Workers, outdoor stations and bookhouses for each region: a long file as a city office sends it."""
    lines = ["地区,指标,季度,数值"]
    for i, region in enumerate(regions):
        workers = 20000 + 1000 * i
        lines += [
            f"{region},职工人数,{period},{workers}",
            f"{region},outdoor_stations,{period},{round(workers / 1000 * scale)}",
            f"{region},职工书屋,{period},{round(workers / 2000 * scale)}",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="gb18030")
    return path


def test_a_new_federation_gets_from_init_to_its_first_meeting_with_commands_only(tmp_path):
    tracked = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
    db = tmp_path / "jiaozuo.duckdb"
    run(db, "init")
    run(db, "users", "add", ADMIN, "--role", "admin", "--password-stdin", stdin=PASSWORD + "\n")
    run(db, "settings", "home", "焦作市", "--user", ADMIN)
    run(db, "sets", "add", "--id", SET_ID, "--name-zh", "许扬", "--name-en", "Xuchang & Yangzhou",
        "--members", "许昌市,扬州市", "--user", ADMIN)  # fmt: skip
    run(db, "settings", "benchmark", SET_ID, "--user", ADMIN)
    catalogue = tmp_path / "indicators.csv"
    catalogue.write_text(",".join(BOOKHOUSES) + "\n" + ",".join(BOOKHOUSES.values()) + "\n", encoding="utf-8")
    run(db, "indicators", "import", str(catalogue), "--user", ADMIN)
    home_counties = counties(db, HOME)
    reporter_county = next(c for c in home_counties if c == "410825")  # 温县
    run(db, "users", "add", REPORTER, "--role", "reporter", "--region", "温县", "--password-stdin", "--user", ADMIN,
        stdin=PASSWORD + "\n")  # fmt: skip
    targets = tmp_path / "targets.csv"
    targets.write_text("地区,指标,年度,目标值\n焦作市,职工书屋,2026,200\n温县,职工书屋,2026,20\n", encoding="gb18030")
    run(db, "targets", "import", str(targets), "--user", ADMIN)

    benchmark_counties = counties(db, "411000") + counties(db, "321000")
    others = [c for c in home_counties if c != reporter_county]
    for period, scale in (("2026Q2", 1.0), ("2026Q3", 1.1)):
        run(db, "ingest", str(figures_csv(tmp_path / f"bench-{period}.csv", benchmark_counties, period, 1.5)),
            "--user", ADMIN)  # fmt: skip
        run(db, "ingest", str(figures_csv(tmp_path / f"home-{period}.csv", others, period, scale)), "--user", ADMIN)
    run(db, "ingest", str(figures_csv(tmp_path / "wen-2026Q2.csv", [reporter_county], "2026Q2", 1.0)), "--user", ADMIN)
    run(db, "ingest", str(figures_csv(tmp_path / "wen.csv", [reporter_county], "2026Q3", 1.1)), "--user", REPORTER)
    (waiting,) = csv.DictReader(io.StringIO(run(db, "submissions")), delimiter="\t")
    assert (waiting["status"], waiting["region"]) == ("submitted", reporter_county)
    run(db, "approve", waiting["id"], "--user", ADMIN)

    rows = list(csv.DictReader(io.StringIO(run(db, "compare"))))
    by_id = {row["indicator"]: row for row in rows}
    assert by_id["bookhouses"]["basis"] == "per_10k_workers"
    assert by_id["bookhouses"]["home_period"] == "2026Q3" and by_id["bookhouses"]["verdict"] == "behind"
    status = list(csv.DictReader(io.StringIO(run(db, "status", "--period", "2026Q3"))))
    assert {row["region_code"] for row in status} == set(home_counties)
    assert {row["status"] for row in status if row["region_code"] == reporter_county} == {"approved"}
    run(db, "briefing", "--out", str(tmp_path / "briefing.docx"))
    assert (tmp_path / "briefing.docx").stat().st_size > 10_000

    before = (run(db, "settings"), run(db, "indicators", "list"), run(db, "targets", "export"), run(db, "sets", "list"))
    run(db, "init")
    assert (run(db, "settings"), run(db, "indicators", "list"), run(db, "targets", "export"),
            run(db, "sets", "list")) == before  # fmt: skip

    config = tmp_path / "config.json"
    run(db, "config", "export", "--out", str(config))
    assert PASSWORD not in config.read_text(encoding="utf-8") and "password" not in json.loads(config.read_text())
    other = tmp_path / "handed-over.duckdb"
    run(other, "init")
    run(other, "config", "import", str(config))
    assert run(other, "settings") == before[0] and run(other, "indicators", "list") == before[1]
    assert run(other, "targets", "export") == before[2]
    assert subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout == tracked
