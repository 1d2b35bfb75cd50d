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


def reads_clock(node: ast.AST, timed: set[str]) -> bool:
    """Whether an expression calls a clock or reads a name that holds a clock reading (or a difference of two)."""
    return any(
        called_name(inner) in CLOCKS or (isinstance(inner, ast.Name) and inner.id in timed) for inner in ast.walk(node)
    )


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
        timed: set[str] = set()
        for _ in range(3):  # a reading travels through a few assignments: started → elapsed → per_row
            for node in ast.walk(function):
                assignment = isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign) and node.value is not None
                if assignment and reads_clock(node.value, timed):
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    timed |= set().union(*(assigned_names(target) for target in targets))
        lines += [
            node.lineno for node in ast.walk(function) if isinstance(node, ast.Assert) and reads_clock(node, timed)
        ]
    return lines


def sleeps_outside_a_poll(tree: ast.AST) -> list[int]:
    """Lines of `sleep(…)` calls that are not inside a `while` loop, i.e. not the interval of a poll on a state."""
    polled = {id(node) for loop in ast.walk(tree) if isinstance(loop, ast.While) for node in ast.walk(loop)}
    return [node.lineno for node in ast.walk(tree) if called_name(node) == "sleep" and id(node) not in polled]


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
