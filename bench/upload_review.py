"""What the template and the clerk's preview cost: building the city's template (CSV and
XLSX with instructions and validation), and the review rows for one quarter of Guangyuan's counties (119 figures)
and for every Sichuan county with last quarter's figures (the demo's 24 counties, 408 figures: Guangyuan's and the
benchmark cities').

    .venv/bin/python bench/upload_review.py         # prints a table; figures vary with the machine's load
"""

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import demo_database  # noqa: E402
from bench.ingest import print_rows  # noqa: E402
from unionbench.ingest import prepare, preview  # noqa: E402
from unionbench.ingest.review import review_rows  # noqa: E402
from unionbench.store import Replica  # noqa: E402
from unionbench.templates import template_files  # noqa: E402

AFTER_Q4 = dt.date(2027, 1, 15)
RUNS = 3


def best_ms(action) -> str:
    """The best of RUNS runs in milliseconds (the machine is shared)."""
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return f"{min(times) * 1000:,.0f} ms"


def next_quarter_file(store, parent_prefix: str, level_parent: str | None) -> bytes:
    """Last quarter's figures of the chosen counties, 2 % higher, as a long CSV for 2026Q4."""
    regions = store.query("region_index")
    counties = regions[(regions.level == "county") & regions.adcode.str.startswith(parent_prefix)]
    if level_parent:
        counties = counties[counties.parent == level_parent]
    catalogue = store.query("indicator_catalogue").set_index("id")
    figures = store.query("values_by_region", regions=list(counties.adcode), periods=["2026Q3"])
    figures = figures[figures.indicator.map(catalogue.aggregation) == "sum"]
    lines = ["region_code,指标,季度,数值"]
    for row in figures.itertuples(index=False):
        whole = catalogue.kind[row.indicator] in ("count", "people")
        value = row.value * 1.02
        lines.append(f"{row.region},{row.indicator},2026Q4,{round(value) if whole else round(value, 2)}")
    return "\n".join(lines).encode()


def review_cost(store, content: bytes) -> tuple[int, str]:
    prepared = prepare(content, "bench.csv", store, today=AFTER_Q4)
    assert prepared.ok, prepared.problem_table()
    changes = preview(store, prepared).changes
    return len(changes), best_ms(lambda: review_rows(store, prepared.observations, changes, "zh"))


def main() -> None:
    with tempfile.TemporaryDirectory() as directory:
        reader = Replica(demo_database(directory, "bench.duckdb"))
        store = reader.current()
        template = best_ms(lambda: template_files(store, "510800", "2026Q4"))
        rows = {"template, Guangyuan (119 rows, CSV + XLSX)": template}
        for label, prefix, parent in (("Guangyuan", "5108", "510800"), ("Sichuan", "51", None)):
            count, cost = review_cost(store, next_quarter_file(store, prefix, parent))
            rows[f"review rows, {label} ({count:,} figures)"] = cost
        reader.close()
    print_rows(rows)


if __name__ == "__main__":
    main()
