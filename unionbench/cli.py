"""The `unionbench` command line (README.md, "命令行 · Command line", lists every command). Exit 0 on success, 1 when
refused, 2 on usage errors."""

import argparse
import getpass
import logging
import os
import sys
import time
from functools import partial
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pandas as pd

from unionbench import catalogue_cli, reporting, reporting_cli, settings_cli, targets_cli
from unionbench.auth import hash_password
from unionbench.console import login_name, print_problem_counts, print_problems, problem_line, shell_address
from unionbench.custom_sets import RULES, SetDraft, SetRejected, remove_set, save_set
from unionbench.export import atomic_text_file, write_export
from unionbench.formatting import say, terminal_text
from unionbench.ingest import HELD, RevertError, preview
from unionbench.ingest.layout import IndicatorNames
from unionbench.ingest.normalise import read_period
from unionbench.ingest.parse import read_upload
from unionbench.ingest.problems import FileRejected
from unionbench.initdb import CatalogueError, init_database
from unionbench.paths import DB_ENV, app_dir, resolve_db_path
from unionbench.read import views
from unionbench.read.comparison import compare_csv_frame, comparison
from unionbench.read.drilldown import find_benchmark_set
from unionbench.read.selection import Selection, UnknownReference
from unionbench.read.similar import DEFAULT_K, MAX_K, WITHIN, NoPeers, peers_csv_frame, similar_peers
from unionbench.read.views import catalogue
from unionbench.regions import RegionResolver
from unionbench.reporting import ReportingError
from unionbench.scale import cmd_scale
from unionbench.settings import home_of, read_settings
from unionbench.store import NotInitialised, WriterBusy, replica

USAGE, REFUSED = 2, 1
log = logging.getLogger("unionbench.cli")


class UsageError(Exception):
    pass


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
    init = commands.add_parser("init", help="create or migrate the database; load regions and the catalogue")
    init.add_argument("--demo", action="store_true", help="also load the bundled demo dataset")
    ingest = commands.add_parser("ingest", help="check and commit a quarterly CSV or XLSX file")
    ingest.add_argument("file", help="the .csv or .xlsx file")
    ingest.add_argument("--period", help="the quarter for a file without a period column, e.g. 2025Q3")
    ingest.add_argument("--dry-run", action="store_true", help="check and preview only; write nothing")
    ingest.add_argument("--user", help="who is uploading (default: the login name)")
    ingest.add_argument(
        "--accept-warnings",
        action="store_true",
        help="say yes to rows held as probable slips (a province row, a city far from its counties' sum)",
    )
    commands.add_parser("uploads", help="the upload history")
    revert = commands.add_parser("revert", help="take an upload back, keeping its history")
    revert.add_argument("upload_id", type=int)
    revert.add_argument("--user", help="who is reverting (default: the login name)")
    history = commands.add_parser("history", help="every version of one figure")
    history.add_argument("region", help="code, full or short name, e.g. 苍溪")
    history.add_argument("indicator", help="id, Chinese or English name")
    history.add_argument("period", help="the quarter, e.g. 2025Q3")
    export = commands.add_parser("export", help="current values as CSV (UTF-8)")
    export.add_argument("--out", help="write to this file instead of standard output")
    passwd = commands.add_parser("passwd", help="print a hashed upload user line for .streamlit/secrets.toml")
    passwd.add_argument("name", help="the user's sign-in name")
    brief = commands.add_parser("briefing", help="write the quarterly briefing as .docx or .pdf")
    brief.add_argument("--region", help="home city or county: code or name (default: the home setting)")
    brief.add_argument("--benchmark", help="benchmark set: id, Chinese or English name (default: the setting)")
    brief.add_argument("--period", help="the quarter, e.g. 2026Q3 (default: the latest with figures)")
    brief.add_argument("--lang", choices=["zh", "en"], default="zh", help="language (default zh)")
    brief.add_argument("--reference", help="average, best, p90 or a member's code (default: the setting)")
    brief.add_argument("--out", required=True, help="the file to write: report.docx or report.pdf")
    comp = commands.add_parser("compare", help="the comparison rows (home vs benchmark on one basis) as CSV")
    comp.add_argument("--region", help="home city or county: code or name (default: the home setting)")
    comp.add_argument("--benchmark", help="benchmark set: id, Chinese or English name (default: the setting)")
    comp.add_argument("--period", help="the quarter, e.g. 2026Q3 (default: the latest with figures)")
    comp.add_argument("--reference", help="average, best, p90 or a region's code (default: the setting)")
    comp.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of names and units (default zh)")
    comp.add_argument("--out", help="write to this file instead of standard output")
    scale = commands.add_parser("scale", help="build a synthetic national-scale database (about 2.2M figures)")
    scale.add_argument("--out", help="the database to build (default: --db)")
    serve = commands.add_parser("serve", help="serve the dashboard (streamlit) from wherever unionbench is installed")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine)")
    serve.add_argument("--port", type=int, default=8501, help="port (default 8501)")
    serve.add_argument(
        "streamlit_options", nargs="*", help="more streamlit options after --, e.g. -- --server.baseUrlPath ub"
    )
    add_peer_and_set_commands(commands)
    reporting_cli.add_commands(commands)  # users, submissions, approve, return, status, audit
    targets_cli.add_commands(commands)  # targets import|export|template, config export|import
    settings_cli.add_commands(commands)
    catalogue_cli.add_commands(commands)  # the federation's indicators and validation rules
    db_on_nested_commands(parser)
    return parser


def cmd_init(db: Path, args) -> int:
    started = time.perf_counter()
    report = init_database(db, demo=args.demo)
    print(f"数据库 database: {db}")
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


def cmd_ingest(db: Path, args) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"找不到文件 / no such file: {path}")
    if args.period and read_period(args.period) is None:
        raise UsageError(f"无法识别季度 / cannot read the quarter: {args.period} (e.g. 2025Q3)")
    period = read_period(args.period) if args.period else None
    try:
        data = read_upload(path)  # a file over the size limit is refused before it is read
    except FileRejected as rejected:
        print("已拒绝，未写入任何数据：1 个问题 / rejected, nothing written: 1 problem(s)")
        say("  ✗ " + problem_line(rejected.problem))
        return REFUSED
    if args.dry_run:  # writes nothing: checked as the named account would be, if there is one
        account = ingest_account(db, args.user)
        store = replica(db).current()
        prepared = reporting.check_for(store, data, path.name, account, period, None)
    else:  # a reporter's file is submitted for review, an admin's committed
        account = reporting_cli.acting_as(db, args, "ingest", path.name).account
        where = shell_address()
        yes = args.accept_warnings
        if not account.is_admin:
            submitted = reporting.submit_file(db, data, path.name, account, period, None, where, yes)
            prepared = submitted.prepared
        else:
            outcome = reporting.publish_file(db, data, path.name, account.name, period, None, where, yes)
            prepared = outcome.prepared
    if not args.dry_run:
        replica(db).refresh()  # a later command in this process (a test, a script) reads what was just written
    if not prepared.ok:
        print_problems(prepared)
        if HELD & {p.code for p in prepared.errors}:
            print("确认无误后加 --accept-warnings 重新运行 / if these rows are meant, run again with --accept-warnings")
        return REFUSED
    for problem in prepared.warnings:
        say("  ! " + problem_line(problem))
    if prepared.warning_count > len(prepared.warnings):
        print_problem_counts(prepared)
    if args.dry_run:
        shown = preview(store, prepared)
        print(
            f"检查通过（未写入）/ valid (dry run, nothing written): {shown.added} 新增 added, "
            f"{shown.changed} 修改 changed, {shown.unchanged} 未变 unchanged"
        )
        for row in shown.changes[shown.changes.status == "changed"].itertuples():
            say(f"  {row.region_name} {row.indicator_name} {row.period}: {row.old_value:g} → {row.new_value:g}")
        return 0
    if not account.is_admin:
        print(
            f"已提交，待审核：报送 #{submitted.submission_id}（{len(prepared.observations)} 个数值，"
            "审核通过后才计入看板）"
            f" / submitted for review: submission #{submitted.submission_id} ({len(prepared.observations)} figures; "
            "they count once an admin approves them)"
        )
        return 0
    result = outcome.result
    if result.changed_nothing:
        same_file = (
            (f"此文件已导入过（上传 #{result.previous_upload_id}），" if result.already_imported else ""),
            (
                f"this file was already imported as upload #{result.previous_upload_id}; "
                if result.already_imported
                else ""
            ),
        )
        print(
            f"{same_file[0]}数值均与当前相同，未作改动（记为上传 #{result.upload_id}：0 修改）/ "
            f"{same_file[1]}nothing changed: every figure is already the current one "
            f"(recorded as upload #{result.upload_id}, 0 changed, {result.unchanged} unchanged)"
        )
        return 0
    print(
        f"已提交 committed: upload #{result.upload_id} · {result.added} 新增 added, {result.changed} 修改 changed, "
        f"{result.unchanged} 未变 unchanged"
    )
    return 0


def ingest_account(db: Path, name: str | None) -> reporting.Account:
    """Whose rules a dry run checks a file by: the database account named by --user (a reporter's own region only);
    a name without an account, or none, is checked as the operator's."""
    name = name or login_name()
    found = reporting.accounts(reporting_cli.fresh(db))
    found = found[found.name == name]
    if found.empty:
        return reporting.Account(name, "admin", source="shell")
    row = found.iloc[0]
    if row.disabled:
        raise ReportingError(f"账号 {name} 已停用。", f"The account {name!r} is disabled.")
    return reporting.Account(name, row.role, row.region if isinstance(row.region, str) else None)


def cmd_uploads(db: Path, args) -> int:
    uploads = replica(db).current().query("uploads")
    print("id\tstatus\tcreated_at\tuser\tadded\tchanged\tunchanged\tfile")
    for row in uploads.itertuples():
        print(
            f"{row.id}\t{row.status}\t{row.created_at:%Y-%m-%d %H:%M:%S}\t{terminal_text(row.user_name)}\t"
            f"{row.rows_added}\t{row.rows_changed}\t{row.rows_unchanged}\t{terminal_text(row.file_name)}"
        )
    return 0


def cmd_revert(db: Path, args) -> int:
    try:
        user = reporting_cli.acting_as(db, args, "revert", f"upload #{args.upload_id}").name
        upload = reporting.revert(db, args.upload_id, user, shell_address())
    except RevertError as error:
        say(f"{error.zh} / {error.en}", file=sys.stderr)
        return REFUSED
    print(
        f"已撤销上传 #{upload.id}（{terminal_text(upload.file_name)}），历史保留 / reverted upload #{upload.id} "
        f"({terminal_text(upload.file_name)}); its history is kept"
    )
    return 0


def cmd_history(db: Path, args) -> int:
    store = replica(db).current()
    resolver = RegionResolver(store.query("region_index"), store.query("region_aliases"))
    region = resolver.resolve(args.region)
    indicator = IndicatorNames(store.query("indicator_catalogue")).find(args.indicator)
    period = read_period(args.period)
    if region.adcode is None or indicator is None or period is None:
        raise UsageError(
            f"无法识别 / cannot read: region {region.status}, indicator "
            f"{'ok' if indicator else 'unknown'}, period {'ok' if period else 'unknown'}"
        )
    history = store.query("figure_history", region=region.adcode, indicator=indicator, period=period)
    print("version\tvalue\tprevious\tupload\tstatus\tcurrent\tuser\tcreated_at\tfile")
    for row in history.itertuples():
        previous = "" if row.previous_value != row.previous_value else f"{row.previous_value:g}"
        say(
            row.version, f"{row.value:g}", previous, f"#{row.upload_id}", row.status, "yes" if row.is_current else "",
            row.user_name, f"{row.created_at:%Y-%m-%d %H:%M}", row.file_name,
        )  # fmt: skip
    return 0


def output_path(value: str | None) -> Path | None:
    """--out checked before any work: its folder must exist and it must not be a folder."""
    if value is None:
        return None
    out = Path(value)
    if not out.parent.is_dir():
        raise UsageError(f"输出目录不存在 / no such folder for --out: {out.parent}")
    if out.is_dir():
        raise UsageError(f"--out 是一个目录 / --out is a folder, not a file: {out}")
    return out


def cmd_export(db: Path, args) -> int:
    """To standard output, or to --out through a temporary file renamed into place, so a failure half-way never
    leaves a truncated export (or spoils the previous one)."""
    out = output_path(args.out)
    store = replica(db).current()
    if out is None:
        write_export(store, sys.stdout)
        return 0
    try:
        with atomic_text_file(out) as handle:
            rows = write_export(store, handle)
    except OSError as error:
        print(f"无法写入 / cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return REFUSED
    print(f"导出 exported {rows} rows to {out}", file=sys.stderr)
    return 0


def cmd_passwd(db: Path, args) -> int:
    """Ask for a password twice (or read one line from a pipe) and print the secrets.toml line with its hash."""
    if sys.stdin.isatty():
        password = getpass.getpass("密码 / password: ")
        if getpass.getpass("再输一次 / again: ") != password:
            raise UsageError("两次输入的密码不一致 / the passwords differ")
    else:
        password = sys.stdin.readline().rstrip("\n")
    if len(password) < 8:
        raise UsageError("密码至少 8 位 / a password needs at least 8 characters")
    print("[upload_users]  # in .streamlit/secrets.toml")
    print(f'"{args.name}" = "{hash_password(password)}"')
    return 0


def with_settings(store, args) -> None:
    """--region, --benchmark and --reference not given: the federation's settings (NoHome when no home is set)."""
    found = read_settings(store)
    if getattr(args, "reference", "") is None:
        args.reference = found.reference
    if getattr(args, "benchmark", "") is None:
        args.benchmark = found.benchmark or ""
    if args.region is None:
        args.region = home_of(store)


def view_selection(store, args) -> Selection:
    """The Selection a command reads: --region, --benchmark and --period as an adcode, a set id and a quarter (the
    latest with figures when no period is given), with --reference and --lang; a usage error naming what cannot be
    read."""
    with_settings(store, args)
    resolver = RegionResolver(store.query("region_index"), store.query("region_aliases"))
    region = resolver.resolve(args.region).adcode
    set_id = find_benchmark_set(store, args.benchmark)
    period = read_period(args.period) if args.period else store.scalar("latest_period", region=region or "")
    if region is None or set_id is None or period is None:
        raise UsageError(
            f"无法识别 / cannot read: region {args.region!r} {'ok' if region else 'unknown or ambiguous'}, "
            f"benchmark {args.benchmark!r} {'ok' if set_id else 'unknown'}, period {args.period!r} "
            f"{'ok' if period else 'unknown'}"
        )
    return Selection(region, set_id, period, args.reference, lang=args.lang)


def cmd_compare(db: Path, args) -> int:
    """The read model's comparison rows as UTF-8 CSV (comparison.CSV_COLUMNS): the same numbers every page shows."""
    output_path(args.out)
    store = replica(db).current()
    selection = view_selection(store, args)
    try:
        frame = compare_csv_frame(comparison(store, selection))
    except UnknownReference:
        raise UsageError(
            f"无法识别对标参照 / --reference must be average, best, p90 or a code of a region the home is compared "
            f"with: {args.reference!r}"
        ) from None
    return write_csv(frame, args.out, "rows")


def write_csv(frame, out: str | None, what: str) -> int:
    """A frame as UTF-8 CSV to standard output, or to `out` through a temporary file renamed into place."""
    if out:
        with atomic_text_file(Path(out)) as handle:
            frame.to_csv(handle, index=False, lineterminator="\n")
        print(f"已写入 wrote {len(frame)} {what} to {out}", file=sys.stderr)
    else:
        frame.to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


def cmd_briefing(db: Path, args) -> int:
    """Write the briefing (unionbench.briefing); usage errors for what cannot be read, refused when there is
    nothing to report or no chromium for a PDF."""
    out = Path(args.out)
    if out.suffix.lower() not in (".docx", ".pdf"):
        raise UsageError(f"输出文件须为 .docx 或 .pdf / --out must end in .docx or .pdf: {out}")
    store = replica(db).current()
    selection = view_selection(store, args)
    from unionbench.briefing import BriefingError, PdfUnavailable, write_briefing  # matplotlib: only when asked

    started = time.perf_counter()
    try:
        write_briefing(store, selection, out)
    except (BriefingError, PdfUnavailable) as error:
        print(f"未生成通报 / no briefing written: {error}", file=sys.stderr)
        return REFUSED
    print(f"已生成 wrote {out} ({out.stat().st_size:,} bytes) in {time.perf_counter() - started:.1f} s")
    return 0


def cmd_serve(db: Path, args) -> int:
    """Replace this process with `streamlit run` on the installed dashboard.py, reading the database given here.
    The app's own .streamlit/config.toml lies beside dashboard.py, so Streamlit applies it from any working
    directory; accounts are read from .streamlit/secrets.toml in the working directory (or ~/.streamlit)."""
    dashboard = app_dir() / "dashboard.py"
    command = [sys.executable, "-m", "streamlit", "run", str(dashboard), "--server.address", args.host]
    command += ["--server.port", str(args.port), *args.streamlit_options]
    sys.stdout.flush()
    os.execve(sys.executable, command, {**os.environ, DB_ENV: str(db)})
    return 0  # not reached


COMMANDS = {
    "init": cmd_init,
    "ingest": cmd_ingest,
    "uploads": cmd_uploads,
    "revert": cmd_revert,
    "history": cmd_history,
    "export": cmd_export,
    "passwd": cmd_passwd,
    "scale": cmd_scale,
    "briefing": cmd_briefing,
    "compare": cmd_compare,
    "serve": cmd_serve,
}
NEEDS_DATABASE = {"ingest", "uploads", "revert", "history", "export", "briefing", "compare", "serve"}


# --- similar peers and custom benchmark sets ----------------------------------------------------------


def add_peer_and_set_commands(commands) -> None:
    peers = commands.add_parser("peers", help="the regions most similar to a home in structure, as CSV")
    peers.add_argument("--region", help="home city or county: code or name (default: the home setting)")
    peers.add_argument("--k", type=int, default=DEFAULT_K, help=f"how many (default {DEFAULT_K}, at most {MAX_K})")
    peers.add_argument("--within", choices=WITHIN, default="province", help="the home's province (default) or all")
    peers.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the figure names")
    peers.add_argument("--out", help="write to this file instead of standard output")
    sets = commands.add_parser("sets", help="benchmark sets: list, add or remove custom ones")
    actions = sets.add_subparsers(dest="action", required=True)
    actions.add_parser("list", help="every benchmark set, CSV defaults and custom ones")
    add = actions.add_parser("add", help="add (or with --replace, change) a custom set of cities")
    add.add_argument("--id", required=True, help="a slug: lower-case letters, digits, - or _")
    add.add_argument("--name-zh", required=True)
    add.add_argument("--name-en", required=True)
    add.add_argument("--members", required=True, help="city codes or names, comma-separated")
    add.add_argument("--rule", choices=RULES, default="pooled", help="pooled (default), best or average")
    add.add_argument("--user", help="who saves it (default: the login name)")
    add.add_argument("--replace", action="store_true", help="change the custom set with this id")
    remove = actions.add_parser("remove", help="remove a custom set (the CSV defaults stay)")
    remove.add_argument("id")
    remove.add_argument("--user", help="who removes it (default: the login name)")


def cmd_peers(db: Path, args) -> int:
    """The similar peers (unionbench.read.similar) as UTF-8 CSV: rank,region_code,region_name,level,distance,similar_in
    and the structural figures compared."""
    output_path(args.out)
    store = replica(db).current()
    with_settings(store, args)
    resolver = RegionResolver(store.query("region_index"), store.query("region_aliases"))
    region = resolver.resolve(args.region).adcode
    if region is None:
        raise UsageError(f"无法识别地区 / cannot read the region (unknown or ambiguous): {args.region!r}")
    if not 1 <= args.k <= MAX_K:
        raise UsageError(f"--k 须在 1 到 {MAX_K} 之间 / --k must be between 1 and {MAX_K}: {args.k}")
    try:
        result = similar_peers(store, region, args.k, args.within)
    except NoPeers as error:
        print(f"无法比较结构 / no peers: {error}", file=sys.stderr)
        return REFUSED
    names = {i: ind.name for i, ind in catalogue(store, args.lang).items()}
    return write_csv(peers_csv_frame(result, names), args.out, "peers")


def member_codes(store, text: str) -> tuple[str, ...]:
    """--members as adcodes: each item a code or a name; a usage error names the items that cannot be read."""
    resolver = RegionResolver(store.query("region_index"), store.query("region_aliases"))
    items = [item.strip() for item in text.split(",") if item.strip()]
    codes = [resolver.resolve(item).adcode for item in items]
    unread = [item for item, code in zip(items, codes, strict=True) if code is None]
    if unread:
        raise UsageError(
            f"无法识别地区（不存在或有重名，请用代码）/ cannot read these members (unknown or ambiguous: use the "
            f"code): {', '.join(unread)}"
        )
    return tuple(codes)


def cmd_sets(db: Path, args) -> int:
    if args.action == "list":
        sets = views.benchmark_sets(replica(db).current())
        print("id\tsource\trule\tname_zh\tname_en\tmembers\tupdated_by\tupdated_at")
        store = replica(db).current()
        for row in sets.itertuples():
            members = " ".join(store.query("benchmark_members", set_id=row.id)["adcode"])
            rule = row.member_rule if row.rule == "members" else row.rule
            when = "" if pd.isna(row.updated_at) else f"{row.updated_at:%Y-%m-%d %H:%M}"
            say(row.id, row.source, rule, row.name_zh, row.name_en, members, row.updated_by or "", when)
        return 0
    try:
        user = reporting_cli.acting_as(db, args, "sets", f"set {args.id}").name
        if args.action == "add":
            members = member_codes(replica(db).current(), args.members)
            draft = SetDraft(args.id, args.name_zh, args.name_en, members, args.rule)
            save_set(db, draft, user, editing=args.replace)
            print(f"已保存对标组 saved benchmark set {args.id} ({len(members)} members)")
        else:
            remove_set(db, args.id)
            print(f"已删除对标组 removed benchmark set {args.id}")
        replica(db).refresh()  # this process reads the new snapshot from now on
    except SetRejected as rejected:
        print("未保存 / nothing saved:", file=sys.stderr)
        for problem in rejected.problems:
            say("  ✗ " + problem.line(), file=sys.stderr)
        return REFUSED
    return 0


COMMANDS |= {"peers": cmd_peers, "sets": cmd_sets}
NEEDS_DATABASE |= {"peers", "sets"}
COMMANDS |= reporting_cli.COMMANDS  # users, submissions, approve, return, status, audit, deadline
NEEDS_DATABASE |= reporting_cli.NEEDS_DATABASE
COMMANDS |= targets_cli.COMMANDS
NEEDS_DATABASE |= targets_cli.NEEDS_DATABASE
COMMANDS |= settings_cli.COMMANDS
NEEDS_DATABASE |= settings_cli.NEEDS_DATABASE
COMMANDS |= catalogue_cli.COMMANDS
NEEDS_DATABASE |= catalogue_cli.NEEDS_DATABASE


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    db = resolve_db_path(getattr(args, "db", None))
    if args.command in NEEDS_DATABASE and not db.exists():
        print(
            f"数据库不存在，请先运行 unionbench init / no database at {db}: run `unionbench init` first",
            file=sys.stderr,
        )
        return REFUSED
    try:
        return COMMANDS[args.command](db, args)
    except (UsageError, reporting_cli.ReportingUsage) as error:
        print(str(error), file=sys.stderr)
        return USAGE
    except ReportingError as error:
        say(f"{error.zh} / {error.en}", file=sys.stderr)
        return REFUSED
    except WriterBusy as error:
        print(f"数据库正被其他写入占用，请稍后再试 / the database is busy: {error}", file=sys.stderr)
        return REFUSED
    except NotInitialised:
        print(
            f"数据库未初始化完成，请运行 unionbench init / the database at {db} is not initialised: "
            "run `unionbench init`",
            file=sys.stderr,
        )
        return REFUSED
    except duckdb.IOException as error:
        print(f"无法打开数据库 / cannot open the database {db}: {error}", file=sys.stderr)
        return REFUSED
    except duckdb.CatalogException:  # a database from before a table this release reads (accounts, say)
        print(
            f"数据库需要升级，请运行 unionbench init / the database at {db} is from an older release: "
            "run `unionbench init`",
            file=sys.stderr,
        )
        return REFUSED
    except CatalogueError as error:
        print(f"指标目录有误 / the catalogue is invalid: {error}", file=sys.stderr)
        return REFUSED
    except BrokenPipeError:  # `unionbench export | head`: the reader left, which is fine
        sys.stderr.close()
        return 0
    except Exception as error:  # never a traceback for a user; the details go to a log file
        where = log_failure(db, args.command)
        print(
            f"出错了，未完成 / failed: {type(error).__name__}: {str(error)[:300]}"
            + (f" (详情 details: {where})" if where else ""),
            file=sys.stderr,
        )
        return REFUSED


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
