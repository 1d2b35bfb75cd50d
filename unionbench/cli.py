"""The `unionbench` command line (README.md, "命令行 · Command line", lists every command). Exit 0 on success, 1 when
refused, 2 on usage errors. The commands live in unionbench.commands, one module per group; this module builds the
parser from them and turns a refusal into its message. It imports no core module up front: each command loads what
it uses when it runs."""

import argparse
import logging
import sys
from functools import partial
from pathlib import Path
from types import SimpleNamespace

from unionbench.commands import catalogue, figures, peers, reporting, reports, service, settings, targets
from unionbench.commands.common import REFUSED, USAGE, UsageError
from unionbench.console import both, side_by_side
from unionbench.formatting import say
from unionbench.paths import resolve_db_path

GROUPS = (figures, reports, service, peers, reporting, targets, settings, catalogue)  # in the order --help lists them
COMMANDS = {name: handler for group in GROUPS for name, handler in group.COMMANDS.items()}
NEEDS_DATABASE = set().union(*(group.NEEDS_DATABASE for group in GROUPS))
log = logging.getLogger("unionbench.cli")


def db_option() -> argparse.ArgumentParser:
    """--db, accepted before and after the command (`unionbench --db X init` and `unionbench init --db X`):
    every parser gets it, with no default of its own, so the one given wins wherever it stands."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help="database file (default: $UNIONBENCH_DB, else var/unionbench.duckdb under the working directory)",
    )
    return parent


def db_on_nested_commands(parser: argparse.ArgumentParser) -> None:
    """--db also after a nested command (`unionbench users add NAME --db X`, `unionbench sets list --db X`). argparse
    has no public walk over subparsers, hence its `_actions`; a parser that already takes --db is left alone."""
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        for command in action.choices.values():
            if not any("--db" in option.option_strings for option in command._actions):
                command.add_argument("--db", default=argparse.SUPPRESS, help="database file, as before the command")
            db_on_nested_commands(command)


def build_parser() -> argparse.ArgumentParser:
    shared = [db_option()]
    parser = argparse.ArgumentParser(
        prog="unionbench", description="工会对标看板 · Union Benchmark Dashboard", parents=shared
    )
    subparsers = parser.add_subparsers(dest="command", required=True)
    commands = SimpleNamespace(add_parser=partial(subparsers.add_parser, parents=shared))  # --db on every command
    for group in GROUPS:
        group.add_commands(commands)
    db_on_nested_commands(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    db = resolve_db_path(getattr(args, "db", None))
    if args.command in NEEDS_DATABASE and not db.exists():
        print(both("cli.no_database", db=db), file=sys.stderr)
        return REFUSED
    try:
        return COMMANDS[args.command](db, args)
    except UsageError as error:
        print(str(error), file=sys.stderr)
        return USAGE
    except BrokenPipeError:  # `unionbench export | head`: the reader left, which is fine
        sys.stderr.close()
        return 0
    except Exception as error:
        if not print_refusal(error, db):  # never a traceback for a user; the details go to a log file
            where = log_failure(db, args.command)
            print(
                f"{both('cli.failed')}: {type(error).__name__}: {str(error)[:300]}"
                + (f" ({side_by_side('cli.details')}: {where})" if where else ""),
                file=sys.stderr,
            )
        return REFUSED


def print_refusal(error: Exception, db: Path) -> bool:
    """Say why the core refused, in Chinese and English; False for an error that is not a refusal. The core's error
    types are imported here, once one was raised, so a command that succeeds never loads modules it did not use."""
    import duckdb

    from unionbench.accounts import ReportingError
    from unionbench.initdb import CatalogueError
    from unionbench.store import NotInitialised, SchemaTooNew, WriterBusy

    if isinstance(error, ReportingError):
        say(f"{error.zh} / {error.en}", file=sys.stderr)
    elif isinstance(error, WriterBusy):
        print(f"{both('cli.busy')}: {error}", file=sys.stderr)
    elif isinstance(error, SchemaTooNew):
        print(str(error), file=sys.stderr)
    elif isinstance(error, NotInitialised):
        print(both("cli.not_initialised", db=db), file=sys.stderr)
    elif isinstance(error, duckdb.IOException):
        print(f"{both('cli.cannot_open')} {db}: {error}", file=sys.stderr)
    elif isinstance(error, duckdb.CatalogException):  # a database from before a table this release reads
        print(both("cli.older_database", db=db), file=sys.stderr)
    elif isinstance(error, CatalogueError):
        print(f"{both('cli.catalogue_invalid')}: {error}", file=sys.stderr)
    else:
        return False
    return True


def log_failure(db: Path, command: str) -> Path | None:
    """Append the current exception's traceback to `<db folder>/unionbench-errors.log`; None if that fails."""
    path = db.parent / "unionbench-errors.log"
    try:
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.propagate = False
    try:
        log.exception("unionbench %s failed", command)
    finally:
        log.removeHandler(handler)
        handler.close()
    return path
