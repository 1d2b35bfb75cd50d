import pandas as pd
import pytest

from tests.support import published_copy
from unionbench.commit import OBSERVATION_COLUMNS, UploadEntry, commit_observations
from unionbench.initdb import initialise
from unionbench.store import Replica, Store, bump_data_version, published_version, snapshot_dir, writer
from unionbench.targets import TARGET_COLUMNS


def schema_snapshot(store: Store) -> pd.DataFrame:
    with store.cursor() as cur:
        return cur.execute(
            "select table_name, column_name, data_type from information_schema.columns "
            "where table_catalog = current_database() order by table_name, column_name"
        ).df()


def row_counts(store: Store) -> dict[str, int]:
    with store.cursor() as cur:
        own = "select table_name from duckdb_tables() where database_name = current_database()"
        tables = [r[0] for r in cur.execute(own).fetchall()]
        return {t: cur.table(t).aggregate("count(*)").fetchall()[0][0] for t in tables}


def test_schema_applies_twice_without_change(fresh_store):
    fresh_store.apply_schema()
    first = schema_snapshot(fresh_store)
    fresh_store.apply_schema()
    assert schema_snapshot(fresh_store).equals(first)
    assert set(first.table_name) >= {
        "regions",
        "indicators",
        "observations",
        "uploads",
        "benchmark_sets",
        "targets",
        "current_observations",
        "indicator_values",
    }


def test_init_with_demo_twice_changes_nothing_the_second_time(fresh_store):
    first = initialise(fresh_store, demo=True)
    counts = row_counts(fresh_store)
    second = initialise(fresh_store, demo=True)
    assert first.demo.added > 10_000 and not first.demo.already_imported
    assert second.demo.already_imported and second.demo.upload_id == first.demo.upload_id
    assert row_counts(fresh_store) == counts


def test_a_failed_transaction_leaves_nothing_behind(fresh_store):
    fresh_store.apply_schema()
    try:
        with fresh_store.transaction() as cur:
            cur.execute("insert into targets values ('510800', 'outdoor_stations', 2026, 400)")
            raise RuntimeError("interrupted")
    except RuntimeError:
        pass
    assert row_counts(fresh_store)["targets"] == 0


def test_current_observations_pick_the_newest_version_of_committed_uploads(fresh_store):
    fresh_store.apply_schema()
    with fresh_store.transaction() as cur:
        cur.execute(
            "insert into uploads (id, file_name, sha256, user_name, layout, status) values "
            "(1, 'a.csv', 'a', 'x', 'long', 'committed'), (2, 'b.csv', 'b', 'x', 'long', 'committed'), "
            "(3, 'c.csv', 'c', 'x', 'long', 'reverted')"
        )
        cur.execute(
            "insert into observations values ('510824', 'trainings', '2025Q3', 5, 1, 1), "
            "('510824', 'trainings', '2025Q3', 7, 2, 2), ('510824', 'trainings', '2025Q3', 9, 3, 3)"
        )
    with fresh_store.cursor() as cur:
        rows = cur.execute("select value, upload_id from current_observations").fetchall()
    assert rows == [(7.0, 2)]


def put_target(primary, value):
    with writer(primary) as store, store.transaction() as cur:
        cur.execute("insert or replace into targets values ('510800', 'trainings', 2026, $v)", {"v": value})
        bump_data_version(cur)


def target(store):
    with store.cursor() as cur:
        return cur.execute("select target from targets").fetchone()[0]


def test_a_writer_publishes_a_snapshot_and_readers_move_to_the_next_one(tmp_path):
    primary = tmp_path / "p.duckdb"
    put_target(primary, 10)
    reader = Replica(primary, check_every=0)
    first = reader.current()
    assert target(first) == 10 and reader.version == "v1.duckdb"
    put_target(primary, 20)
    assert target(reader.current()) == 20 and reader.version == "v2.duckdb"
    assert target(first) == 10  # a page run still on the old snapshot finishes undisturbed
    reader.close()


def test_a_reader_tells_its_listeners_of_each_snapshot_it_moves_to(tmp_path):
    primary = tmp_path / "p.duckdb"
    put_target(primary, 10)
    reader = Replica(primary, check_every=0)
    seen = []
    reader.on_switch(lambda store, name: seen.append((name, target(store))))
    assert seen == []  # nothing read yet: the first snapshot is announced when the first page asks
    reader.current()
    reader.on_switch(lambda store, name: seen.append(("late", name)))  # a listener added later hears of it at once
    put_target(primary, 20)
    reader.current()
    reader.current()  # no new snapshot, no news
    assert seen == [("v1.duckdb", 10), ("late", "v1.duckdb"), ("v2.duckdb", 20), ("late", "v2.duckdb")]
    reader.close()


def test_a_listener_that_fails_never_stops_a_reader(tmp_path):
    primary = tmp_path / "p.duckdb"
    put_target(primary, 10)
    reader = Replica(primary, check_every=0)
    reader.on_switch(lambda store, name: 1 / 0)
    assert target(reader.current()) == 10
    reader.close()


def test_a_writer_that_changes_nothing_publishes_nothing_new(tmp_path):
    primary = tmp_path / "p.duckdb"
    put_target(primary, 10)
    with writer(primary):
        pass
    assert sorted(p.name for p in (tmp_path / "p.snapshots").glob("v*.duckdb")) == ["v1.duckdb"]


def test_a_reader_keeps_the_last_good_snapshot_when_the_new_one_cannot_be_opened(tmp_path):
    primary = tmp_path / "p.duckdb"
    put_target(primary, 10)
    reader = Replica(primary, check_every=0)
    assert target(reader.current()) == 10
    (tmp_path / "p.snapshots" / "CURRENT").write_text("v99.duckdb")  # points at nothing
    assert target(reader.current()) == 10 and reader.version == "v1.duckdb"
    reader.close()


def test_only_the_newest_snapshots_are_kept(tmp_path):
    primary = tmp_path / "p.duckdb"
    for value in range(6):
        put_target(primary, value)
    kept = sorted(p.name for p in (tmp_path / "p.snapshots").glob("v*.duckdb"))
    assert kept == ["v4.duckdb", "v5.duckdb", "v6.duckdb"]


def test_init_that_changes_nothing_publishes_no_new_snapshot(demo_db_path, tmp_path):
    primary = published_copy(demo_db_path, tmp_path)  # the session's `init --demo`, made by a writer as below
    first = published_version(primary)  # reference data, demo figures, targets, settings and accounts: one each
    for _ in range(2):
        with writer(primary) as store:
            initialise(store, demo=True)
    assert first == 5
    assert [p.name for p in snapshot_dir(primary).glob("v*.duckdb")] == [f"v{first}.duckdb"]


def materialised_against_views(store: Store) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(figures, the views they come from, current_figures, current_observations), sorted alike."""
    key = ["region", "indicator", "period"]
    with store.cursor() as cur:
        stored = cur.execute("select region, indicator, period, value, per_10k from figures").df()
        live = cur.execute(
            "select v.region, v.indicator, v.period, v.value, 10000.0 * v.value / nullif(b.value, 0) as per_10k "
            "from indicator_values v join indicators i on i.id = v.indicator left join indicator_values b "
            "on b.region = v.region and b.period = v.period and b.indicator = i.per_capita_base"
        ).df()
        current = cur.execute("select * from current_figures").df()
        current_live = cur.execute("select * from current_observations").df()
    tidy = [f.sort_values(key).reset_index(drop=True) for f in (stored, live, current, current_live)]
    return tuple(tidy)


def test_the_materialised_figures_equal_the_views_they_are_computed_from(store):
    stored, live, current, current_live = materialised_against_views(store)
    assert len(stored) > len(current) > 10_000  # roll-ups and derived rates on top of the stored figures
    pd.testing.assert_frame_equal(stored, live)
    pd.testing.assert_frame_equal(current, current_live)


def test_an_upload_and_its_revert_change_the_materialised_figures_in_the_same_transaction(writable_db):
    from unionbench.ingest import revert_upload

    def trainings(store):
        frame = store.query("values_by_region", regions=["510802", "510800"], periods=["2025Q3"])
        return frame[frame.indicator == "trainings"].set_index("region")["value"].to_dict()

    reader = Replica(writable_db, check_every=0)
    before = trainings(reader.current())
    with writer(writable_db) as primary:
        frame = pd.DataFrame([("510802", "trainings", "2025Q3", before["510802"] + 5)], columns=OBSERVATION_COLUMNS)
        upload = commit_observations(
            primary, frame, UploadEntry(file_name="t.csv", sha256="t", user_name="t", layout="long")
        )
    after = trainings(reader.current())
    assert after == {"510802": before["510802"] + 5, "510800": before["510800"] + 5}  # the city's roll-up too
    revert_upload(writable_db, upload.upload_id, "t")
    assert trainings(reader.current()) == before
    reader.close()


def test_a_database_from_before_the_materialised_figures_gets_them_from_its_next_writer(tmp_path):
    primary = tmp_path / "old.duckdb"
    with writer(primary) as store:
        initialise(store, demo=True)
        version = store.data_version()
        with store.transaction() as cur:  # as an older release left it: no materialised figures
            cur.execute(
                "delete from figures; delete from current_figures; delete from meta where key = 'figures_version'"
            )
    with writer(primary) as store:
        assert store.data_version() == version + 1  # a new version, so readers move to a snapshot that has them
    reader = Replica(primary)
    assert reader.current().query("data_status").at[0, "observations"] > 10_000
    reader.close()


def test_targets_change_no_figure_and_leave_the_figures_current(writable_db):
    from unionbench.targets import load_targets

    with writer(writable_db) as store:
        load_targets(store, pd.DataFrame([("510800", "trainings", 2026, 99.0)], columns=TARGET_COLUMNS))
        assert not store.scalar("write/figures_stale")


def test_a_snapshot_remembers_small_reference_answers_and_a_writable_store_never_does(tmp_path):
    primary = tmp_path / "p.duckdb"
    put_target(primary, 10)
    calls = []
    with writer(primary) as store:
        assert [store.memo(("k",), lambda: calls.append(1) or len(calls)) for _ in range(2)] == [1, 2]
    reader = Replica(primary)
    snapshot = reader.current()
    assert [snapshot.memo(("k",), lambda: calls.append(1) or len(calls)) for _ in range(2)] == [3, 3]
    reader.close()


# --- crash safety ---------------------------------------------------------------------------


def killed_after_commit(primary, change) -> None:
    """What a writer killed between its commit and its publish leaves: the change in the primary, the snapshot
    behind, the PENDING mark, the lock free."""
    from unionbench.store import pending_file, writer_lock

    with writer_lock(primary):
        pending_file(primary).parent.mkdir(exist_ok=True)
        pending_file(primary).touch()
        store = Store(primary)
        try:
            with store.transaction() as cur:
                change(cur)
        finally:
            store.close()


def revert_in(upload_id):
    def change(cur):
        from unionbench.store import load_query

        cur.execute(load_query("write/revert_upload"), {"upload_id": upload_id, "user_name": "killed"})
        bump_data_version(cur)

    return change


def status_of(store, upload_id) -> str:
    uploads = store.query("uploads")
    return uploads.set_index("id").status[upload_id]


def one_upload(primary) -> int:
    frame = pd.DataFrame([("510802", "trainings", "2025Q3", 12345.0)], columns=OBSERVATION_COLUMNS)
    with writer(primary) as store:
        return commit_observations(
            store, frame, UploadEntry(file_name="k.csv", sha256="k", user_name="k", layout="long")
        ).upload_id


def test_a_revert_killed_before_its_publish_is_seen_by_the_next_reader(writable_db, capsys):
    from unionbench.cli import main

    upload = one_upload(writable_db)
    killed_after_commit(writable_db, revert_in(upload))
    assert status_of(Replica(writable_db).current(), upload) == "reverted"  # a fresh reader catches up itself
    assert main(["--db", str(writable_db), "revert", str(upload), "--user", "demo"]) == 1
    assert "already reverted" in capsys.readouterr().err
    assert main(["--db", str(writable_db), "uploads"]) == 0
    assert f"{upload}\treverted\t" in capsys.readouterr().out


def test_a_writer_that_finds_the_primary_ahead_publishes_before_its_own_work(writable_db):
    from unionbench.store import pending_file, published_version

    upload = one_upload(writable_db)
    killed_after_commit(writable_db, revert_in(upload))
    pending_file(writable_db).unlink()  # even without the mark (e.g. a writer from before it existed)
    behind = published_version(writable_db)
    with writer(writable_db) as store:
        assert published_version(writable_db) == store.data_version() == behind + 1
    assert status_of(Replica(writable_db).current(), upload) == "reverted"


def test_a_reader_already_open_moves_on_when_the_writer_died_before_publishing(writable_db):
    upload = one_upload(writable_db)
    reader = Replica(writable_db, check_every=0)
    assert status_of(reader.current(), upload) == "committed"
    killed_after_commit(writable_db, revert_in(upload))
    assert status_of(reader.current(), upload) == "reverted"
    reader.close()


def test_a_reader_does_not_publish_while_a_writer_is_at_work(writable_db):
    from unionbench.store import published_version, writer_lock

    upload = one_upload(writable_db)
    killed_after_commit(writable_db, revert_in(upload))
    before = published_version(writable_db)
    reader = Replica(writable_db, check_every=0)
    with writer_lock(writable_db):  # a live writer: it will publish when it is done
        assert status_of(reader.current(), upload) == "committed"
        assert published_version(writable_db) == before
    reader.close()


def test_an_init_killed_before_its_schema_committed_publishes_nothing_and_export_says_run_init(tmp_path, capsys):
    from unionbench.cli import main
    from unionbench.store import NotInitialised

    primary = tmp_path / "new.duckdb"
    killed_after_commit(primary, lambda cur: None)  # the file exists, with no table in it
    with pytest.raises(NotInitialised):
        Replica(primary).current()
    assert not (tmp_path / "new.snapshots" / "CURRENT").exists()
    assert main(["--db", str(primary), "export"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "not initialised: run `unionbench init`" in captured.err and "Catalog" not in captured.err


def test_an_init_killed_after_its_schema_but_before_the_reference_data_publishes_nothing(tmp_path, capsys):
    from unionbench.cli import main
    from unionbench.store import NotInitialised

    primary = tmp_path / "new.duckdb"
    killed_after_commit(primary, whole_schema)
    with writer(primary):  # a writer that adds nothing publishes nothing either
        pass
    assert not (tmp_path / "new.snapshots" / "CURRENT").exists()
    with pytest.raises(NotInitialised):
        Replica(primary).current()
    assert main(["--db", str(primary), "export"]) == 1
    assert capsys.readouterr().out == ""
    assert main(["--db", str(primary), "init"]) == 0  # and init finishes the job
    assert Replica(primary).current().query("region_index").shape[0] > 3000


def test_a_schemaless_snapshot_left_by_an_older_release_is_refused_with_a_clear_error(tmp_path):
    from unionbench.store import NotInitialised, pointer_file, snapshot_dir

    primary = tmp_path / "p.duckdb"
    put_target(primary, 10)
    empty = snapshot_dir(primary) / "v9.duckdb"
    Store(empty).close()
    pointer_file(primary).write_text("v9.duckdb")
    with pytest.raises(NotInitialised):
        Replica(primary).current()


def whole_schema(cur) -> None:
    """Every migration and the version they reach, as one committed change."""
    from unionbench.store import migrations

    for number, name in migrations():
        cur.execute(load_query_text(name))
        cur.execute(load_query_text("write/record_schema_version"), {"version": str(number)})


def load_query_text(name):
    from unionbench.store import load_query

    return load_query(name)


def test_a_writer_that_fails_still_publishes_what_it_committed_and_leaves_no_pending_mark(writable_db):
    from unionbench.store import pending_file, published_version

    with pytest.raises(RuntimeError), writer(writable_db) as store:
        with store.transaction() as cur:
            cur.execute("insert or replace into targets values ('510800', 'trainings', 2026, 77)")
            bump_data_version(cur)
        version = store.data_version()
        raise RuntimeError("a later step failed")
    assert published_version(writable_db) == version  # published on the way out, before any other writer
    assert not pending_file(writable_db).exists()
    assert target_of(Replica(writable_db).current()) == 77


def target_of(store):
    with store.cursor() as cur:
        return cur.execute(
            "select target from targets where region = '510800' and indicator = 'trainings' and year = 2026"
        ).fetchone()[0]
