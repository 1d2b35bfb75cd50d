"""Ingest figures: read + check + commit a long CSV of 10k and 100k observations (GB18030, as staff send them),
through the same path as the upload page and `unionbench ingest`. Target: 100k in ≤ 5 s. Prints a table.
"""

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from unionbench.ingest import Upload, commit_file, prepare  # noqa: E402
from unionbench.initdb import initialise  # noqa: E402
from unionbench.periods import periods_between  # noqa: E402
from unionbench.store import writer  # noqa: E402

# Parts stay under their wholes (members < workers, unions < enterprises, rectified < identified).
LEVELS = {"workers": 100_000, "members": 80_000, "enterprises_eligible": 1_000, "problems_identified": 100}


def long_csv(store, observations: int) -> bytes:
    """A long table (地区 as city + county, 指标, 季度, 数值) over Sichuan's counties, every reported indicator
    and as many quarters as it takes."""
    catalogue = store.query("indicator_catalogue")
    indicators = catalogue[catalogue.aggregation == "sum"]
    regions = store.query("region_index")
    counties = regions[regions.adcode.str.startswith("51") & (regions.level == "county")]
    city_names = dict(zip(regions.adcode, regions.name_zh, strict=True))
    names = counties.parent.map(city_names) + counties.name_zh  # 内江市市中区: 市中区 alone is ambiguous
    per_quarter = len(counties) * len(indicators)
    quarters = periods_between("2010Q1", "2026Q3")[-(observations // per_quarter + 1) :]
    rows = [
        (county, name, quarter, LEVELS.get(indicator, 10) + (i % 7))
        for quarter in quarters
        for i, county in enumerate(names)
        for indicator, name in zip(indicators.id, indicators.name_zh, strict=True)
    ][:observations]
    frame = pd.DataFrame(rows, columns=["地区", "指标", "季度", "数值"])
    return frame.to_csv(index=False).encode("gb18030")


def figures(observations: int, workdir: Path) -> dict:
    db = workdir / f"ingest{observations}.duckdb"
    with writer(db) as store:
        initialise(store, demo=False)
        content = long_csv(store, observations)
    with writer(db) as store:
        started = time.perf_counter()
        prepared = prepare(content, "bench.csv", store, today=dt.date(2026, 11, 23))
        checked = time.perf_counter() - started
    assert prepared.ok, prepared.problem_table().head()
    started = time.perf_counter()
    outcome = commit_file(db, Upload(content, "bench.csv", today=dt.date(2026, 11, 23)), "bench")
    total = time.perf_counter() - started
    return {
        f"{observations:,} obs: file size": f"{len(content) / 1e6:.1f} MB",
        f"{observations:,} obs: read + check (preview)": f"{checked:.2f} s",
        f"{observations:,} obs: commit_file (check again under lock + commit + snapshot)": f"{total:.2f} s",
        f"{observations:,} obs: rows added": f"{outcome.result.added:,}",
    }


def results() -> dict:
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in (10_000, 100_000):
            rows.update(figures(size, Path(tmp)))
    return rows


def print_rows(rows: dict) -> None:
    """Figures as a two-column table: name, value."""
    width = max(map(len, rows))
    print(f"{'figure'.ljust(width)}  value")
    for name, value in rows.items():
        print(f"{name.ljust(width)}  {value}")


def main() -> None:
    print_rows(results())


if __name__ == "__main__":
    main()
