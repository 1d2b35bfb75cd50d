"""The `unionbench` command line (contract in DESIGN.md). Exit 0 on success, 1 when refused, 2 on usage errors."""

import argparse
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import duckdb

from unionbench.export import write_export
from unionbench.initdb import CatalogueError, initialise
from unionbench.paths import resolve_db_path
from unionbench.store import Store, WriterBusy, replica, writer


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="unionbench", description="工会对标看板 · Union Benchmark Dashboard")
    parser.add_argument("--db", help="database file (default: $UNIONBENCH_DB, else var/unionbench.duckdb)")
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser("init", help="create or migrate the database; load regions and the catalogue")
    init.add_argument("--demo", action="store_true", help="also load the bundled demo dataset")
    export = commands.add_parser("export", help="current values as CSV (UTF-8)")
    export.add_argument("--out", help="write to this file instead of standard output")
    return parser


def cmd_init(store: Store, args: argparse.Namespace) -> int:
    started = time.perf_counter()
    report = initialise(store, demo=args.demo)
    print(f"数据库 database: {store.path}")
    print(
        f"地区 regions: {report.regions} · 指标 indicators: {report.indicators} · "
        f"对标组 benchmark sets: {report.benchmark_sets}"
    )
    if report.demo is not None:
        demo = report.demo
        if demo.already_imported:
            print(
                f"演示数据已导入（上传 #{demo.upload_id}），未作改动 / demo data already loaded as upload "
                f"#{demo.upload_id}; nothing changed"
            )
        else:
            print(
                f"演示数据 demo data: upload #{demo.upload_id}, {demo.added} added, {demo.changed} changed, "
                f"{demo.unchanged} unchanged"
            )
    print(f"用时 took {time.perf_counter() - started:.1f} s")
    return 0


def cmd_export(store: Store, args: argparse.Namespace) -> int:
    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="") as out:
            rows = write_export(store, out)
        print(f"导出 exported {rows} rows to {args.out}", file=sys.stderr)
    else:
        write_export(store, sys.stdout)
    return 0


COMMANDS = {"init": (cmd_init, "write"), "export": (cmd_export, "read")}


@contextmanager
def open_for(mode: str, db_path: Path):
    """A writer session (locked, published afterwards) or the newest published snapshot."""
    if mode == "write":
        with writer(db_path) as store:
            yield store
    else:
        yield replica(db_path).current()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    run, mode = COMMANDS[args.command]
    db_path = resolve_db_path(args.db)
    if mode == "read" and not db_path.exists():
        print(
            f"数据库不存在，请先运行 unionbench init / no database at {db_path}: run `unionbench init` first",
            file=sys.stderr,
        )
        return 1
    try:
        with open_for(mode, db_path) as store:
            return run(store, args)
    except WriterBusy as error:
        print(f"数据库正被其他写入占用，请稍后再试 / the database is busy: {error}", file=sys.stderr)
        return 1
    except duckdb.IOException as error:
        print(f"无法打开数据库 / cannot open the database {db_path}: {error}", file=sys.stderr)
        return 1
    except CatalogueError as error:
        print(f"指标目录有误 / the catalogue is invalid: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `unionbench export | head`: the reader left, which is fine
        sys.stderr.close()
        return 0
