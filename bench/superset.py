"""Our read calls against Apache Superset's chart-data on the same DuckDB file, each beside the raw DuckDB floor.

Two views of the national database (`unionbench scale --out DB`, 2.18 M figures), as the pages ask for them:
- the province-wide county ranking: rankings.indicator_ranking (the rankings page, scope province_counties);
- the 8-quarter trend: series.series of the home and its benchmark cities (the trends page's default regions).
"Ours" is the read call itself, uncached (as Superset's force=true): SQL, labels and frame work included.
"Superset" is POST /api/v1/chart/data with force=true on a virtual dataset whose SQL is the same named query with
its parameters written in, on the same snapshot file (read-only). "Floor" is that SQL alone on a bare read-only
DuckDB connection, fetched as a DataFrame. Runs alternate (ours, Superset, floor) so a load change hits all three;
each figure is the median. Goal: Superset ÷ ours ≥ 3.

Superset is installed apart from the project, never as its dependency (README, "Bench"); with no Superset answering
at --url the script says so and exits 0. It creates (or replaces) its DuckDB connection and two datasets through
the REST API on each run, so they always point at the current snapshot and the current SQL.

    python bench/superset.py --db var/national.duckdb [--url http://127.0.0.1:8088] [--user admin] [--runs 9]
    (password: $SUPERSET_PASSWORD, default admin)
"""

import argparse
import datetime as dt
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL = 3.0  # Superset's time ÷ ours
DATABASE_NAME = "unionbench national (bench, read-only)"
DATASET_PREFIX = "unionbench_bench_"


def literal(value) -> str:
    """A bound parameter written into SQL text, as Superset's virtual dataset needs it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    return "'" + str(value).replace("'", "''") + "'"


def inline(sql: str, params: dict) -> str:
    """queries/<name>.sql with its $parameters replaced by literals (comments dropped: Superset wraps the text)."""
    sql = re.sub(r"--[^\n]*", "", sql).strip().rstrip(";")
    return re.sub(r"\$([a-z_]+)\b", lambda m: literal(params[m.group(1)]), sql)


class Superset:
    """The few REST calls the bench needs, with a bearer token."""

    def __init__(self, url: str, user: str, password: str):
        import requests

        self.url = url.rstrip("/")
        self.http = requests.Session()
        token = self.post("/api/v1/security/login", {"username": user, "password": password, "provider": "db"})
        self.http.headers["Authorization"] = f"Bearer {token['access_token']}"

    def call(self, method: str, path: str, body: dict | None = None) -> dict:
        response = self.http.request(method, self.url + path, json=body, timeout=300)
        if response.status_code >= 400:
            raise RuntimeError(f"Superset {method} {path}: {response.status_code} {response.text[:500]}")
        return response.json() if response.content else {}

    def post(self, path: str, body: dict) -> dict:
        return self.call("POST", path, body)

    def listing(self, what: str) -> list[dict]:
        return self.call("GET", f"/api/v1/{what}/?q=(page_size:100)")["result"]

    def database(self, snapshot: Path) -> int:
        """The bench's DuckDB connection, pointed at `snapshot` read-only (replaced when it pointed elsewhere)."""
        uri = f"duckdb:///{snapshot}"
        extra = json.dumps({"engine_params": {"connect_args": {"read_only": True}}})
        for found in self.listing("database"):
            if found["database_name"] == DATABASE_NAME:
                self.call("PUT", f"/api/v1/database/{found['id']}", {"sqlalchemy_uri": uri, "extra": extra})
                return found["id"]
        body = {"database_name": DATABASE_NAME, "sqlalchemy_uri": uri, "extra": extra, "expose_in_sqllab": True}
        return self.post("/api/v1/database/", body)["id"]

    def dataset(self, database: int, name: str, sql: str) -> int:
        """A virtual dataset with `sql`, made anew (an older one of that name is deleted first)."""
        for found in self.listing("dataset"):
            if found["table_name"] == DATASET_PREFIX + name:
                self.call("DELETE", f"/api/v1/dataset/{found['id']}")
        body = {"database": database, "schema": "main", "table_name": DATASET_PREFIX + name, "sql": sql}
        return self.post("/api/v1/dataset/", body)["id"]

    def chart_data(self, dataset: int, columns: list[str]) -> int:
        """POST /api/v1/chart/data, force=true: every column of the dataset, unaggregated; returns the row count."""
        body = {
            "datasource": {"id": dataset, "type": "table"},
            "force": True,
            "queries": [{"columns": columns, "metrics": [], "orderby": [], "row_limit": 100_000, "filters": []}],
            "result_format": "json",
            "result_type": "full",
        }
        return self.post("/api/v1/chart/data", body)["result"][0]["rowcount"]


def running(url: str) -> bool:
    import requests

    try:
        return requests.get(url.rstrip("/") + "/health", timeout=5).ok
    except requests.RequestException:
        return False


def views(db: Path):
    """The two views as (name, our call, named query, its parameters), on the national database's settings."""
    from unionbench.periods import shift
    from unionbench.read import comparison, rankings, series
    from unionbench.read.selection import Selection
    from unionbench.read.views import catalogue
    from unionbench.settings import home_of, read_settings
    from unionbench.store import replica

    store = replica(db).current()
    home, benchmark = home_of(store), read_settings(store).benchmark
    period = store.scalar("latest_period", region=home)
    indicator = catalogue(store, "zh")["outdoor_stations"]
    ranking_sel = Selection(home, benchmark, period, scope="province_counties")
    peers = comparison.peer_regions(store, ranking_sel)
    basis = rankings.ranking_basis(indicator, ranking_sel.per_10k)
    ranking_params = {
        "regions": peers,
        "indicator": indicator.id,
        "period": period,
        "quarter_ago": shift(period, -1),
        "year_ago": shift(period, -4),
        "on_value": basis == "value",
        "lower": indicator.direction == "lower",
    }
    trend_sel = Selection(home, benchmark, period)
    cities = comparison.peer_regions(store, trend_sel)  # the home and its benchmark cities
    trend_params = {"regions": cities, "indicator": indicator.id, "periods": series.quarters_back(period, 8)}
    return store, [
        (
            f"province-wide county ranking ({len(peers)} counties, 3 quarters)",
            lambda: rankings.indicator_ranking(store, ranking_sel, indicator),
            "indicator_ranking",
            ranking_params,
        ),
        (
            f"8-quarter trend ({len(cities)} cities)",
            lambda: series.series(store, trend_sel, cities, indicator, 8),
            "indicator_by_region",
            trend_params,
        ),
    ]


def compare(db: Path, url: str, user: str, password: str, runs: int) -> list[tuple[str, dict]]:
    """Each view's median seconds (ours, Superset, floor) over `runs` alternating runs; [] with no Superset at url."""
    if not running(url):
        return []
    from unionbench.store import load_query

    store, measured = views(db)
    superset = Superset(url, user, password)
    database = superset.database(store.path)
    bare = store.cursor()  # DuckDB itself on the same attached snapshot: the floor
    rows = []
    for name, ours, query, params in measured:
        sql = inline(load_query(query), params)
        columns = list(bare.execute(sql).df().columns)
        dataset = superset.dataset(database, query, sql)
        expected = len(bare.execute(sql).df())
        ours(), superset.chart_data(dataset, columns)  # warm: the first call of each reads the file's pages
        times = {"ours": [], "superset": [], "floor": []}
        for _ in range(runs):
            started = time.perf_counter()
            ours()
            times["ours"].append(time.perf_counter() - started)
            started = time.perf_counter()
            count = superset.chart_data(dataset, columns)
            times["superset"].append(time.perf_counter() - started)
            started = time.perf_counter()
            bare.execute(sql).df()
            times["floor"].append(time.perf_counter() - started)
            if count != expected:
                raise RuntimeError(f"Superset returned {count} rows of {name}, the query {expected}")
        rows.append((name, {k: statistics.median(v) for k, v in times.items()}))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="the national database (unionbench scale --out DB)")
    parser.add_argument("--url", default="http://127.0.0.1:8088", help="Superset's address")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    from bench.common import commit

    load_before = os.getloadavg()
    rows = compare(args.db, args.url, args.user, os.environ.get("SUPERSET_PASSWORD", "admin"), args.runs)
    if not rows:
        print(f"Superset is not running at {args.url} (README, Bench: how to start it apart): skipped")
        return 0
    load_after = os.getloadavg()
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    loads = " / ".join(" ".join(f"{x:.1f}" for x in load) for load in (load_before, load_after))
    print(f"{when} · commit {commit()} · load {loads} (before / after) on {os.cpu_count()} cores · {args.db.name}")
    print(f"median of {args.runs} alternating runs; Superset = chart-data, force=true; floor = the SQL on bare DuckDB")
    for name, t in rows:
        lead = t["superset"] / t["ours"]
        print(
            f"- {name}: ours {t['ours'] * 1000:.1f} ms (floor {t['floor'] * 1000:.1f} ms, ours ÷ floor "
            f"{t['ours'] / t['floor']:.1f}×) · Superset {t['superset'] * 1000:.0f} ms · Superset ÷ ours {lead:.1f}× "
            f"(goal ≥ {GOAL:g}×: {'met' if lead >= GOAL else 'NOT met'})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
