"""The quarterly reporting cycle: accounts and roles, submissions an admin approves or returns, the
tracker of which county has reported, and the audit log.

A *reporter* belongs to one region and may send only that region's figures; what it sends is *submitted*: kept in
the database (the file's bytes and the figures it was read as) and archived, visible to admins, counted in no
figure. An *admin* approves it (then it is committed like any upload: versioned, published) or returns it with a
reason. An admin's own upload publishes directly. Every sign-in failure, upload, submission, approval, return,
revert and account change is written to the audit log.

Accounts live in the table `users` (salted PBKDF2, unionbench.auth). Accounts of `.streamlit/secrets.toml`
(`[upload_users]`) still sign in, as admins, unless the database has an account of the same name;
`unionbench users import-secrets` moves them into the database.
"""

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from unionbench.auth import SCHEME, SignInPolicy, Throttle, attempt_sign_in, check_user, hash_password, lock_wait
from unionbench.commit import CommitResult, commit_observations
from unionbench.formatting import period_text
from unionbench.i18n import in_language, ngettext, t
from unionbench.ingest import (
    HELD,
    MAX_LISTED,
    Prepared,
    UploadOutcome,
    archive_file,
    check_outside_lock,
    commit_file,
    held,
    hold,
    prepare,
    revert_upload,
)
from unionbench.ingest.problems import Problem
from unionbench.periods import period_index, shift
from unionbench.regions import RegionResolver
from unionbench.store import Store, WriterBusy, bump_data_version, load_query, writer, writer_lock

ROLES = ("admin", "reporter")
STATUSES = ("missing", "submitted", "returned", "approved")
DEFAULT_DEADLINE_DAYS = 15  # the 15th day after the quarter's end
MIN_PASSWORD = 8
NAME_PATTERN = re.compile(r"^[^\s\x00-\x1f\x7f]{1,64}$")  # no spaces or control characters, at most 64
STATUS_COLUMNS = ["region_code", "region_name", "status", "figures", "submitted_by", "submitted_at"]
STATUS_EXTRA = ["deadline", "days_overdue", "submission_id", "reason", "reminder"]
AUDIT_TIMEOUT = 2.0  # seconds a failed sign-in waits for the writer to note itself; then only the server log has it


class ReportingError(ValueError):
    """A refusal with its reason in both languages (no such account, not waiting for review …)."""

    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh, self.en = zh, en

    def text(self, lang: str) -> str:
        return in_language(self.zh, self.en, lang)


@dataclass(frozen=True)
class Account:
    """Who is signed in: name, role, the region a reporter reports for, and where the account is kept."""

    name: str
    role: str
    region: str | None = None
    source: str = "database"  # or "secrets": a `.streamlit/secrets.toml` account, an admin

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


# --- audit ---------------------------------------------------------------------------------------------------


def audit(
    cur: duckdb.DuckDBPyConnection,
    user: str | None,
    action: str,
    target: str | None = None,
    detail: str | None = None,
    address: str | None = None,
) -> None:
    """One audit entry, inside the caller's transaction."""
    cur.execute(
        load_query("write/insert_audit"),
        {"user_name": user, "action": action, "target": target, "detail": detail, "address": address},
    )


def record_sign_in_failure(primary: Path, name: str, address: str | None, locked_for: float = 0) -> bool:
    """Note a failed sign-in in the audit log (name and address, never the password). It changes no data version,
    so no snapshot is copied for it; it waits at most AUDIT_TIMEOUT for a running upload and returns False when it
    could not write (the server log still has the failure)."""
    detail = f"locked for {locked_for:.0f} s" if locked_for else None
    try:
        with writer(Path(primary), timeout=AUDIT_TIMEOUT) as store, store.transaction() as cur:
            audit(cur, name.strip()[:64], "sign_in_failed", None, detail, address or "local")
    except (WriterBusy, duckdb.Error, OSError):
        return False
    return True


def record_refusal(
    primary: Path, user: str, action: str, target: str | None, why: str, address: str | None = None
) -> bool:
    """Note a refused write in the audit log: who tried, which action on what, and why it was refused."""
    return record_entry(primary, user, "refused", target, f"{action}: {why}", address)


def record_entry(
    primary: Path, user: str, action: str, target: str | None, detail: str, address: str | None = None
) -> bool:
    """One audit entry on its own (a refusal, a yes to held rows). Like a failed sign-in it changes no data version
    and waits at most AUDIT_TIMEOUT for a running write (False: not written; the caller's outcome stands)."""
    try:
        with writer(Path(primary), timeout=AUDIT_TIMEOUT) as store, store.transaction() as cur:
            audit(cur, user[:64], action, target, detail[:1000], address)
    except (WriterBusy, duckdb.Error, OSError):
        return False
    return True


def refused_here(store: Store, user: str, action: str, target: str | None, why: str, address: str | None) -> None:
    """The same note from inside a writer that already holds the lock (a cross-county file, a refused approval)."""
    with store.transaction() as cur:
        audit(cur, user[:64], "refused", target, f"{action}: {why}"[:1000], address)


# --- sign-in failures counted in the database -------------------------------------------------------------------
# The audit log is the count: every replica writes to the same primary and a restart forgets nothing.

SIGN_IN_POLICY = SignInPolicy()


def sign_in_key(name: str, address: str | None) -> tuple[str, str]:
    """(the name as the throttle compares it, the address as recorded)."""
    return name.strip()[:64].lower(), address or "local"


def _lock_wait(store: Store, name: str, address: str | None, now: str | None = None) -> float:
    """The wait from the recorded outcomes, and `now` ('sign_in' or 'sign_in_failed') as if already recorded."""
    who, where = sign_in_key(name, address)
    events = store.query("sign_in_events", window=float(SIGN_IN_POLICY.window), who=who, address=where)
    rows = list(events.itertuples(index=False, name=None)) + ([(0.0, who, where, now)] if now else [])
    return lock_wait(rows, who, where, SIGN_IN_POLICY)


def sign_in_wait(primary: Path, name: str, address: str | None) -> float | None:
    """Seconds before `name` may try again from `address` (0: now); None when the database cannot be read now (an
    upload holds it), and the caller falls back to its own process's count."""
    try:
        with writer_lock(Path(primary), timeout=AUDIT_TIMEOUT):
            store = Store(Path(primary))
            try:
                return _lock_wait(store, name, address)
            finally:
                store.close()
    except (WriterBusy, duckdb.Error, OSError):
        return None


def record_sign_in(primary: Path, name: str, address: str | None, ok: bool) -> float | None:
    """Note a sign-in's outcome in the audit log and return the wait it now causes (a failure may lock: the entry
    says for how long, so the audit shows lockouts); None when it could not be written."""
    action = "sign_in" if ok else "sign_in_failed"
    try:
        with writer(Path(primary), timeout=AUDIT_TIMEOUT) as store:
            wait = _lock_wait(store, name, address, action)
            detail = f"locked for {wait:.0f} s" if wait and not ok else None
            with store.transaction() as cur:
                audit(cur, name.strip()[:64], action, None, detail, address or "local")
            return wait
    except (WriterBusy, duckdb.Error, OSError):
        return None


def unlock_sign_in(primary: Path, name: str, by: str, address: str | None = None) -> None:
    """An admin lets `name` try again from everywhere at once (its counted failures are forgiven, not deleted)."""
    with writer(Path(primary)) as store, store.transaction() as cur:
        audit(cur, by, "sign_in_unlock", name.strip()[:64], None, address)


def check_password_of(store: Store, secrets_users: Mapping[str, str], name: str, password: str) -> Account | None:
    """The enabled account when the password is its own (an unknown name costs one hash too), else None."""
    users = sign_in_users(store, secrets_users)
    if not check_user({n: h for n, (h, _) in users.items()}, name, password):
        return None
    return users[name.strip()][1]


def audit_entries(primary: Path, since: dt.date | None = None) -> pd.DataFrame:
    """The audit log newest first (from `since`), read from the primary database under the writer lock: failed
    sign-ins are not published in a snapshot of their own."""
    start = dt.datetime.combine(since, dt.time()) if since else None
    with writer_lock(Path(primary), timeout=AUDIT_TIMEOUT * 5):
        store = Store(Path(primary))
        try:
            store.apply_schema()
            return store.query("audit_log", since=start)
        finally:
            store.close()


# --- accounts ------------------------------------------------------------------------------------------------


def accounts(store: Store) -> pd.DataFrame:
    """Every account: name, role, region, region_name, disabled, created_at, changed_at (no hashes)."""
    return store.query("accounts")


def sign_in_users(store: Store, secrets_users: Mapping[str, str]) -> dict[str, Account | str]:
    """name → (password hash, Account) for everyone who may sign in: enabled database accounts, and secrets.toml
    accounts (admins) whose name the database does not hold."""
    found = store.query("account_hashes")
    taken = set(store.query("accounts")["name"])  # a disabled database account shadows a secrets one
    users = {
        str(name): (str(hashed), Account(str(name), "admin", source="secrets"))
        for name, hashed in secrets_users.items()
        if str(name) not in taken
    }
    for row in found.itertuples(index=False):
        region = row.region if isinstance(row.region, str) else None  # null comes back as NaN
        users[row.name] = (row.password_hash, Account(row.name, row.role, region))
    return users


def find_account(store: Store, secrets_users: Mapping[str, str], name: str | None) -> Account | None:
    """The enabled account of that name, or None (unknown, or disabled since it signed in)."""
    if not name:
        return None
    entry = sign_in_users(store, secrets_users).get(name)
    return entry[1] if entry else None


def sign_in(
    store: Store,
    secrets_users: Mapping[str, str],
    name: str,
    password: str,
    address: str | None,
    names: Throttle,
    addresses: Throttle,
) -> tuple[Account | None, float]:
    """(the account, or None; seconds to wait) through the throttled check of unionbench.auth."""
    users = sign_in_users(store, secrets_users)
    ok, wait = attempt_sign_in({n: h for n, (h, _) in users.items()}, name, password, address, names, addresses)
    return (users[name.strip()][1] if ok else None), wait


def check_name(name: str) -> str:
    name = name.strip()
    if not NAME_PATTERN.fullmatch(name):
        raise ReportingError(
            "用户名须为 1–64 个字符，不含空格或控制字符。", "A user name has 1–64 characters, without spaces."
        )
    return name


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ReportingError(f"密码至少 {MIN_PASSWORD} 位。", f"A password needs at least {MIN_PASSWORD} characters.")
    return password


def region_of(store: Store, text: str) -> str:
    """A reporter's region from a code or a name: a county or a city (for city-level figures)."""
    resolved = RegionResolver(store.query("region_index"), store.query("region_aliases")).resolve(text)
    levels = store.query("region_names", adcodes=[resolved.adcode or ""])
    if resolved.adcode is None or levels.empty or levels.at[0, "level"] not in ("county", "city"):
        raise ReportingError(
            f"找不到区县或城市“{text}”：请写行政区划代码（如 510824）。",
            f"No county or city '{text}': give its administrative code (e.g. 510824).",
        )
    return resolved.adcode


def account_change(primary: Path, change: Callable[[Store, duckdb.DuckDBPyConnection], None]) -> None:
    """Run one account change under the writer lock, in one transaction, and publish it (a new data version that
    recomputes no figure), so every dashboard process signs in against it within a second."""
    with writer(Path(primary)) as store, store.transaction() as cur:
        change(store, cur)
        bump_data_version(cur, figures=False)


def add_user(
    primary: Path, name: str, password: str, role: str, region: str | None, by: str, address: str | None = None
) -> Account:
    """A new account; a reporter needs its region (a code or a name)."""
    name, password = check_name(name), check_password(password)
    if role not in ROLES:
        raise ReportingError(f"角色须为 admin 或 reporter：{role}", f"The role is admin or reporter, not {role!r}.")
    if role == "reporter" and not region:
        raise ReportingError("报送账号须指定地区（--region）。", "A reporter needs its region (--region).")
    hashed = hash_password(password)
    made: list[Account] = []

    def change(store: Store, cur) -> None:
        code = region_of(store, region) if region else None
        if name in set(store.query("accounts")["name"]):
            raise ReportingError(f"账号 {name} 已存在。", f"There is already an account {name!r}.")
        cur.execute(
            load_query("write/insert_user"), {"name": name, "password_hash": hashed, "role": role, "region": code}
        )
        audit(cur, by, "user_add", name, f"{role}{' ' + code if code else ''}", address)
        made.append(Account(name, role, code))

    account_change(primary, change)
    return made[0]


def existing(store: Store, name: str) -> pd.Series:
    found = store.query("accounts")
    found = found[found.name == name]
    if found.empty:
        raise ReportingError(f"没有账号 {name}。", f"There is no account {name!r}.")
    return found.iloc[0]


def disable_user(primary: Path, name: str, by: str, address: str | None = None) -> None:
    """The account can no longer sign in (a signed-in session loses it on its next page run); history keeps it."""

    def change(store: Store, cur) -> None:
        existing(store, name)
        cur.execute(load_query("write/set_user_disabled"), {"name": name, "disabled": True})
        audit(cur, by, "user_disable", name, None, address)

    account_change(primary, change)


def set_password(primary: Path, name: str, password: str, by: str, address: str | None = None) -> None:
    hashed = hash_password(check_password(password))

    def change(store: Store, cur) -> None:
        existing(store, name)
        cur.execute(load_query("write/set_user_password"), {"name": name, "password_hash": hashed})
        cur.execute(load_query("write/set_user_disabled"), {"name": name, "disabled": False})
        audit(cur, by, "user_passwd", name, None, address)

    account_change(primary, change)


def import_secrets(primary: Path, users: Mapping[str, str], by: str, address: str | None = None) -> list[str]:
    """`.streamlit/secrets.toml`'s [upload_users] as admin accounts (hashes as they are); names the database has
    already are left alone. Returns the names imported."""
    imported: list[str] = []

    def change(store: Store, cur) -> None:
        taken = set(store.query("accounts")["name"])
        for name, hashed in users.items():
            if str(name) in taken or not str(hashed).startswith(SCHEME + "$"):
                continue
            params = {"name": check_name(str(name)), "password_hash": str(hashed), "role": "admin", "region": None}
            cur.execute(load_query("write/insert_user"), params)
            audit(cur, by, "user_add", str(name), "admin (from secrets.toml)", address)
            imported.append(str(name))

    account_change(primary, change)
    return imported


DEMO_PASSWORD = "demo2026"
DEMO_ADMIN = "demo"
# One reporter per Guangyuan county, named by its pinyin (documented in README).
DEMO_REPORTERS = {
    "lizhou": "510802",
    "zhaohua": "510811",
    "chaotian": "510812",
    "wangcang": "510821",
    "qingchuan": "510822",
    "jiange": "510823",
    "cangxi": "510824",
}


def load_demo_accounts(store: Store) -> int:
    """The demo admin and reporters (password demo2026) where missing; returns how many were added. One hash for
    all of them: these passwords are published in the README, and eight PBKDF2 runs cost init 2.5 s."""
    taken = set(store.query("accounts")["name"])
    wanted = {DEMO_ADMIN: None} | DEMO_REPORTERS
    missing = {name: region for name, region in wanted.items() if name not in taken}
    if not missing:
        return 0
    hashed = hash_password(DEMO_PASSWORD)
    with store.transaction() as cur:
        for name, region in missing.items():
            role = "admin" if region is None else "reporter"
            params = {"name": name, "password_hash": hashed, "role": role, "region": region}
            cur.execute(load_query("write/insert_user"), params)
            audit(cur, "init", "user_add", name, f"{role}{' ' + region if region else ''} (demo)")
        bump_data_version(cur, figures=False)
    return len(missing)


# --- submitting, approving, returning -------------------------------------------------------------------------


def region_problems(prepared: Prepared, region: str, names: Mapping[str, str]) -> list[Problem]:
    """One problem per file row that holds another region's figures (row, column region, value, reason)."""
    observations = prepared.observations
    others = observations[observations.region != region]
    if others.empty:
        return []
    rows = others.drop_duplicates("row" if "row" in others else "region").sort_values(
        "row" if "row" in others else "region", kind="stable"
    )
    own = names.get(region, region)
    return [
        Problem(
            "other_region",
            int(row.row) if "row" in others and pd.notna(row.row) else None,
            "地区",  # the region column as the template heads it (a person reads this, not a field name)
            names.get(row.region, row.region),
            {"own": own},
        )
        for row in rows.itertuples(index=False)
    ]


def restricted(prepared: Prepared, region: str, names: Mapping[str, str]) -> Prepared:
    """The checked file, refused whole when it holds any region but `region`."""
    if not prepared.ok:
        return prepared
    problems = region_problems(prepared, region, names)
    if not problems:
        return prepared
    return dataclasses.replace(
        prepared,
        errors=problems[:MAX_LISTED],
        error_count=len(problems),
        problem_counts={**prepared.problem_counts, "other_region": len(problems)},
    )


def region_names(store: Store, adcodes) -> dict[str, str]:
    found = store.query("region_names", adcodes=sorted(set(adcodes)))
    return dict(zip(found.adcode, found.name_zh, strict=True))


def check_for(store: Store, data: bytes, file_name: str, account: Account, period, today) -> Prepared:
    """prepare() and, for a reporter, the region rule."""
    prepared = prepare(data, file_name, store, period, today)
    return restricted_for(store, prepared, account)


def restricted_for(store: Store, prepared: Prepared, account: Account) -> Prepared:
    """For a reporter: refused whole when it holds another region's rows, and without the warning that the other
    counties are missing (a county sends only its own)."""
    if account.is_admin:
        return prepared
    if prepared.warnings:
        kept = [w for w in prepared.warnings if w.code != "county_missing"]
        left_out = len(prepared.warnings) - len(kept)
        counts = {k: v for k, v in prepared.problem_counts.items() if k != "county_missing"}
        prepared = dataclasses.replace(
            prepared, warnings=kept, warning_count=prepared.warning_count - left_out, problem_counts=counts
        )
    if not prepared.ok:
        return prepared
    names = region_names(store, [*prepared.observations.region, account.region])
    return restricted(prepared, account.region, names)


@dataclass
class SubmitOutcome:
    prepared: Prepared
    submission_id: int | None  # None when refused


def submit_file(
    primary: Path,
    data: bytes,
    file_name: str,
    account: Account,
    period: str | None = None,
    today: dt.date | None = None,
    address: str | None = None,
    accept_held: bool = False,
) -> SubmitOutcome:
    """A reporter's file: checked (its own region only), then stored whole for review; no figure changes. Rows that
    are probably slips (ingest.HELD) need `accept_held`: the reporter said yes to each."""
    primary = Path(primary)
    prepared = check_outside_lock(primary, data, file_name, period, today)
    with writer(primary) as store:
        if prepared is None:
            prepared = prepare(data, file_name, store, period, today)
        prepared = restricted_for(store, prepared, account)
        if not prepared.ok:
            others = prepared.problem_counts.get("other_region", 0)
            if others:  # a county sending another's figures: refused, and the attempt is kept
                why = f"{others} row(s) of a region other than {account.region}"
                refused_here(store, account.name, "submit", file_name, why, address)
            return SubmitOutcome(prepared, None)
        confirmed = confirmed_rows(prepared)
        if confirmed and not accept_held:
            refused_here(store, account.name, "submit", file_name, f"held without a yes: {confirmed}", address)
            return SubmitOutcome(hold(prepared), None)
        archive_file(primary, prepared.sha256, file_name, data)
        rows = prepared.observations[["region", "indicator", "period", "value"]].astype({"value": "float64"})
        with store.transaction() as cur:
            submission_id = cur.execute(
                load_query("write/insert_submission"),
                {
                    "file_name": file_name,
                    "sha256": prepared.sha256,
                    "content": data,
                    "period": period,
                    "region": account.region,
                    "user_name": account.name,
                    "figures": len(rows),
                },
            ).fetchone()[0]
            cur.register("incoming_submission_rows", rows)
            cur.execute(load_query("write/insert_submission_rows"), {"submission_id": submission_id})
            cur.unregister("incoming_submission_rows")
            detail = f"{file_name}: {len(rows)}" + (f"; confirmed {confirmed}" if confirmed else "")
            audit(cur, account.name, "submit", f"submission #{submission_id}", detail, address)
            bump_data_version(cur, figures=False)
    return SubmitOutcome(prepared, int(submission_id))


def waiting_submission(
    store: Store, submission_id: int, by: str | None = None, action: str = "", address: str | None = None
) -> pd.Series:
    """The submission, still waiting for review; otherwise refused (and, with `by`, the refusal audited: of two
    admins approving at once, the second is told it is already approved, and the log shows both tries)."""
    try:
        return _waiting(store, submission_id)
    except ReportingError as error:
        if by is not None:
            refused_here(store, by, action, f"submission #{submission_id}", error.en, address)
        raise


def _waiting(store: Store, submission_id: int) -> pd.Series:
    found = store.query("submission_by_id", submission_id=submission_id)
    if found.empty:
        raise ReportingError(f"没有编号为 {submission_id} 的报送。", f"There is no submission #{submission_id}.")
    row = found.iloc[0]
    if row.status != "submitted":
        word = {"approved": ("已审核通过", "approved"), "returned": ("已退回", "returned")}[row.status]
        raise ReportingError(
            f"报送 #{submission_id} {word[0]}，不能再审核。", f"Submission #{submission_id} is already {word[1]}."
        )
    return row


def same_figures(left: pd.DataFrame, right: pd.DataFrame) -> bool:
    """The same (region, indicator, period, value) rows in any order, whatever the frames' dtypes."""

    def rows(frame: pd.DataFrame) -> list[tuple]:
        return sorted(
            zip(
                frame.region.astype(str),
                frame.indicator.astype(str),
                frame.period.astype(str),
                frame.value.astype("float64"),
                strict=True,
            )
        )

    return len(left) == len(right) and rows(left) == rows(right)


@dataclass
class ApproveOutcome:
    prepared: Prepared
    result: CommitResult | None  # None when the file no longer passes against the current figures


def approve_submission(
    primary: Path, submission_id: int, by: str, today: dt.date | None = None, address: str | None = None
) -> ApproveOutcome:
    """Commit a submission as an upload (versioned, published), after checking its file again against the figures
    stored now: a file that no longer passes is refused with its problems (it stays submitted, to be returned);
    one that reads differently than when it was sent (the catalogue changed) is refused; otherwise exactly the
    figures that were previewed are committed."""
    with writer(Path(primary)) as store:
        sent = waiting_submission(store, submission_id, by, "approve", address)
        account = Account(sent.user_name, "reporter", sent.region)
        period = sent.period if isinstance(sent.period, str) else None
        prepared = check_for(store, bytes(sent.content), sent.file_name, account, period, today)
        target = f"submission #{submission_id}"
        if not prepared.ok:
            why = f"no longer passes against the current figures ({prepared.error_count} problem(s))"
            refused_here(store, by, "approve", target, why, address)
            return ApproveOutcome(prepared, None)
        rows = store.query("submission_rows", submission_id=submission_id)
        if not same_figures(prepared.observations, rows):
            refused_here(store, by, "approve", target, "reads differently than when it was sent", address)
            raise ReportingError(
                f"报送 #{submission_id} 的文件现在读出的数值与提交时不同（地区或指标目录已更新）："
                "请退回，请其重新报送。",
                f"Submission #{submission_id} now reads differently than when it was sent (the regions or the "
                "catalogue changed): return it and ask for a new one.",
            )

        def approved(cur, upload_id: int) -> None:
            cur.execute(
                load_query("write/review_submission"),
                {
                    "submission_id": submission_id,
                    "status": "approved",
                    "user_name": by,
                    "reason": None,
                    "upload_id": upload_id,
                },
            )
            audit(cur, by, "approve", f"submission #{submission_id}", f"upload #{upload_id}: {sent.file_name}", address)

        result = commit_observations(
            store,
            rows,
            file_name=sent.file_name,
            sha256=sent.sha256,
            user_name=sent.user_name,
            layout=prepared.layout or "unknown",
            note=f"报送 #{submission_id}，{by} 审核通过 / submission #{submission_id} approved by {by}",
            on_commit=approved,
        )
    return ApproveOutcome(prepared, result)


def return_submission(primary: Path, submission_id: int, by: str, reason: str, address: str | None = None) -> None:
    """Send a submission back with the reason its reporter sees; no figure changes."""
    reason = (reason or "").strip()
    if not reason:
        raise ReportingError("退回须写明原因。", "A return needs a reason.")
    if len(reason) > 500:
        raise ReportingError("退回原因最多 500 字。", "A reason has at most 500 characters.")
    with writer(Path(primary)) as store:
        waiting_submission(store, submission_id, by, "return", address)
        with store.transaction() as cur:
            cur.execute(
                load_query("write/review_submission"),
                {
                    "submission_id": submission_id,
                    "status": "returned",
                    "user_name": by,
                    "reason": reason,
                    "upload_id": None,
                },
            )
            audit(cur, by, "return", f"submission #{submission_id}", reason, address)
            bump_data_version(cur, figures=False)


def confirmed_rows(prepared: Prepared) -> str:
    """The held rows of a checked file, for the audit log: 'row 3 四川省; row 5 广元市' ('' when none)."""
    if not HELD & set(prepared.problem_counts):
        return ""
    return "; ".join(f"row {p.row} {p.value}" for p in held(prepared)) or "held rows"


def publish_file(
    primary: Path,
    data: bytes,
    file_name: str,
    user: str,
    period: str | None = None,
    today: dt.date | None = None,
    address: str | None = None,
    accept_held: bool = False,
) -> UploadOutcome:
    """An admin's upload: committed and published at once (ingest.commit_file), with its audit entry. Rows held
    as probable slips (ingest.HELD) are written only with `accept_held`; the yes is in the audit entry, and a file
    held for want of one leaves a refusal there."""

    def audited(cur, upload_id: int) -> None:
        audit(cur, user, "upload", f"upload #{upload_id}", file_name, address)

    outcome = commit_file(
        Path(primary), data, file_name, user, period, today, on_commit=audited, accept_held=accept_held
    )
    if outcome.result is not None and confirmed_rows(outcome.prepared):
        target = f"upload #{outcome.result.upload_id}"
        record_entry(primary, user, "confirm", target, confirmed_rows(outcome.prepared), address)
    elif outcome.result is None and HELD & {p.code for p in outcome.prepared.errors}:
        rows = "; ".join(f"row {p.row} {p.value}" for p in outcome.prepared.errors if p.code in HELD)
        record_refusal(primary, user, "ingest", file_name, f"held without a yes: {rows}", address)
    return outcome


def revert(primary: Path, upload_id: int, user: str, address: str | None = None) -> pd.Series:
    """Take an upload back (ingest.revert_upload), with its audit entry."""
    return revert_upload(
        Path(primary),
        upload_id,
        user,
        on_revert=lambda cur: audit(cur, user, "revert", f"upload #{upload_id}", None, address),
    )


def submissions(store: Store, period: str | None = None) -> pd.DataFrame:
    """Submissions newest first (those with figures for `period`, when given), without the file bytes."""
    return store.query("submissions", period=period)


def submission_file(store: Store, submission_id: int) -> tuple[bytes, str, str | None]:
    """(the bytes as sent, the file name, the quarter chosen when sending) for a preview."""
    found = store.query("submission_by_id", submission_id=submission_id).iloc[0]
    return bytes(found.content), found.file_name, found.period if isinstance(found.period, str) else None


# --- the tracker ---------------------------------------------------------------------------------------------


def deadline(period: str, days: int = DEFAULT_DEADLINE_DAYS) -> dt.date:
    """The day a quarter's figures are due: `days` after its last day (2026Q4 → 2027-01-15 by default)."""
    following = shift(period, 1)
    quarter_end = dt.date(int(following[:4]), 3 * int(following[-1]) - 2, 1) - dt.timedelta(days=1)
    return quarter_end + dt.timedelta(days=days)


def deadline_days(store: Store) -> int:
    value = store.scalar("setting", key="deadline_days")
    return int(value) if value is not None else DEFAULT_DEADLINE_DAYS


def set_deadline_days(primary: Path, days: int, by: str, address: str | None = None) -> None:
    if not 0 <= days <= 366:
        raise ReportingError("截止天数须在 0–366 之间。", "The deadline is 0 to 366 days after the quarter.")

    def change(store: Store, cur) -> None:
        cur.execute(load_query("write/set_setting"), {"key": "deadline_days", "value": str(days)})
        audit(cur, by, "deadline", None, f"{days} days after the quarter", address)

    account_change(primary, change)


def reminder(region_name: str, period: str, due: dt.date, overdue: int, reason: str | None) -> str:
    """The Chinese reminder for a WeChat work group."""
    values = {
        "region": region_name,
        "period": period_text(period, "zh"),
        "year": due.year,
        "month": due.month,
        "day": due.day,
    }
    if reason:  # overdue only after the deadline; before it, returned with the date still to meet
        return t("reminder.returned" if overdue > 0 else "reminder.returned_due", "zh", reason=reason, days=overdue,
                 **values)  # fmt: skip
    if overdue > 0:
        return t("reminder.overdue", "zh", days=overdue, **values)
    return t("reminder.due", "zh", **values)


def status_table(store: Store, home: str, period: str, today: dt.date, days: int | None = None) -> pd.DataFrame:
    """Every county of `home` for `period`: STATUS_COLUMNS + deadline, days_overdue, submission_id, reason and a
    reminder (for a county still missing or returned)."""
    if period_index(period) < 0:
        raise ValueError(period)
    due = deadline(period, deadline_days(store) if days is None else days)
    frame = store.query("tracker", home=home, period=period)
    late = max(0, (today - due).days)
    owing = frame.status.isin(["missing", "returned"])
    frame["deadline"] = due.isoformat()
    frame["days_overdue"] = owing.map({True: late, False: 0}).astype(int)
    frame["reminder"] = [
        reminder(row.region_name, period, due, row.days_overdue, row.reason if row.status == "returned" else None)
        if owing_now
        else ""
        for row, owing_now in zip(frame.itertuples(index=False), owing, strict=True)
    ]
    return frame[STATUS_COLUMNS + STATUS_EXTRA]


def status_csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The tracker for `unionbench status`: times as ISO text, empty where none."""
    shown = frame.copy()
    shown["submitted_at"] = pd.to_datetime(shown.submitted_at).dt.strftime("%Y-%m-%d %H:%M:%S").fillna("")
    shown["submission_id"] = shown.submission_id.astype("Int64")
    return shown


def region_template_files(store: Store, region: str, period: str, lang: str = "zh") -> dict[str, bytes]:
    """The upload template of a reporter's own region: its rows with last quarter's figures (templates)."""
    from unionbench.templates import template_files

    return template_files(store, region, period, lang)


def accounts_with_example_password(store: Store) -> list[str]:
    """Enabled database accounts whose password is still the published demo one (auth.EXAMPLE_PASSWORD)."""
    from unionbench.auth import users_with_example_password

    found = store.query("account_hashes")
    return users_with_example_password(dict(zip(found.name, found.password_hash, strict=True)))


def deadline_words(status: str, deadline_iso: str, today: dt.date, lang: str) -> str:
    """For a county still owing (missing or returned): '距截止还有 N 天' before the deadline, '今天截止' on it, '已逾期
    N 天' only after it; '—' for a county whose figures are in."""
    if status not in ("missing", "returned"):
        return "—"
    left = (dt.date.fromisoformat(deadline_iso) - today).days
    if left > 0:
        return ngettext("deadline_left", "deadline_left.plural", left, lang, days=left)
    return (
        t("deadline_today", lang)
        if left == 0
        else ngettext("deadline_overdue", "deadline_overdue.plural", -left, lang, days=-left)
    )
