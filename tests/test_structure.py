"""The shape of the code a newcomer carries on: no function with seven or more parameters outside a short named list
(the import layers and cycles: tests/test_import_layers.py)."""

import ast
from pathlib import Path

from tests.support import nodes

ROOT = Path(__file__).resolve().parent.parent
TREES = ("unionbench", "components", "app_pages")
MOST = 6  # parameters a function may take (self and cls not counted)

# Functions allowed seven or more parameters, each with its reason.
EXCEPTIONS = {
    "unionbench/read/targets.py::target_progress": "the schedule rule: its keyword options (tolerance, schedule, "
    "direction) are the rule's documented knobs, each with a default",
    "unionbench/ingest/validate.py::read_cells": "the per-cell check of an upload: its table, the regions resolved, "
    "and where each problem is reported",
}


def functions():
    for tree in TREES:
        for path in sorted((ROOT / tree).rglob("*.py")):
            for node in nodes(path):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    args = node.args
                    names = [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]
                    count = len(names) - (names[:1] in (["self"], ["cls"]))
                    yield f"{path.relative_to(ROOT).as_posix()}::{node.name}", count


def test_no_read_function_takes_seven_or_more_parameters():
    long = {name: count for name, count in functions() if count > MOST}
    assert set(long) <= set(EXCEPTIONS), sorted(set(long) - set(EXCEPTIONS))
    assert not set(EXCEPTIONS) - set(long), f"no longer long, drop the exception: {sorted(set(EXCEPTIONS) - set(long))}"
    assert not [name for name in long if name.startswith("unionbench/read/") and "target_progress" not in name]
