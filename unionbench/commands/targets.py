"""The set-up commands: `unionbench targets import|export|template` and `unionbench config export|import`.

Like the rest of `unionbench`: exit 0 on success, 1 when refused (every problem printed with its row, column, value
and reason in Chinese and English; nothing written), 2 on usage errors. Writes act as `--user` (default: the login
name) through permissions.authorize.
"""

import datetime as dt
import getpass
import os
import sys
from pathlib import Path

from unionbench.commands.common import REFUSED, UsageError, language
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


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "operator"


def out_file(value: str | None) -> Path | None:
    """--out checked before any work, as every command's is: an existing folder, and not a folder itself."""
    if value is None:
        return None
    out = Path(value)
    if not out.parent.is_dir():
        raise UsageError(f"输出目录不存在 / no such folder for --out: {terminal_text(out.parent)}")
    if out.is_dir():
        raise UsageError(f"--out 是一个目录 / --out is a folder, not a file: {terminal_text(out)}")
    return out


def print_refusal(problems) -> int:
    print("未写入 / nothing written:", file=sys.stderr)
    for found in problems:
        print("  ✗ " + terminal_text(found.line()), file=sys.stderr)
    return REFUSED


def print_changes(checked, dry_run: bool) -> None:
    added, changed, same = (checked.count(s) for s in ("added", "changed", "unchanged"))
    verb = "检查通过（未写入）checked, nothing written" if dry_run else "已导入 stored"
    print(f"{verb}: 新增 added {added} · 修改 changed {changed} · 未变 unchanged {same}")


def cmd_targets(db: Path, args) -> int:
    from unionbench.export import atomic_text_file
    from unionbench.ingest.parse import read_upload
    from unionbench.ingest.problems import FileRejected
    from unionbench.settings import NoHome, home_of
    from unionbench.store import replica
    from unionbench.target_import import TargetsRejected, dry_run_targets, export_frame, import_targets
    from unionbench.target_template import template_xlsx

    if args.targets_command == "export":
        out = out_file(args.out)
        frame = export_frame(replica(db).current(), args.year)
        if out:
            with atomic_text_file(out) as handle:
                frame.to_csv(handle, index=False, lineterminator="\n")
            print(f"已写入 wrote {len(frame)} targets to {args.out}", file=sys.stderr)
        else:
            frame.to_csv(sys.stdout, index=False, lineterminator="\n")
        return 0
    if args.targets_command == "template":
        out = out_file(args.out)
        store = replica(db).current()
        try:
            home = home_of(store)
        except NoHome as error:
            print(f"{error.zh} / {error.en}", file=sys.stderr)
            return REFUSED
        year = args.year or dt.date.today().year
        out.write_bytes(template_xlsx(store, home, year, args.lang))
        print(f"已写入 wrote the {year} targets template for {home} to {args.out}", file=sys.stderr)
        return 0
    path = Path(args.file)
    if not path.is_file():
        print(f"找不到文件 / no such file: {terminal_text(path)}", file=sys.stderr)
        return REFUSED
    try:
        data = read_upload(path)
        checked = (dry_run_targets if args.dry_run else import_targets)(db, data, path.name, args.user or login_name())
    except FileRejected as rejected:
        found = rejected.problem
        print(f"未写入 / nothing written: {found.message('zh')} / {found.message('en')}", file=sys.stderr)
        return REFUSED
    except TargetsRejected as rejected:
        return print_refusal(rejected.problems)
    print_changes(checked, args.dry_run)
    replica(db).refresh()
    return 0


def cmd_config(db: Path, args) -> int:
    from unionbench.export import atomic_text_file
    from unionbench.handover import ConfigRejected, config_json, import_config
    from unionbench.ingest.parse import check_size
    from unionbench.ingest.problems import FileRejected
    from unionbench.store import replica

    if args.config_command == "export":
        out = out_file(args.out)
        with atomic_text_file(out) as handle:
            handle.write(config_json(replica(db).current()))
        print(f"已写入 wrote the set-up to {args.out}", file=sys.stderr)
        return 0
    path = Path(args.file)
    if not path.is_file():
        print(f"找不到文件 / no such file: {terminal_text(path)}", file=sys.stderr)
        return REFUSED
    try:
        check_size(os.stat(path).st_size)
        plan = import_config(db, path.read_bytes(), args.user or login_name(), args.dry_run, path.name)
    except FileRejected as rejected:
        found = rejected.problem
        print(f"未写入 / nothing written: {found.message('zh')} / {found.message('en')}", file=sys.stderr)
        return REFUSED
    except ConfigRejected as rejected:
        return print_refusal(rejected.problems)
    verb = "检查通过（未写入）checked, nothing written" if args.dry_run else "已导入 imported"
    print(f"{verb}: {plan.summary()}")
    replica(db).refresh()
    return 0


COMMANDS = {"targets": cmd_targets, "config": cmd_config}
NEEDS_DATABASE = {"targets", "config"}
