"""Who may upload: a users table of salted PBKDF2 hashes, compared in constant time.

The table lives in `.streamlit/secrets.toml` (never committed):

    [upload_users]
    zhangsan = "pbkdf2_sha256$600000$<salt hex>$<hash hex>"

`unionbench passwd NAME` prints such a line. Plain passwords are never stored or logged.
"""

import hashlib
import hmac
import secrets
from collections.abc import Mapping

SCHEME = "pbkdf2_sha256"
ITERATIONS = 600_000  # OWASP's 2023 figure for PBKDF2-HMAC-SHA256; about 0.3 s here, once per sign-in


def hash_password(password: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
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
