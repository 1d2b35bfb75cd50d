"""Accounts and roles, and signing in.

A *reporter* belongs to one region and may send only that region's figures; an *admin* reviews, uploads and manages
accounts. Accounts live in the table `users` (salted PBKDF2, unionbench.auth). Accounts of `.streamlit/secrets.toml`
(`[upload_users]`) still sign in, as admins, unless the database has an account of the same name;
`unionbench users import-secrets` moves them into the database. Failed sign-ins are counted in the audit log, so every
replica sees the same count and a restart forgets nothing.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from unionbench.audit import AUDIT_TIMEOUT, audit
from unionbench.auth import SCHEME, SignInPolicy, Throttles, attempt_sign_in, check_user, hash_password, lock_wait
from unionbench.choices import ROLES
from unionbench.i18n import in_language
from unionbench.regions import RegionResolver
from unionbench.store import Store, WriterBusy, bump_data_version, load_query, writer, writer_lock

MIN_PASSWORD = 8
NAME_PATTERN = re.compile(r"^[^\s\x00-\x1f\x7f]{1,64}$")  # no spaces or control characters, at most 64


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
    throttles: Throttles,
) -> tuple[Account | None, float]:
    """(the account, or None; seconds to wait) through the throttled check of unionbench.auth."""
    users = sign_in_users(store, secrets_users)
    hashes = {n: h for n, (h, _) in users.items()}
    ok, wait = attempt_sign_in(hashes, name, password, address, throttles.names, throttles.addresses)
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


@dataclass(frozen=True)
class NewAccount:
    """An account as an admin asks for it, before it is checked: its name, first password, role, and for a reporter
    its region (a code or a name)."""

    name: str
    password: str
    role: str
    region: str | None = None


def add_user(primary: Path, new: NewAccount, by: str, address: str | None = None) -> Account:
    """A new account; a reporter needs its region (a code or a name)."""
    name, password = check_name(new.name), check_password(new.password)
    role, region = new.role, new.region
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


def change_role(
    primary: Path, name: str, role: str, region: str | None, by: str, address: str | None = None
) -> Account:
    """An existing account's role and region (a clerk moves to another county, a reporter becomes an admin). The
    password stays. The last enabled admin keeps its role, so the federation is never left without one."""
    if role not in ROLES:
        raise ReportingError(f"角色须为 admin 或 reporter：{role}", f"The role is admin or reporter, not {role!r}.")
    if role == "reporter" and not region:
        raise ReportingError("报送账号须指定地区（--region）。", "A reporter needs its region (--region).")
    changed: list[Account] = []

    def apply(store: Store, cur) -> None:
        row = existing(store, name)
        code = region_of(store, region) if role == "reporter" else None
        found = store.query("accounts")
        admins = found[(found.role == "admin") & ~found.disabled.astype(bool)]
        if row.role == "admin" and role != "admin" and set(admins.name) <= {name}:
            raise ReportingError(
                f"{name} 是唯一可用的管理员账号，不能改为报送账号。",
                f"{name!r} is the only enabled admin account; it cannot become a reporter.",
            )
        cur.execute(load_query("write/set_user_role"), {"name": name, "role": role, "region": code})
        audit(cur, by, "user_role", name, f"{role}{' ' + code if code else ''}", address)
        changed.append(Account(name, role, code))

    account_change(primary, apply)
    return changed[0]


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


def demo_accounts() -> dict[str, str | None]:
    """The demo's accounts from data/demo/accounts.csv, name → region (None for an admin): data, like the demo's
    figures and settings, so no place is named in code."""
    from unionbench.paths import DEMO_ACCOUNTS_CSV

    rows = pd.read_csv(DEMO_ACCOUNTS_CSV, dtype=str, keep_default_na=False)
    return {row.name: (row.region or None) if row.role == "reporter" else None for row in rows.itertuples()}


def load_demo_accounts(store: Store) -> int:
    """The demo admin and reporters (password demo2026) where missing; returns how many were added. One hash for
    all of them: these passwords are published in the README, and eight PBKDF2 runs cost init 2.5 s."""
    taken = set(store.query("accounts")["name"])
    wanted = demo_accounts()
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


def accounts_with_example_password(store: Store) -> list[str]:
    """Enabled database accounts whose password is still the published demo one (auth.EXAMPLE_PASSWORD)."""
    from unionbench.auth import users_with_example_password

    found = store.query("account_hashes")
    return users_with_example_password(dict(zip(found.name, found.password_hash, strict=True)))
