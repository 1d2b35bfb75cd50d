"""One permission check for every write: who may do what, whatever the entry point."""

import pytest

from tests.support import published_copy
from unionbench.permissions import ROLES_FOR, PermissionRefused, authorize
from unionbench.reporting import add_user, disable_user
from unionbench.store import replica


@pytest.fixture(scope="module")
def store_with_accounts(reference_db_path, tmp_path_factory):
    """Read only by its tests, so made once: each account costs a full-strength password hash."""
    db = published_copy(reference_db_path, tmp_path_factory.mktemp("accounts"))
    add_user(db, "boss", "secret-pass-1", "admin", None, by="test")
    add_user(db, "clerk", "secret-pass-2", "reporter", "510824", by="test")
    add_user(db, "gone", "secret-pass-3", "admin", None, by="test")
    disable_user(db, "gone", by="test")
    yield replica(db).current()


def test_a_database_without_accounts_lets_the_operator_do_everything(reference_db_path, tmp_path):
    store = replica(published_copy(reference_db_path, tmp_path)).current()
    for action in ROLES_FOR:
        assert authorize(store, "someone", action).operator_mode


def test_an_admin_may_approve_and_a_reporter_may_not(store_with_accounts):
    assert authorize(store_with_accounts, "boss", "approve").name == "boss"
    with pytest.raises(PermissionRefused) as refused:
        authorize(store_with_accounts, "clerk", "approve")
    assert "clerk" in refused.value.zh and "approve" in refused.value.en


def test_an_unknown_or_disabled_name_is_refused_with_its_reason(store_with_accounts):
    with pytest.raises(PermissionRefused, match="No account"):
        authorize(store_with_accounts, "nobody", "revert")
    with pytest.raises(PermissionRefused, match="disabled"):
        authorize(store_with_accounts, "gone", "approve")
