"""The suite's own rules, read from its source: a test waits on a state, never on a clock. A fixed sleep passes or
fails with the machine's load, and so does an assertion on elapsed time; both make the fast tier flaky when the
machine is busy."""

import ast
from pathlib import Path

from tests.support import parsed

TESTS = Path(__file__).resolve().parent
CLOCKS = {"perf_counter", "monotonic", "time", "perf_counter_ns", "monotonic_ns", "time_ns"}


def suite_files() -> list[Path]:
    return sorted(TESTS.glob("*.py"))


def called_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call):
        function = node.func
        if isinstance(function, ast.Attribute):
            return function.attr
        if isinstance(function, ast.Name):
            return function.id
    return None


def clock_reading(node: ast.AST) -> tuple[bool, set[str]]:
    """Whether an expression calls a clock, and the names it reads (one of which may hold a clock reading)."""
    inner = list(ast.walk(node))
    calls = any(called_name(n) in CLOCKS for n in inner)
    return calls, {n.id for n in inner if isinstance(n, ast.Name)}


def assigned_names(target: ast.AST) -> set[str]:
    """`t = …` and `a, b = …` mark the names on the left (a reading stored in a dict of figures to print is not one
    kept for an assertion)."""
    if isinstance(target, ast.Name):
        return {target.id}
    if isinstance(target, ast.Tuple | ast.List):
        return set().union(*(assigned_names(item) for item in target.elts))
    return set()


def clock_assertions(tree: ast.AST) -> list[int]:
    """Lines of assertions that compare a clock reading, per function (names carry the reading along)."""
    lines = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef):
            continue
        inside = list(ast.walk(function))
        assignments = [
            (clock_reading(node.value), node.targets if isinstance(node, ast.Assign) else [node.target])
            for node in inside
            if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign) and node.value is not None
        ]
        timed: set[str] = set()
        for _ in range(3):  # a reading travels through a few assignments: started → elapsed → per_row
            for (calls, names), targets in assignments:
                if calls or names & timed:
                    timed |= set().union(*(assigned_names(target) for target in targets))
        for node in inside:
            if isinstance(node, ast.Assert):
                calls, names = clock_reading(node)
                if calls or names & timed:
                    lines.append(node.lineno)
    return lines


def sleeps_outside_a_poll(tree: ast.AST) -> list[int]:
    """Lines of `sleep(…)` calls that are not inside a `while` loop, i.e. not the interval of a poll on a state."""
    sleeps = [node for node in ast.walk(tree) if called_name(node) == "sleep"]
    if not sleeps:
        return []
    polled = {id(node) for loop in ast.walk(tree) if isinstance(loop, ast.While) for node in ast.walk(loop)}
    return [node.lineno for node in sleeps if id(node) not in polled]


def test_no_test_sleeps_a_fixed_time_except_between_two_looks_at_a_state():
    trees = {path.name: parsed(path) for path in suite_files()}
    found = {name: lines for name, tree in trees.items() if (lines := sleeps_outside_a_poll(tree))}
    assert found == {}


def test_no_test_asserts_an_elapsed_time():
    found = {path.name: lines for path in suite_files() if (lines := clock_assertions(parsed(path)))}
    assert found == {}


def test_the_checks_find_a_fixed_sleep_and_an_assertion_on_elapsed_time():
    source = """
import time
def test_slow():
    started = time.perf_counter()
    time.sleep(2)
    elapsed = time.perf_counter() - started
    assert elapsed < 5
def poll(ready):
    while not ready():
        time.sleep(0.1)
"""
    tree = ast.parse(source)
    assert sleeps_outside_a_poll(tree) == [5]
    assert clock_assertions(tree) == [7]
