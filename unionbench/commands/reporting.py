"""The reporting cycle's commands: users, submissions, approve, return, status, audit, deadline.

Each prints one line per outcome in Chinese and English; a refusal (no such account, not waiting for review) exits
1, a usage error 2, like the rest of `unionbench`.
"""

import datetime as dt
import getpass
import sys
import tomllib
from pathlib import Path

from unionbench.choices import ROLES
from unionbench.commands.common import ADMIN_HELP, REFUSED, UsageError, acting_as, fresh
from unionbench.formatting import say, terminal_text


def add_commands(commands) -> None:
    """The subcommands on the `unionbench` parser."""
    users = commands.add_parser("users", help="accounts: add, list, role, disable, passwd, unlock, import-secrets")
    actions = users.add_subparsers(dest="users_command", required=True)
    add = actions.add_parser("add", help="a new account (prompts for the password)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--region", help="a reporter's region: its code (e.g. 510824) or name")
    add.add_argument("--password-stdin", action="store_true", help="read the password from one line of stdin")
    add.add_argument("--user", help=ADMIN_HELP)
    actions.add_parser("list", help="every account (no passwords)")
    role = actions.add_parser("role", help="change an account's role and region (its password stays)")
    role.add_argument("name")
    role.add_argument("--role", required=True, choices=ROLES)
    role.add_argument("--region", help="a reporter's region: its code (e.g. 510824) or name")
    role.add_argument("--user", help=ADMIN_HELP)
    disable = actions.add_parser("disable", help="the account can no longer sign in")
    disable.add_argument("name")
    disable.add_argument("--user", help=ADMIN_HELP)
    passwd = actions.add_parser("passwd", help="set a new password (and enable the account)")
    passwd.add_argument("name")
    passwd.add_argument("--password-stdin", action="store_true", help="read the password from one line of stdin")
    passwd.add_argument("--user", help=ADMIN_HELP)
    unlock = actions.add_parser("unlock", help="let a name locked by failed sign-ins try again at once")
    unlock.add_argument("name")
    unlock.add_argument("--user", help=ADMIN_HELP)
    imported = actions.add_parser("import-secrets", help="move .streamlit/secrets.toml's [upload_users] in, as admins")
    imported.add_argument("file", nargs="?", default=".streamlit/secrets.toml")
    imported.add_argument("--user", help=ADMIN_HELP)

    listed = commands.add_parser("submissions", help="reporters' submissions, newest first")
    listed.add_argument("--period", help="only those with figures for this quarter, e.g. 2026Q4")
    approve = commands.add_parser("approve", help="commit a submitted file (versioned, published)")
    approve.add_argument("submission_id", type=int)
    approve.add_argument("--user", help="the admin approving (default: the login name)")
    back = commands.add_parser("return", help="send a submission back to its reporter with a reason")
    back.add_argument("submission_id", type=int)
    back.add_argument("--reason", required=True)
    back.add_argument("--user", help="the admin returning it (default: the login name)")
    status = commands.add_parser("status", help="the submission tracker for a quarter, as CSV")
    status.add_argument("--period", required=True, help="the quarter, e.g. 2026Q4")
    status.add_argument("--home", help="the home city's code (default: the home setting)")
    status.add_argument("--deadline-days", type=int, help="days after the quarter's end (default: the setting)")
    status.add_argument("--today", help="the date to count overdue days from (default: today), e.g. 2027-01-18")
    audit = commands.add_parser("audit", help="the audit log, newest first, as CSV")
    audit.add_argument("--since", help="from this date, e.g. 2026-12-01")
    deadline = commands.add_parser("deadline", help="show or set the days after a quarter's end figures are due")
    deadline.add_argument("days", nargs="?", type=int)
    deadline.add_argument("--user", help="who changes it (default: the login name)")


NEEDS_DATABASE = {"users", "submissions", "approve", "return", "status", "audit", "deadline"}


def refused(error) -> int:
    say(f"{error.zh} / {error.en}", file=sys.stderr)
    return REFUSED


def read_password(from_stdin: bool) -> str:
    """Twice at a terminal, or one line of stdin (--password-stdin, or a pipe)."""
    if from_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    password = getpass.getpass("密码 / password: ")
    if getpass.getpass("再输一次 / again: ") != password:
        raise UsageError("两次输入的密码不一致 / the passwords differ")
    return password


def cmd_users(db: Path, args) -> int:
    from unionbench import accounts
    from unionbench.accounts import ReportingError
    from unionbench.console import shell_address

    if args.users_command == "list":
        return list_users(db)
    if args.users_command in ("add", "role") and args.role == "admin" and args.region:
        raise UsageError("管理员账号不属于某个地区 / an admin has no --region")
    try:
        # The very first account of a database is made by its operator (no account yet to act as).
        by = acting_as(db, args, "accounts", getattr(args, "name", None)).name
        where = shell_address()
        if args.users_command == "add":
            password = read_password(args.password_stdin)
            account = accounts.add_user(db, accounts.NewAccount(args.name, password, args.role, args.region), by, where)
            region = f" · {account.region}" if account.region else ""
            print(f"已添加账号 added account {terminal_text(account.name)} ({account.role}{region})")
        elif args.users_command == "role":
            account = accounts.change_role(db, args.name, args.role, args.region, by, where)
            region = f" · {account.region}" if account.region else ""
            print(f"已更改账号 changed account {terminal_text(account.name)} ({account.role}{region})")
        elif args.users_command == "disable":
            accounts.disable_user(db, args.name, by, where)
            print(f"已停用账号 disabled account {terminal_text(args.name)}")
        elif args.users_command == "unlock":
            accounts.unlock_sign_in(db, args.name, by, where)
            print(f"已解除登录锁定 / {terminal_text(args.name)} may sign in again now")
        elif args.users_command == "passwd":
            accounts.set_password(db, args.name, read_password(args.password_stdin), by, where)
            print(f"已更新密码 new password set for {terminal_text(args.name)}")
        else:
            return import_secrets(db, Path(args.file), by)
    except ReportingError as error:
        return refused(error)
    return 0


def list_users(db: Path) -> int:
    from unionbench import accounts

    found = accounts.accounts(fresh(db))
    print("name\trole\tregion\tregion_name\tstatus\tcreated_at")
    for row in found.itertuples(index=False):
        region = row.region if isinstance(row.region, str) else ""
        name = row.region_name if isinstance(row.region_name, str) else ""
        state = "disabled" if row.disabled else "active"
        say(row.name, row.role, region, name, state, f"{row.created_at:%Y-%m-%d %H:%M}")
    return 0


def import_secrets(db: Path, path: Path, by: str) -> int:
    from unionbench import accounts
    from unionbench.console import shell_address

    if not path.is_file():
        raise UsageError(f"找不到文件 / no such file: {path}")
    try:
        users = tomllib.loads(path.read_text(encoding="utf-8")).get("upload_users", {})
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"无法读取 / cannot read {path}: {error}") from None
    names = accounts.import_secrets(db, users, by, shell_address())
    listed = terminal_text(", ".join(names)) or "—"
    print(f"已导入 {len(names)} 个管理员账号 / imported {len(names)} admin account(s): {listed}")
    return 0


def cmd_submissions(db: Path, args) -> int:
    from unionbench import submissions

    period = quarter(args.period) if args.period else None
    found = submissions.submissions(fresh(db), period)
    print("id\tstatus\tregion\tregion_name\tuser\tsubmitted_at\tperiods\tfigures\tfile\treviewed_by\treason")
    for row in found.itertuples(index=False):
        reviewed = row.reviewed_by if isinstance(row.reviewed_by, str) else ""
        reason = row.reason if isinstance(row.reason, str) else ""  # typed by an admin on the page
        say(
            row.id, row.status, row.region, row.region_name, row.user_name, f"{row.submitted_at:%Y-%m-%d %H:%M:%S}",
            row.periods, row.figures, row.file_name, reviewed, reason,
        )  # fmt: skip
    return 0


def cmd_approve(db: Path, args) -> int:
    from unionbench import submissions
    from unionbench.accounts import ReportingError
    from unionbench.console import print_problems, shell_address

    try:
        by = acting_as(db, args, "approve", f"submission #{args.submission_id}").name
        outcome = submissions.approve_submission(db, args.submission_id, by, None, shell_address())
    except ReportingError as error:
        return refused(error)
    if outcome.result is None:
        print(
            f"未通过：报送 #{args.submission_id} 按当前数据检查有问题，未写入任何数据（可退回） / not approved: "
            f"submission #{args.submission_id} no longer passes against the current figures; nothing written"
        )
        print_problems(outcome.prepared)
        return REFUSED
    result = outcome.result
    print(
        f"已审核通过并提交 approved and committed: submission #{args.submission_id} → upload #{result.upload_id} · "
        f"{result.added} 新增 added, {result.changed} 修改 changed, {result.unchanged} 未变 unchanged"
    )
    return 0


def cmd_return(db: Path, args) -> int:
    from unionbench import submissions
    from unionbench.accounts import ReportingError
    from unionbench.console import shell_address

    try:
        by = acting_as(db, args, "return", f"submission #{args.submission_id}").name
        submissions.return_submission(db, args.submission_id, by, args.reason, shell_address())
    except ReportingError as error:
        return refused(error)
    print(f"已退回 returned submission #{args.submission_id}")
    return 0


def quarter(text: str) -> str:
    from unionbench.ingest.normalise import read_period

    found = read_period(text)
    if found is None:
        raise UsageError(f"无法识别季度 / cannot read the quarter: {text} (e.g. 2026Q4)")
    return found


def cmd_status(db: Path, args) -> int:
    from unionbench import tracker
    from unionbench.settings import home_of

    period = quarter(args.period)
    try:
        today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    except ValueError:
        raise UsageError(f"无法识别日期 / cannot read the date: {args.today} (e.g. 2027-01-18)") from None
    if args.deadline_days is not None and not 0 <= args.deadline_days <= 366:
        raise UsageError("--deadline-days 须在 0–366 之间 / --deadline-days is 0 to 366")
    store = fresh(db)
    if args.home is None:
        args.home = home_of(store)
    frame = tracker.status_table(store, args.home, period, today, args.deadline_days)
    if frame.empty:
        raise UsageError(f"{args.home} 没有下属区县 / {args.home} has no counties")
    tracker.status_csv_frame(frame).to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


def cmd_audit(db: Path, args) -> int:
    from unionbench import audit

    try:
        since = dt.date.fromisoformat(args.since) if args.since else None
    except ValueError:
        raise UsageError(f"无法识别日期 / cannot read the date: {args.since} (e.g. 2026-12-01)") from None
    frame = audit.audit_entries(db, since)
    frame["logged_at"] = frame["logged_at"].dt.strftime("%Y-%m-%d %H:%M:%S")
    for column in ("user_name", "target", "detail", "address"):  # a name typed at sign-in may carry ESC[…
        frame[column] = frame[column].map(lambda v: terminal_text(v) if isinstance(v, str) else v)
    frame.to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


def cmd_deadline(db: Path, args) -> int:
    from unionbench import tracker
    from unionbench.accounts import ReportingError
    from unionbench.console import shell_address

    if args.days is None:
        days = tracker.deadline_days(fresh(db))
        print(f"季度结束后第 {days} 天截止 / figures are due {days} days after a quarter ends")
        return 0
    try:
        by = acting_as(db, args, "deadline").name
        tracker.set_deadline_days(db, args.days, by, shell_address())
    except ReportingError as error:
        return refused(error)
    print(f"已设为季度结束后第 {args.days} 天 / figures are now due {args.days} days after a quarter ends")
    return 0


COMMANDS = {
    "users": cmd_users,
    "submissions": cmd_submissions,
    "approve": cmd_approve,
    "return": cmd_return,
    "status": cmd_status,
    "audit": cmd_audit,
    "deadline": cmd_deadline,
}
