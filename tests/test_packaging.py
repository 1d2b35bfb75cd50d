"""The package as it is installed (a wheel, run from another directory), the lock files, --db wherever it
stands, and a first `init` that fails leaving nothing behind."""

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.support import ROOT, free_port, published_copy, wait_for_app, wait_healthy
from unionbench import initdb
from unionbench.catalog import read_indicators
from unionbench.cli import main
from unionbench.paths import DB_ENV, app_dir, resolve_db_path
from unionbench.store import Replica

BUILD_IGNORE = shutil.ignore_patterns(
    ".venv", "var", ".git", "build", "dist", "*.egg-info", "__pycache__", "artifacts", ".*_cache", "secrets.toml"
)


def test_db_is_accepted_after_the_command_as_well_as_before(demo_db_path, tmp_path, capsys):
    db = published_copy(demo_db_path, tmp_path)
    assert main(["export", "--db", str(db)]) == 0
    after = capsys.readouterr().out
    assert main(["--db", str(db), "export"]) == 0
    assert capsys.readouterr().out == after and len(after.splitlines()) > 1000
    # given twice, the one after the command wins
    assert main(["--db", str(tmp_path / "missing.duckdb"), "export", "--db", str(db)]) == 0


@pytest.mark.parametrize(
    "argv",
    [["users", "add", "ann", "--role", "admin"], ["users", "list"], ["sets", "list"], ["sets", "remove", "x"]],
)
def test_db_is_accepted_after_a_nested_command_too(argv):
    from unionbench.cli import build_parser

    assert build_parser().parse_args([*argv, "--db", "/srv/x.duckdb"]).db == "/srv/x.duckdb"


def test_without_db_the_database_is_the_working_directorys_var(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(DB_ENV, raising=False)
    assert resolve_db_path() == tmp_path / "var" / "unionbench.duckdb"
    monkeypatch.setenv(DB_ENV, "elsewhere/x.duckdb")
    assert resolve_db_path() == tmp_path / "elsewhere" / "x.duckdb"
    assert resolve_db_path("given.duckdb") == tmp_path / "given.duckdb"


def test_in_a_checkout_the_app_is_the_checkouts_dashboard_and_serve_needs_a_database(tmp_path, capsys):
    assert app_dir() / "dashboard.py" == ROOT / "dashboard.py"
    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "unionbench init" in capsys.readouterr().err
    assert not (tmp_path / "none.duckdb").exists()


def fail_reading_benchmark_sets(monkeypatch, tmp_path):
    monkeypatch.setattr(initdb, "read_benchmark_sets", lambda: read_indicators(tmp_path / "no-such-catalogue.csv"))


def fail_loading_demo_targets(monkeypatch, tmp_path):
    def broken(store):
        raise RuntimeError("injected failure after the demo figures were written")

    monkeypatch.setattr(initdb, "load_demo_targets", broken)


def fail_with_an_invalid_catalogue(monkeypatch, tmp_path):
    monkeypatch.setattr(initdb, "catalogue_problems", lambda indicators: ["injected: the catalogue breaks a rule"])


@pytest.mark.parametrize(
    "failure", [fail_reading_benchmark_sets, fail_loading_demo_targets, fail_with_an_invalid_catalogue]
)
def test_a_first_init_that_fails_leaves_no_database_lock_or_folder_behind(failure, tmp_path, monkeypatch, capsys):
    failure(monkeypatch, tmp_path)
    db = tmp_path / "var" / "unionbench.duckdb"
    assert main(["init", "--demo", "--db", str(db)]) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.rglob("*")) == []  # not even var/


def test_a_first_init_that_fails_in_an_existing_folder_leaves_only_the_error_log(tmp_path, monkeypatch):
    fail_loading_demo_targets(monkeypatch, tmp_path)
    (tmp_path / "keep.txt").write_text("mine")
    assert main(["init", "--demo", "--db", str(tmp_path / "ub.duckdb")]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt", "unionbench-errors.log"]
    monkeypatch.undo()
    assert main(["init", "--db", str(tmp_path / "ub.duckdb")]) == 0  # and a second try simply works
    assert Replica(tmp_path / "ub.duckdb").current().data_version() > 0


@pytest.mark.system
def test_a_first_init_removes_what_a_killed_first_init_left_but_not_a_live_ones_build(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = [
        tmp_path / f".ub.duckdb.{dead.stdout.strip()}.partial",
        tmp_path / f".ub.duckdb.{dead.stdout.strip()}.partial.wal",
    ]
    live = tmp_path / f".ub.duckdb.{os.getppid()}.partial"
    for path in [*left, live]:
        path.write_bytes(b"half a database")
    assert main(["init", "--db", str(tmp_path / "ub.duckdb")]) == 0
    assert not any(path.exists() for path in left) and live.exists()


# --- the lock ----------------------------------------------------------------------------------------------------


def pins(lock: Path) -> dict[str, str]:
    """name → version of every `name==version` line; each must carry at least one hash."""
    text = lock.read_text(encoding="utf-8")
    found = dict(re.findall(r"^([A-Za-z0-9._-]+)==(\S+) \\\n\s+--hash=sha256:", text, flags=re.M))
    assert len(found) == len(re.findall(r"^[A-Za-z0-9._-]+==", text, flags=re.M)), f"a pin without a hash in {lock}"
    return {canonicalize_name(name): version for name, version in found.items()}


def test_every_dependency_is_bounded_and_pinned_with_hashes_in_the_lock_files():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = [Requirement(line) for line in project["dependencies"]]
    test_extra = [Requirement(line) for line in project["optional-dependencies"]["test"]]
    unbounded = [str(r) for r in runtime + test_extra if not any(s.operator in ("<", "<=", "==") for s in r.specifier)]
    assert unbounded == []
    locked, test_locked = pins(ROOT / "requirements.lock"), pins(ROOT / "requirements-test.lock")
    for requirement in runtime:
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} is not in requirements.lock: run `make lock`"
        assert requirement.specifier.contains(locked[name]), f"{name}=={locked[name]} breaks {requirement}"
    for requirement in test_extra:
        assert requirement.specifier.contains(test_locked[canonicalize_name(requirement.name)])
    assert {name: test_locked.get(name) for name in locked} == locked  # one version of each shared package


def primary_colour() -> str:
    """The theme's primary colour from the app's .streamlit/config.toml, as a browser computes it: rgb(r, g, b)."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    hex_colour = config["theme"]["primaryColor"].lstrip("#")
    return "rgb({}, {}, {})".format(*(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4)))


CONFIG_COLOUR_COUNT = """colour => [...document.querySelectorAll('button, span, div')]
    .filter(e => getComputedStyle(e).color === colour).length"""


# --- the wheel, installed and run from another directory ------------------------------------------------------------


def shipped(source: Path) -> set[str]:
    """Where each of the checkout's code, SQL, data and app files must be inside the wheel."""
    placed = {
        "unionbench": ("unionbench", ["**/*.py"]),
        "queries": ("unionbench/queries", ["**/*.sql", "__init__.py"]),
        "data": ("unionbench/data", ["**/*.csv", "__init__.py"]),
        "locales": ("unionbench/locales", ["messages.pot", "*/LC_MESSAGES/messages.po", "__init__.py"]),
        ".": (
            "unionbench/app",
            ["dashboard.py", "app_pages/*.py", "components/*.py", "components/*.css", ".streamlit/config.toml"],
        ),
    }
    return {
        f"{target}/{path.relative_to(source / folder).as_posix()}"
        for folder, (target, patterns) in placed.items()
        for pattern in patterns
        for path in (source / folder).glob(pattern)
    }


def timed(figures: dict, label: str, command: list, **kwargs) -> subprocess.CompletedProcess:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)
    figures[label] = time.perf_counter() - started
    assert result.returncode == 0, f"{label}: {result.stdout}\n{result.stderr}"
    return result


@pytest.mark.wheel
def test_the_built_wheel_installs_in_a_fresh_venv_and_inits_exports_and_serves_from_another_directory(
    tmp_path, browser
):
    """`pip wheel`, a new venv with the runtime lock and the wheel, then in an unrelated directory (no --db, no
    $UNIONBENCH_DB): `unionbench init --demo` makes var/ there, `export` reads it, `unionbench serve` shows the
    overview in chromium. The figures (seconds per step) are printed: `pytest -m wheel -s`."""
    figures: dict[str, float] = {}
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=BUILD_IGNORE)  # a clean copy: setuptools' build/ never serves stale files
    pip = [sys.executable, "-m", "pip"]
    timed(
        figures,
        "build the wheel",
        [*pip, "wheel", "--no-deps", "--quiet", "-w", str(tmp_path / "dist"), "."],
        cwd=source,
    )
    (wheel,) = (tmp_path / "dist").glob("unionbench-*.whl")
    assert sorted(shipped(source) - set(zipfile.ZipFile(wheel).namelist())) == []
    venv = tmp_path / "venv"
    timed(figures, "make the venv", [sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    install = [*pip, "--python", str(python), "install", "--quiet", "--no-compile"]
    timed(figures, "install the lock", [*install, "-r", str(ROOT / "requirements.lock")])
    timed(figures, "install the wheel", [*install, "--no-deps", str(wheel)])

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {key: value for key, value in os.environ.items() if key != DB_ENV}
    env["PYTHONPATH"] = ""  # nothing from the checkout
    unionbench = str(venv / "bin" / "unionbench")
    where = timed(figures, "init --demo", [unionbench, "init", "--demo"], cwd=elsewhere, env=env)
    assert str(elsewhere / "var" / "unionbench.duckdb") in where.stdout
    assert not list(venv.rglob("*.duckdb")), "a database was written inside the installed package"
    exported = timed(figures, "export", [unionbench, "export"], cwd=elsewhere, env=env)
    rows = list(csv.reader(io.StringIO(exported.stdout)))
    assert rows[0][:3] == ["region_code", "region_name", "indicator"] and len(rows) > 1000

    port = free_port()
    log_path = tmp_path / "serve.log"
    started = time.perf_counter()
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [unionbench, "serve", "--port", str(port), "--", "--server.fileWatcherType", "none"],
            cwd=elsewhere,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            wait_healthy(url, server, log_path, timeout=90)
            context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
            page = context.new_page()
            page.goto(url)
            wait_for_app(page)
            page.get_by_text("广元市").first.wait_for()
            figures["serve and first page"] = time.perf_counter() - started
            main_text = page.locator("[data-testid=stMain]").inner_text()
            assert "演示数据" in main_text  # the demo notice: the page read the database init made there
            # The app's .streamlit/config.toml (shipped beside dashboard.py) applied from this directory: its theme
            # colour is on the page (Streamlit's own red would be rgb(255, 75, 75)); showErrorDetails is in that file.
            config_colour = page.evaluate(CONFIG_COLOUR_COUNT, primary_colour())
            context.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    served_from = log_path.read_text(errors="replace")
    assert "Traceback" not in served_from, served_from
    assert config_colour > 0
    print("\nwheel check, seconds: " + ", ".join(f"{label} {seconds:.1f}" for label, seconds in figures.items()))
    print(f"total {sum(figures.values()):.1f}")
