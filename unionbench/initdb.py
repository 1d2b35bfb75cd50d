"""`unionbench init`: schema, regions of all China, benchmark sets, the seed of the catalogue and validation rules,
and (optionally) the demo data."""

import hashlib
import os
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from unionbench import names
from unionbench.catalog import (
    benchmark_set_problems,
    catalogue_problems,
    read_benchmark_sets,
    read_indicators,
    read_validation_rules,
)
from unionbench.commit import CommitResult, UploadEntry, commit_observations
from unionbench.custom_sets import colliding_custom_ids
from unionbench.paths import DEMO_OBSERVATIONS_CSV, DEMO_SETTINGS_CSV, DEMO_TARGETS_CSV
from unionbench.placenames import english_names
from unionbench.regions import alias_table, read_cnmaps_index
from unionbench.settings import load_demo_settings
from unionbench.store import Store, bump_data_version, load_query, writer
from unionbench.targets import load_targets, read_targets

NAMED_TABLES = {"incoming_regions": "regions", "incoming_sets": "benchmark_sets"}  # frames whose English names are rows
DEMO_FILE_NAME = "data/demo/observations.csv"  # as recorded in the upload history, wherever the package lies


class CatalogueError(ValueError):
    """The bundled catalogue or benchmark sets break their own rules."""


@dataclass(frozen=True)
class InitReport:
    regions: int
    indicators: int
    benchmark_sets: int
    demo: CommitResult | None


def load_reference_data(store: Store) -> tuple[int, int, int]:
    """Replace regions and the shipped benchmark sets when they changed, and seed the catalogue and the validation
    rules (federation_seed), in one transaction. Returns the counts of regions, indicators and benchmark sets."""
    regions = read_cnmaps_index()
    aliases = alias_table(regions)
    regions.insert(2, "name_en", english_names(regions.adcode, regions.name_zh))
    indicators = read_indicators()
    sets, members = read_benchmark_sets()
    problems = catalogue_problems(indicators) + benchmark_set_problems(sets, members, set(regions.adcode))
    problems += [
        f"{set_id}: a custom benchmark set has this id; rename or remove it (unionbench sets remove) first"
        for set_id in colliding_custom_ids(store, set(sets["id"]))
    ]  # init never overwrites a custom set
    if problems:
        raise CatalogueError("; ".join(problems))
    frames = {
        "incoming_regions": regions,
        "incoming_aliases": aliases,
        "incoming_sets": sets,
        "incoming_members": members,
    }
    fingerprint = hashlib.sha256(b"".join(f.to_csv(index=False).encode() for f in frames.values())).hexdigest()
    reload = store.scalar("reference_fingerprint") != fingerprint
    new_indicators, new_rules = federation_seed(store, indicators)
    if reload or not new_indicators.empty or not new_rules.empty:  # one transaction, one new data version
        with store.transaction() as cur:
            if reload:
                for name, frame in frames.items():
                    if name in NAMED_TABLES:
                        names.register(cur, name, NAMED_TABLES[name], frame)
                    else:
                        cur.register(name, frame)
                for script in ("write/replace_regions", "write/replace_benchmark_sets"):
                    cur.execute(load_query(script))
                for name in frames:
                    cur.unregister(name)
                cur.execute(load_query("write/record_reference_fingerprint"), {"fingerprint": fingerprint})
            names.register(cur, "incoming_indicators", "indicators", new_indicators)
            names.register(cur, "incoming_rules", "validation_rules", new_rules)
            cur.execute(load_query("write/seed_catalogue"))
            cur.execute(load_query("write/seed_validation_rules"))
            cur.unregister("incoming_indicators")
            cur.unregister("incoming_rules")
            bump_data_version(cur, figures=reload or not new_indicators.empty)
    return len(regions), len(store.query("indicator_catalogue")), len(sets)


def federation_seed(store: Store, indicators: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The shipped indicators and validation rules the database lacks. The catalogue and the rules belong to the
    federation once its database exists: the shipped ones only fill in missing ids (all of them in a new database),
    never overwrite an edit or a retirement."""
    rules = read_validation_rules()
    have_indicators = set(store.query("indicator_catalogue")["id"])
    have_rules = set(store.query("validation_rules")["id"])
    new_indicators = indicators[~indicators["id"].isin(have_indicators)].assign(status="active")
    return new_indicators, rules[~rules["id"].isin(have_rules)]


def load_demo(store: Store) -> CommitResult:
    """The bundled demo dataset through the store's commit path, then its demo targets and settings (again:
    nothing changes; a setting changed since is kept)."""
    result = load_demo_observations(store)
    load_demo_targets(store)
    load_demo_settings(store, DEMO_SETTINGS_CSV)
    return result


def load_demo_targets(store: Store) -> int:
    """The demo targets (data/demo/targets.csv) for Guangyuan and its counties; returns how many were added or
    changed, 0 when they are stored already."""
    indicator_ids = set(store.query("indicator_catalogue")["id"])
    return load_targets(store, read_targets(DEMO_TARGETS_CSV, indicator_ids))


def load_demo_observations(store: Store) -> CommitResult:
    """data/demo/observations.csv as one demo upload; a second time it is recognised by its hash."""
    raw = DEMO_OBSERVATIONS_CSV.read_bytes()
    frame = pd.read_csv(DEMO_OBSERVATIONS_CSV, dtype={"region_code": str}, encoding="utf-8")
    observations = frame.rename(columns={"region_code": "region"})
    return commit_observations(
        store,
        observations,
        UploadEntry(
            file_name=DEMO_FILE_NAME,
            sha256=hashlib.sha256(raw).hexdigest(),
            user_name="demo",
            layout="demo",
            is_demo=True,
            note="演示数据 demo data, generated by unionbench.demo",
        ),
    )


def initialise(store: Store, demo: bool = False) -> InitReport:
    """Create or migrate the schema and reload reference data; idempotent."""
    store.apply_schema()
    n_regions, n_indicators, n_sets = load_reference_data(store)
    report = InitReport(n_regions, n_indicators, n_sets, load_demo(store) if demo else None)
    if demo:  # the demo admin and one reporter per Guangyuan county, only in a demo database
        from unionbench.accounts import load_demo_accounts

        load_demo_accounts(store)
    return report


def init_database(db: Path, demo: bool = False) -> InitReport:
    """`unionbench init`: migrate an existing database in place (one writer, each step its own transaction), or
    build a new one completely under a temporary name beside the target and rename it into place, so a failed or
    interrupted first init leaves no half-made database, lock or snapshot behind."""
    db = Path(db)
    if not db.exists():
        report = build_new(db, demo)
        if report is not None:
            with writer(db):  # publish it for readers (and take the lock only now that the database is whole)
                pass
            return report
    with writer(db) as store:  # an existing database (or one another init put in place meanwhile)
        return initialise(store, demo=demo)


def build_new(db: Path, demo: bool) -> InitReport | None:
    """Build a new database as `.<name>.<pid>.partial` and link it into place; None if another process created
    the target meanwhile (then this build is discarded). On any failure every file this made is removed."""
    made_folder = not db.parent.exists()
    remove_dead_partials(db)
    partial = db.with_name(f".{db.name}.{os.getpid()}.partial")
    linked = False
    try:
        store = Store(partial)
        try:
            report = initialise(store, demo=demo)
            store.checkpoint()  # everything in the file, no write-ahead log left beside it
        finally:
            store.close()
        try:
            os.link(partial, db)  # never replaces a database another process put there meanwhile
        except FileExistsError:
            return None
        linked = True
        return report
    finally:
        for leftover in (partial, partial.with_name(partial.name + ".wal")):
            leftover.unlink(missing_ok=True)
        if made_folder and not linked:
            with suppress(OSError):  # only when empty: another process may have put its database there
                db.parent.rmdir()


def remove_dead_partials(db: Path) -> None:
    """Delete what a first init killed outright (SIGKILL, power cut) left beside `db`: partial builds whose process
    is gone. A build still running in another process is left alone."""
    for leftover in db.parent.glob(f".{db.name}.*.partial*"):
        pid = leftover.name.removeprefix(f".{db.name}.").split(".")[0]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            leftover.unlink(missing_ok=True)
        except PermissionError:  # alive, another user's
            pass
