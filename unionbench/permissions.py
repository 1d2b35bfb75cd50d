"""Who may do what: one check for every write, used by the pages and the command line alike.

A page passes its signed-in account's name, the command line its `--user` (else the login name). When the database
holds accounts, the name must be an enabled account whose role may do the action; otherwise the action is refused
with a reason in both languages. A database with no account at all is run by the operator at the server's shell,
who may do everything (the CLI says so).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from unionbench.accounts import Account, ReportingError, sign_in_users
from unionbench.audit import record_refusal, refused_here
from unionbench.store import Store, replica

ADMIN, REPORTER = "admin", "reporter"
ROLE_ZH = {ADMIN: "管理员", REPORTER: "报送员"}

# action → the roles that may do it. A reporter's upload is a submission for review; only an admin publishes.
ROLES_FOR: dict[str, frozenset[str]] = {
    "ingest": frozenset({ADMIN, REPORTER}),
    "submit": frozenset({REPORTER}),
    "approve": frozenset({ADMIN}),
    "return": frozenset({ADMIN}),
    "revert": frozenset({ADMIN}),
    "deadline": frozenset({ADMIN}),
    "settings": frozenset({ADMIN}),
    "catalogue": frozenset({ADMIN}),
    "rules": frozenset({ADMIN}),
    "targets": frozenset({ADMIN}),
    "sets": frozenset({ADMIN}),
    "accounts": frozenset({ADMIN}),
    "config": frozenset({ADMIN}),
}


class PermissionRefused(ReportingError):
    """The named account may not do this action (unknown, disabled or without the role)."""

    def __init__(self, zh: str, en: str, name: str | None, action: str):
        super().__init__(zh, en)
        self.name, self.action = name, action


@dataclass(frozen=True)
class Actor:
    """Who does a write: the account, and whether it is the operator of a database without accounts."""

    account: Account
    operator_mode: bool = False

    @property
    def name(self) -> str:
        return self.account.name


def has_accounts(store: Store, secrets_users: Mapping[str, str] | None = None) -> bool:
    """Whether anyone holds an account (enabled or not): then every write needs one."""
    return bool(secrets_users) or not store.query("accounts").empty


def authorize(store: Store, name: str | None, action: str, secrets_users: Mapping[str, str] | None = None) -> Actor:
    """The actor allowed to do `action` as `name`, or PermissionRefused naming why."""
    if action not in ROLES_FOR:
        raise ValueError(f"unknown action {action!r}; expected one of {sorted(ROLES_FOR)}")
    secrets_users = secrets_users or {}
    if not has_accounts(store, secrets_users):
        return Actor(Account(name or "operator", ADMIN, source="shell"), operator_mode=True)
    entry = sign_in_users(store, secrets_users).get(name or "")
    if entry is None:
        known = not store.query("accounts").query("name == @name").empty
        if known:
            raise PermissionRefused(
                f"账号 {name} 已停用，不能执行此操作（{action}）。",
                f"The account {name!r} is disabled and may not do this ({action}).",
                name,
                action,
            )
        raise PermissionRefused(
            f"没有名为 {name} 的账号；请用 --user 指定一个有效账号（{action}）。",
            f"No account is named {name!r}; name an enabled account with --user ({action}).",
            name,
            action,
        )
    account = entry[1]
    needed = sorted(ROLES_FOR[action])
    if account.role not in needed:
        roles_zh = "或".join(ROLE_ZH[r] for r in needed)
        raise PermissionRefused(
            f"账号 {name}（{ROLE_ZH[account.role]}）无权执行此操作（{action}），需要{roles_zh}。",
            f"The account {name!r} ({account.role}) may not do this ({action}); it needs: {', '.join(needed)}.",
            name,
            action,
        )
    return Actor(account)


def permit(
    where: Path | Store,
    name: str | None,
    action: str,
    secrets_users: Mapping[str, str] | None = None,
    target: str | None = None,
    address: str | None = None,
) -> Actor:
    """authorize() for a write about to happen, with a refusal written to the audit log (who, what on which target,
    why) before it is raised, so a refused attempt leaves a trace like a done one. `where` is the primary database
    of an entry point about to write (the newest published accounts are read: an account disabled a moment ago must
    not still act), or the Store of a writer that already holds it (the refusal goes into the same database)."""
    holding = isinstance(where, Store)
    if holding:
        store = where
    else:
        reader = replica(Path(where))
        reader.refresh()
        store = reader.current()
    try:
        return authorize(store, name, action, secrets_users)
    except PermissionRefused as refused:
        user, what = name or "", target or action
        if holding:
            refused_here(store, user, action, what, refused.en, address)
        else:
            record_refusal(where, user, action, what, refused.en, address)
        raise
