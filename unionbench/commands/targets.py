"""The set-up commands: `unionbench targets import|export|template` and `unionbench config export|import`.

Like the rest of `unionbench`: exit 0 on success, 1 when refused (every problem printed with its row, column, value
and reason in Chinese and English; nothing written), 2 on usage errors. Writes act as `--user` (default: the login
name) through permissions.authorize.
"""

import datetime as dt
import os
import sys
from pathlib import Path

from unionbench.commands.common import REFUSED, checked_import, language, output_path, write_csv
from unionbench.console import acting, both, side_by_side
from unionbench.formatting import terminal_text


def add_commands(commands) -> None:
    targets = commands.add_parser("targets", help="annual targets: import, export, or a prefilled template")
    actions = targets.add_subparsers(dest="targets_command", required=True)
    imported = actions.add_parser("import", help="check and store a targets CSV or XLSX, all or nothing")
    imported.add_argument("file", help="the .csv or .xlsx file (region, indicator, year, target)")
    imported.add_argument("--dry-run", action="store_true", help="check and preview only; write nothing")
    imported.add_argument("--user", help="who is importing (default: the login name)")
    exported = actions.add_parser("export", help="stored targets as CSV region_code,region_name,indicator,year,target")
    exported.add_argument("--year", type=int, help="only this year's targets")
    exported.add_argument("--out", help="write to this file instead of standard output")
    template = actions.add_parser("template", help="an Excel template: the home city and its counties × indicators")
    template.add_argument("--year", type=int, help="the year the targets are for (default: this year)")
    template.add_argument("--lang", type=language, default="zh", help="language of headers (default zh)")
    template.add_argument("--out", required=True, help="the .xlsx file to write")

    config = commands.add_parser("config", help="hand-over: settings, catalogue, rules, custom sets and targets")
    steps = config.add_subparsers(dest="config_command", required=True)
    out = steps.add_parser("export", help="write the set-up as JSON (never accounts or passwords)")
    out.add_argument("--out", required=True, help="the .json file to write")
    into = steps.add_parser("import", help="check and store a set-up JSON, all or nothing")
    into.add_argument("file", help="the .json file")
    into.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    into.add_argument("--user", help="who is importing (default: the login name)")


def print_changes(checked, dry_run: bool) -> None:
    counted = (("cli.added", "added"), ("cli.changed", "changed"), ("cli.unchanged", "unchanged"))
    counts = " · ".join(f"{side_by_side(key)} {checked.count(status)}" for key, status in counted)
    print(f"{side_by_side('cli.checked' if dry_run else 'cli.stored')}: {counts}")


def cmd_targets(db: Path, args) -> int:
    from unionbench.ingest.parse import read_upload
    from unionbench.settings import NoHome, home_of
    from unionbench.store import replica
    from unionbench.target_import import TargetsRejected, dry_run_targets, export_frame, import_targets
    from unionbench.target_template import template_xlsx

    if args.targets_command == "export":
        output_path(args.out)
        return write_csv(export_frame(replica(db).current(), args.year), args.out, "cli.wrote_targets")
    if args.targets_command == "template":
        out = output_path(args.out)
        store = replica(db).current()
        try:
            home = home_of(store)
        except NoHome as error:
            print(f"{error.zh} / {error.en}", file=sys.stderr)
            return REFUSED
        year = args.year or dt.date.today().year
        out.write_bytes(template_xlsx(store, home, year, args.lang))
        print(both("cli.wrote_template", year=year, home=home, out=terminal_text(args.out)), file=sys.stderr)
        return 0
    write = dry_run_targets if args.dry_run else import_targets

    def apply(path: Path):
        return write(db, read_upload(path), path.name, acting(args))

    return checked_import(
        db, args.file, apply, (TargetsRejected,), lambda checked: print_changes(checked, args.dry_run), REFUSED
    )


def cmd_config(db: Path, args) -> int:
    from unionbench.export import atomic_text_file
    from unionbench.handover import ConfigRejected, config_json, import_config
    from unionbench.ingest.parse import check_size
    from unionbench.store import replica

    if args.config_command == "export":
        out = output_path(args.out)
        with atomic_text_file(out) as handle:
            handle.write(config_json(replica(db).current()))
        print(both("cli.wrote_setup", out=terminal_text(args.out)), file=sys.stderr)
        return 0

    def apply(path: Path):
        check_size(os.stat(path).st_size)
        return import_config(db, path.read_bytes(), acting(args), args.dry_run, path.name)

    def done(plan) -> None:
        print(f"{side_by_side('cli.checked' if args.dry_run else 'cli.imported')}: {plan.summary()}")

    return checked_import(db, args.file, apply, (ConfigRejected,), done, REFUSED)


COMMANDS = {"targets": cmd_targets, "config": cmd_config}
NEEDS_DATABASE = {"targets", "config"}
