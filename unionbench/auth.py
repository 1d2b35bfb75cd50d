"""Who may upload: a users table of salted PBKDF2 hashes, compared in constant time.

The table lives in `.streamlit/secrets.toml` (never committed):

    [upload_users]
    zhangsan = "pbkdf2_sha256$600000$<salt hex>$<hash hex>"

`unionbench passwd NAME` prints such a line. Plain passwords are never stored or logged.
"""

import hashlib
import hmac
import logging
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

SCHEME = "pbkdf2_sha256"
log = logging.getLogger("unionbench.auth")
ITERATIONS = 600_000  # OWASP's 2023 figure for PBKDF2-HMAC-SHA256; about 0.3 s here, once per sign-in


def hash_password(password: str, salt: bytes | None = None, iterations: int | None = None) -> str:
    """A salted hash naming its scheme and rounds (ITERATIONS unless given): a check reads the rounds from it."""
    iterations = iterations or ITERATIONS
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"{SCHEME}${iterations}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """True when `password` matches the stored hash; a malformed entry never matches."""
    try:
        scheme, iterations, salt, expected = stored.split("$")
        if scheme != SCHEME:
            return False
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt), int(iterations))
    except (ValueError, AttributeError):
        return False
    return hmac.compare_digest(digest.hex(), expected)


def check_user(users: Mapping[str, str], name: str, password: str) -> bool:
    """True when `name` is a configured user and the password is theirs. An unknown name still costs one hash, so
    the answer's timing does not tell which names exist."""
    stored = users.get(name.strip())
    if stored is None:
        verify_password(password, hash_password("", b"\0" * 16))
        return False
    return verify_password(password, str(stored))


# --- throttling failed sign-ins -------------------------------------------------------------


@dataclass
class Throttle:
    """Failed sign-ins counted per key (a user name, an address). `limit` failures within `window` seconds lock
    the key for `first_lock` seconds, doubling with each further lock (up to `longest_lock`); a success or a
    quiet `window` after a lock forgives. `clock` is injected so tests need not wait."""

    limit: int = 5
    window: float = 15 * 60
    first_lock: float = 60
    longest_lock: float = 60 * 60
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, list[float]] = field(default_factory=dict)
    _locks: dict[str, tuple[float, int]] = field(default_factory=dict)  # key → (locked until, locks so far)
    _mutex: threading.Lock = field(default_factory=threading.Lock)

    def wait(self, *keys: str) -> float:
        """Seconds until every key may try again (0: now)."""
        now = self.clock()
        with self._mutex:
            return max([0.0] + [self._locks[k][0] - now for k in keys if k in self._locks])

    def failed(self, *keys: str) -> float:
        """Count a failure against each key; returns the wait it now causes (0 when none is locked)."""
        now = self.clock()
        with self._mutex:
            for key in keys:
                until, locks = self._locks.get(key, (0.0, 0))
                if locks and now - until > self.window:  # quiet since its last lock: start over
                    until, locks = 0.0, 0
                recent = [t for t in self._failures.get(key, []) if now - t < self.window] + [now]
                if len(recent) >= self.limit:
                    until, locks, recent = now + min(self.first_lock * 2**locks, self.longest_lock), locks + 1, []
                self._failures[key] = recent
                if locks:
                    self._locks[key] = (until, locks)
                else:
                    self._locks.pop(key, None)
        return self.wait(*keys)

    def succeeded(self, *keys: str) -> None:
        with self._mutex:
            for key in keys:
                self._failures.pop(key, None)
                self._locks.pop(key, None)


@dataclass(frozen=True)
class Throttles:
    """A process's own count of failed sign-ins, kept while the database cannot record them: one throttle for the
    names typed and one for the addresses they came from."""

    names: Throttle
    addresses: Throttle


@dataclass(frozen=True)
class SignInPolicy:
    """When failed sign-ins lock, counted per name *and* address, so five wrong passwords for a name from one place
    do not lock that name's owner out elsewhere; a name from anywhere has a higher cap (a spread attack), and an
    address one for every name together (colleagues behind one proxy share an address). `limit` failures within
    `window` lock for `first_lock` seconds, doubling with each further `limit` (up to `longest_lock`)."""

    pair_limit: int = 5
    name_limit: int = 50
    address_limit: int = 20
    window: float = 15 * 60
    first_lock: float = 60
    longest_lock: float = 60 * 60


def lock_wait(events, name: str, address: str, policy: SignInPolicy = SignInPolicy()) -> float:
    """Seconds `name` must wait before trying from `address` (0: now), from the recorded sign-in outcomes, oldest
    first: (age in seconds, name case-folded, address, action). A success forgives that name from that address; an
    admin's unlock forgives the name everywhere."""
    pair: list[float] = []
    by_name: list[float] = []
    by_address: list[float] = []
    for age, who, where, action in events:
        mine, here = who == name, where == address
        if action == "sign_in_unlock" and mine:
            pair.clear()
            by_name.clear()
        elif action == "sign_in" and mine and here:
            pair.clear()
        elif action == "sign_in_failed":
            at = -float(age)
            if mine and here:
                pair.append(at)
            if mine:
                by_name.append(at)
            if here:
                by_address.append(at)

    def waiting(times: list[float], limit: int) -> float:
        locks = len(times) // limit
        if not locks:
            return 0.0
        until = times[limit * locks - 1] + min(policy.first_lock * 2 ** (locks - 1), policy.longest_lock)
        return max(0.0, until)

    return max(
        waiting(pair, policy.pair_limit), waiting(by_name, policy.name_limit), waiting(by_address, policy.address_limit)
    )


def sign_in_keys(name: str, address: str | None) -> tuple[str, str]:
    """The throttle's keys for one attempt: the name as typed (trimmed, case-folded) and the address."""
    return f"name:{name.strip().casefold()}", f"address:{address or 'local'}"


def attempt_sign_in(
    users: Mapping[str, str],
    name: str,
    password: str,
    address: str | None,
    name_throttle: Throttle,
    address_throttle: Throttle,
) -> tuple[bool, float]:
    """(signed in, seconds to wait). A locked name or address is refused without checking the password; a failure
    is logged with the name and address (never the password)."""
    name_key, address_key = sign_in_keys(name, address)
    wait = max(name_throttle.wait(name_key), address_throttle.wait(address_key))
    if wait > 0:
        log.warning("sign-in refused while locked: name=%r address=%s (%.0f s left)", name, address or "local", wait)
        return False, wait
    if check_user(users, name, password):
        name_throttle.succeeded(name_key)
        return True, 0.0
    wait = max(name_throttle.failed(name_key), address_throttle.failed(address_key))
    log.warning(
        "failed sign-in: name=%r address=%s%s", name, address or "local", f"; locked for {wait:.0f} s" if wait else ""
    )
    return False, wait


# --- the example account --------------------------------------------------------------------

EXAMPLE_PASSWORD = "demo2026"  # the password of .streamlit/secrets.example.toml's demo account


@lru_cache(maxsize=256)
def is_example_password(stored: str) -> bool:
    """Whether a stored hash is of the example password (one PBKDF2 per hash and process)."""
    return verify_password(EXAMPLE_PASSWORD, stored)


def users_with_example_password(users: Mapping[str, str]) -> list[str]:
    return sorted(name for name, stored in users.items() if is_example_password(str(stored)))
