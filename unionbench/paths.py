"""Where the project's files live, and which database to use."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
QUERIES_DIR = PROJECT_ROOT / "queries"
INDICATORS_CSV = DATA_DIR / "indicators.csv"
BENCHMARK_SETS_CSV = DATA_DIR / "benchmark_sets.csv"
DEMO_OBSERVATIONS_CSV = DATA_DIR / "demo" / "observations.csv"
DEMO_TARGETS_CSV = DATA_DIR / "demo" / "targets.csv"
DEFAULT_DB = PROJECT_ROOT / "var" / "unionbench.duckdb"


def resolve_db_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database path: an explicit one (--db), else $UNIONBENCH_DB, else var/ under the project."""
    chosen = explicit or os.environ.get("UNIONBENCH_DB") or DEFAULT_DB
    path = Path(chosen)
    return path if path.is_absolute() else (Path.cwd() / path)


def cache_dir_for(db_path: Path) -> Path:
    """Built caches (boundary layers) sit beside the database they belong to."""
    return db_path.parent / f"{db_path.stem}.cache"
