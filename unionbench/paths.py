"""Where the project's files live, and which database to use.

The SQL (queries/), the bundled data (data/) and the Streamlit app (dashboard.py, app_pages/, components/,
.streamlit/config.toml) are package data of `unionbench` (pyproject.toml maps them to unionbench.queries,
unionbench.data and unionbench.app), found through importlib.resources: the same code reads them from a checkout
(an editable install) and from an installed wheel. Nothing is ever written inside the package: the database lives
in the working directory's var/ unless --db or $UNIONBENCH_DB says otherwise.
"""

import os
from importlib.resources import files
from pathlib import Path


def package_dir(package: str) -> Path:
    """The folder of a package shipped as plain files (a wheel installed on disk, or a checkout)."""
    return Path(str(files(package)))


# A checkout's root (in an installed wheel: site-packages). Find the app with app_dir() and the SQL and data
# through the constants below, which work in both.
PROJECT_ROOT = package_dir("unionbench").parent
DATA_DIR = package_dir("unionbench.data")
LOCALES_DIR = package_dir("unionbench.locales")
QUERIES_DIR = package_dir("unionbench.queries")
INDICATORS_CSV = DATA_DIR / "indicators.csv"
BENCHMARK_SETS_CSV = DATA_DIR / "benchmark_sets.csv"
VALIDATION_RULES_CSV = DATA_DIR / "validation_rules.csv"
DEMO_OBSERVATIONS_CSV = DATA_DIR / "demo" / "observations.csv"
DEMO_TARGETS_CSV = DATA_DIR / "demo" / "targets.csv"
DEMO_SETTINGS_CSV = DATA_DIR / "demo" / "settings.csv"  # the demo's home city and benchmark set
DEMO_ACCOUNTS_CSV = DATA_DIR / "demo" / "accounts.csv"  # the demo admin and one reporter per county (README)
DB_ENV = "UNIONBENCH_DB"
DEFAULT_DB = Path("var") / "unionbench.duckdb"  # relative: under the directory the command runs in


def app_dir() -> Path:
    """The folder holding dashboard.py: unionbench/app in a wheel, the checkout's root in an editable install."""
    installed = package_dir("unionbench") / "app"
    return installed if (installed / "dashboard.py").is_file() else package_dir("unionbench").parent


def resolve_db_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database path: an explicit one (--db), else $UNIONBENCH_DB, else var/unionbench.duckdb under the working
    directory. Relative paths are taken from the working directory, never from where the package is installed."""
    chosen = explicit or os.environ.get(DB_ENV) or DEFAULT_DB
    path = Path(chosen)
    return path if path.is_absolute() else (Path.cwd() / path)


def cache_dir_for(db_path: Path) -> Path:
    """Built caches (boundary layers) sit beside the database they belong to."""
    return db_path.parent / f"{db_path.stem}.cache"
