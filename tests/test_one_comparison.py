"""One comparison everywhere: the gap app_page, the overview tiles, the wall screen and `unionbench compare`
show the read model's numbers for the same selection, and nothing but the read model builds a comparison."""

import ast
import csv
import io
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.support import nodes
from unionbench.cli import main
from unionbench.read import comparison
from unionbench.read.selection import Selection

ROOT = Path(__file__).resolve().parent.parent
HOME, SET, PERIOD = "510800", "suineilu", "2026Q3"


@pytest.fixture(scope="module")
def rows(store):
    return comparison.comparison(store, Selection(HOME, SET, PERIOD)).set_index("indicator")


def html_of(at: AppTest) -> str:
    """The page's HTML: st.html bodies and Markdown's raw-HTML blocks (the overview's tiles, components/kpi.py)."""
    return "".join([*(element.proto.body for element in at.get("html")), *(element.value for element in at.markdown)])


def test_unionbench_compare_writes_the_read_models_rows(demo_db_path, rows, capsys):
    assert main(["--db", str(demo_db_path), "compare", "--region", "广元", "--period", PERIOD]) == 0
    written = {r["indicator"]: r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert list(written) == list(rows.index)
    for indicator, row in rows[rows.judged].iterrows():
        line = written[indicator]
        assert float(line["home_value"]) == pytest.approx(row.home_value)
        assert float(line["benchmark_value"]) == pytest.approx(row.benchmark_value)
        assert float(line["gap"]) == pytest.approx(row.gap)
        assert line["verdict"] == row.verdict and line["unit"] == row.basis_unit
        assert line["benchmark_period"] == PERIOD and line["basis"] in ("per_10k_workers", "rate")
    assert written["unions_established"]["verdict"] == "" and written["unions_established"]["gap"] == ""


def test_a_bad_reference_on_the_command_line_is_a_usage_error(demo_db_path, capsys):
    assert main(["--db", str(demo_db_path), "compare", "--reference", "510100"]) == 2
    assert "--reference" in capsys.readouterr().err


def test_the_gap_page_shows_the_read_models_words(app_page, rows):
    table = app_page("gaps").table[0].value.set_index("指标")
    for _, row in rows[rows.judged].iterrows():
        shown = table.loc[row["name"]]
        assert (shown["本地"], shown["对标值"], shown["差距"]) == (row.home_text, row.benchmark_text, row.gap_text)
        assert shown["状态"].endswith(row.verdict_text)


def test_the_overview_tiles_and_the_wall_screen_tiles_show_the_read_models_gaps(app_page, rows):
    overview, screen = html_of(app_page("overview")), html_of(app_page("screen"))
    for _, row in rows[rows.headline].iterrows():
        for html in (overview, screen):
            assert row.gap_text in html and row.home_text in html and row.verdict_text in html


def calls_in(path: Path) -> set[str]:
    """Every attribute called in a file: `store.query(...)` gives 'query', `metrics.gap(...)` 'metrics.gap'."""
    found = set()
    for node in nodes(path):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value.id if isinstance(node.func.value, ast.Name) else ""
            found |= {node.func.attr, f"{owner}.{node.func.attr}"}
    return found


def imports_in(path: Path) -> set[str]:
    names = set()
    for node in nodes(path):
        if isinstance(node, ast.ImportFrom):
            names |= {node.module or ""} | {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
    return names


FRONT = sorted([*ROOT.glob("app_pages/*.py"), *ROOT.glob("components/*.py")])


@pytest.mark.parametrize("path", FRONT, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_pages_and_components_never_query_the_store_or_compute_a_gap(path):
    calls = calls_in(path)
    assert not {"query", "scalar", "transaction"} & calls, "ask components.data, which asks the read model"
    assert not any(name.startswith("metrics.") for name in calls)
    assert not {m for m in imports_in(path) if m.startswith("unionbench.read.metrics")}


@pytest.mark.parametrize("path", sorted(ROOT.glob("unionbench/**/*.py")), ids=lambda p: p.name)
def test_the_core_never_imports_streamlit(path):
    assert not {m for m in imports_in(path) if m.split(".")[0] == "streamlit"}
