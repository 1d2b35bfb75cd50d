"""Imports run one way: app_pages → components → unionbench, and inside unionbench the command line above the core.
Read from the source (imports inside functions included, since those hide a cycle as well as any other), so nothing
is imported to check it."""

import ast
from pathlib import Path

from tests.support import nodes, parsed

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("unionbench", "components", "app_pages")
COMMAND_LINE = ("unionbench.cli", "unionbench.commands", "unionbench.__main__")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for package in PACKAGES for path in (ROOT / package).rglob("*.py")}


def imported(path: Path) -> set[str]:
    """Every module name the file imports, at its top or inside a function; `from package import module` names the
    module, `from module import name` the module."""
    found = set()
    for node in nodes(path):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in MODULES else node.module)
    return found


def project_module(name: str) -> str | None:
    """The project's module an import name lands in (the longest known prefix), None for a library."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        if ".".join(parts[:end]) in MODULES:
            return ".".join(parts[:end])
    return None


GRAPH = {
    module: {target for name in imported(path) if (target := project_module(name)) not in (None, module)}
    for module, path in MODULES.items()
}
LIBRARIES = {module: {name.split(".")[0] for name in imported(path)} for module, path in MODULES.items()}


def within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def test_the_core_never_imports_streamlit_components_or_pages():
    wrong = {
        module: sorted(
            {t for t in GRAPH[module] if within(t, "components") or within(t, "app_pages")}
            | (LIBRARIES[module] & {"streamlit"})
        )
        for module in GRAPH
        if within(module, "unionbench")
    }
    assert {module: names for module, names in wrong.items() if names} == {}


def test_the_read_package_imports_only_the_core_below_it():
    """unionbench.read (a Selection in, rows out) stands on the store, the catalogue and the formatting: never on the
    briefing, the settings, the reporting cycle or the command line, which read through it."""
    above = ("unionbench.briefing", "unionbench.settings", "unionbench.accounts", "unionbench.submissions",
             "unionbench.tracker", "unionbench.custom_sets", *COMMAND_LINE)  # fmt: skip
    read = [m for m in GRAPH if within(m, "unionbench.read")]
    wrong = {m: sorted(t for t in GRAPH[m] if any(within(t, a) for a in above)) for m in read}
    assert read and {module: names for module, names in wrong.items() if names} == {}


def test_components_never_import_pages():
    wrong = {m: sorted(t for t in GRAPH[m] if within(t, "app_pages")) for m in GRAPH if within(m, "components")}
    assert {module: names for module, names in wrong.items() if names} == {}


def test_the_core_never_imports_the_command_line():
    core = [m for m in GRAPH if within(m, "unionbench") and not any(within(m, c) for c in COMMAND_LINE)]
    wrong = {m: sorted(t for t in GRAPH[m] if any(within(t, c) for c in COMMAND_LINE)) for m in core}
    assert {module: names for module, names in wrong.items() if names} == {}


def test_no_command_group_imports_the_parser_or_another_group():
    groups = [m for m in GRAPH if within(m, "unionbench.commands") and m != "unionbench.commands.common"]
    wrong = {m: sorted(t for t in GRAPH[m] if t == "unionbench.cli" or (t in groups and t != m)) for m in groups}
    assert {module: names for module, names in wrong.items() if names} == {}


def test_no_module_imports_itself_back_through_others():
    """No cycle of any length: a depth-first walk never meets a module still on its own path."""
    state: dict[str, str] = {}
    cycles = []

    def walk(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(GRAPH[module]):
            if state.get(target) == "open":
                cycles.append(path[path.index(target) :] + [target])
            elif target not in state:
                walk(target, path + [target])
        state[module] = "done"

    for module in sorted(GRAPH):
        if module not in state:
            walk(module, [module])
    assert cycles == []


def test_the_command_line_parser_imports_no_core_module_up_front():
    """`unionbench --help` builds the parser from the command groups alone: their top-level imports reach only the
    small modules a parser needs (fixed choices, paths, terminal formatting, the lines every command prints), never
    the store, ingest or pandas."""
    allowed = {"unionbench.choices", "unionbench.formatting", "unionbench.paths", "unionbench.commands.common",
               "unionbench.console"}  # fmt: skip
    parser_side = ["unionbench.cli", *(m for m in MODULES if within(m, "unionbench.commands"))]
    wrong = {}
    for module in parser_side:
        tree = parsed(MODULES[module])
        top = set()
        for node in tree.body:  # only the module's own top level: a handler imports what it uses when it runs
            if isinstance(node, ast.Import):
                top |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                top |= {node.module} if node.module != "unionbench.commands" else set()
        heavy = {
            name
            for name in top
            if (within(name, "unionbench") and name not in allowed) or name.split(".")[0] in {"pandas", "duckdb"}
        }
        if heavy:
            wrong[module] = sorted(heavy)
    assert wrong == {}
