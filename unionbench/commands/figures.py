"""The database and its figures: `unionbench init`, `ingest`, `uploads`, `revert`, `history`, `export` and
`passwd` (a hashed account line for .streamlit/secrets.toml)."""

import sys
import time
from pathlib import Path

from unionbench.commands.common import REFUSED, UsageError, acting_as, fresh, output_path, read_password, readable_file
from unionbench.console import both, clause, counted, side_by_side
from unionbench.formatting import say, terminal_text


def add_commands(commands) -> None:
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


def cmd_init(db: Path, args) -> int:
    from unionbench.initdb import init_database

    started = time.perf_counter()
    report = init_database(db, demo=args.demo)
    print(f"{side_by_side('cli.database')}: {db}")
    print(
        f"{side_by_side('cli.regions')}: {report.regions} · {side_by_side('cli.indicators')}: {report.indicators} · "
        f"{side_by_side('cli.benchmark_sets')}: {report.benchmark_sets}"
    )
    if report.demo is not None:
        demo = report.demo
        if demo.already_imported:
            print(both("cli.demo_already", upload=demo.upload_id))
        else:
            changes = counted(demo.added, demo.changed, demo.unchanged)
            print(f"{side_by_side('cli.demo_data')}: upload #{demo.upload_id}, {changes}")
    from unionbench.geo import build_map_layers  # geopandas: imported by the one command that draws boundaries
    from unionbench.paths import cache_dir_for
    from unionbench.store import replica

    layers = build_map_layers(replica(db).current(), cache_dir_for(db))  # the first map visit only reads them
    print(f"{side_by_side('cli.map_layers')}: {layers}")
    print(f"{side_by_side('cli.took')} {time.perf_counter() - started:.1f} s")
    return 0


def cmd_ingest(db: Path, args) -> int:
    from unionbench.console import print_problem_counts, print_problems, problem_line, shell_address
    from unionbench.ingest import HELD, Upload, preview
    from unionbench.ingest.parse import read_upload
    from unionbench.ingest.problems import FileRejected
    from unionbench.periods import read_period
    from unionbench.store import replica
    from unionbench.submissions import check_for, publish_file, submit_file

    path = readable_file(args.file)
    if args.period and read_period(args.period) is None:
        raise UsageError(f"{both('cli.cannot_read_quarter')}: {args.period} (e.g. 2025Q3)")
    period = read_period(args.period) if args.period else None
    try:
        data = read_upload(path)  # a file over the size limit is refused before it is read
    except FileRejected as rejected:
        print(both("cli.rejected", n=1))
        say("  ✗ " + problem_line(rejected.problem))
        return REFUSED
    if args.dry_run:  # writes nothing: checked as the named account would be, if there is one
        account = ingest_account(db, args.user)
        store = replica(db).current()
        prepared = check_for(store, Upload(data, path.name, period), account)
    else:  # a reporter's file is submitted for review, an admin's committed
        account = acting_as(db, args, "ingest", path.name).account
        where = shell_address()
        yes = args.accept_warnings
        if not account.is_admin:
            submitted = submit_file(db, Upload(data, path.name, period), account, where, yes)
            prepared = submitted.prepared
        else:
            outcome = publish_file(db, Upload(data, path.name, period), account.name, where, yes)
            prepared = outcome.prepared
    if not args.dry_run:
        replica(db).refresh()  # a later command in this process (a test, a script) reads what was just written
    if not prepared.ok:
        print_problems(prepared)
        if HELD & {p.code for p in prepared.errors}:
            print(both("cli.accept_warnings"))
        return REFUSED
    for problem in prepared.warnings:
        say("  ! " + problem_line(problem))
    if prepared.warning_count > len(prepared.warnings):
        print_problem_counts(prepared)
    if args.dry_run:
        shown = preview(store, prepared)
        print(f"{both('cli.valid_dry_run')}: {counted(shown.added, shown.changed, shown.unchanged)}")
        for row in shown.changes[shown.changes.status == "changed"].itertuples():
            say(f"  {row.region_name} {row.indicator_name} {row.period}: {row.old_value:g} → {row.new_value:g}")
        return 0
    if not account.is_admin:
        print(both("cli.submitted", submission=submitted.submission_id, n=len(prepared.observations)))
        return 0
    result = outcome.result
    if result.changed_nothing:
        again = clause("cli.imported_before", upload=result.previous_upload_id) if result.already_imported else ""
        print(both("cli.nothing_changed", again=again, upload=result.upload_id, same=result.unchanged))
        return 0
    print(
        f"{side_by_side('cli.committed')}: upload #{result.upload_id} · "
        f"{counted(result.added, result.changed, result.unchanged)}"
    )
    return 0


def ingest_account(db: Path, name: str | None):
    """Whose rules a dry run checks a file by: the database account named by --user (a reporter's own region only);
    a name without an account, or none, is checked as the operator's."""
    from unionbench.accounts import Account, ReportingError, accounts
    from unionbench.console import login_name

    name = name or login_name()
    found = accounts(fresh(db))
    found = found[found.name == name]
    if found.empty:
        return Account(name, "admin", source="shell")
    row = found.iloc[0]
    if row.disabled:
        raise ReportingError(f"账号 {name} 已停用。", f"The account {name!r} is disabled.")
    return Account(name, row.role, row.region if isinstance(row.region, str) else None)


def cmd_uploads(db: Path, args) -> int:
    from unionbench.store import replica

    uploads = replica(db).current().query("uploads")
    print("id\tstatus\tcreated_at\tuser\tadded\tchanged\tunchanged\tfile")
    for row in uploads.itertuples():
        print(
            f"{row.id}\t{row.status}\t{row.created_at:%Y-%m-%d %H:%M:%S}\t{terminal_text(row.user_name)}\t"
            f"{row.rows_added}\t{row.rows_changed}\t{row.rows_unchanged}\t{terminal_text(row.file_name)}"
        )
    return 0


def cmd_revert(db: Path, args) -> int:
    from unionbench.console import shell_address
    from unionbench.ingest import RevertError
    from unionbench.submissions import revert

    try:
        user = acting_as(db, args, "revert", f"upload #{args.upload_id}").name
        upload = revert(db, args.upload_id, user, shell_address())
    except RevertError as error:
        say(f"{error.zh} / {error.en}", file=sys.stderr)
        return REFUSED
    print(both("cli.reverted", upload=upload.id, file=terminal_text(upload.file_name)))
    return 0


def cmd_history(db: Path, args) -> int:
    from unionbench.ingest.layout import IndicatorNames
    from unionbench.periods import read_period
    from unionbench.regions import RegionResolver
    from unionbench.store import replica

    store = replica(db).current()
    resolver = RegionResolver(store.query("region_index"), store.query("region_aliases"))
    region = resolver.resolve(args.region)
    indicator = IndicatorNames(store.query("indicator_catalogue")).find(args.indicator)
    period = read_period(args.period)
    if region.adcode is None or indicator is None or period is None:
        raise UsageError(
            f"{both('cli.cannot_read')}: region {region.status}, indicator "
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


def cmd_export(db: Path, args) -> int:
    """To standard output, or to --out through a temporary file renamed into place, so a failure half-way never
    leaves a truncated export (or spoils the previous one)."""
    from unionbench.export import atomic_text_file, write_export
    from unionbench.store import replica

    out = output_path(args.out)
    store = replica(db).current()
    if out is None:
        write_export(store, sys.stdout)
        return 0
    try:
        with atomic_text_file(out) as handle:
            rows = write_export(store, handle)
    except OSError as error:
        print(f"{both('cli.cannot_write')} {out}: {error.strerror or error}", file=sys.stderr)
        return REFUSED
    print(both("cli.exported", n=rows, out=out), file=sys.stderr)
    return 0


def cmd_passwd(db: Path, args) -> int:
    """Ask for a password twice (or read one line from a pipe) and print the secrets.toml line with its hash."""
    from unionbench.auth import hash_password

    password = read_password()
    if len(password) < 8:
        raise UsageError(both("cli.password_short"))
    print("[upload_users]  # in .streamlit/secrets.toml")
    print(f'"{args.name}" = "{hash_password(password)}"')
    return 0


COMMANDS = {
    "init": cmd_init,
    "ingest": cmd_ingest,
    "uploads": cmd_uploads,
    "revert": cmd_revert,
    "history": cmd_history,
    "export": cmd_export,
    "passwd": cmd_passwd,
}
NEEDS_DATABASE = {"ingest", "uploads", "revert", "history", "export"}
