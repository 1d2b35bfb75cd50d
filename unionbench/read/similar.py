"""Similar peers: for a home region, the k regions of the same level most like it in structure —
the size figures the catalogue marks `structural` (workers, enterprises that should form a union, members) — in
its province or the whole country. No streamlit here.

How it is read:
- Features: each region's latest figure of each structural indicator (queries/structural_figures.sql), log1p-scaled
  (a city of 4 million workers and one of 400,000 differ as much as 400,000 and 40,000), then standardised (z) over
  the candidate pool: the home and every same-level region with all the figures the home has.
- Missing figures: only the structural figures the home has are used; a candidate lacking any of them is skipped
  (counted in `skipped`), never filled in. A figure equal across the whole pool (no spread) carries no weight.
- Distance: Euclidean over the standardised features. Ties are broken by region code, so the answer is
  deterministic; the home itself is never listed.
- "Similar in": the two figures (three when there are more than three features) with the smallest standardised
  difference from the home.
"""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from unionbench.choices import DEFAULT_K, MAX_K, WITHIN
from unionbench.export import plain_decimal
from unionbench.formatting import amount, period_text
from unionbench.i18n import t, words
from unionbench.read.comparison import grid, region_facts
from unionbench.read.views import catalogue
from unionbench.store import Store

CSV_COLUMNS = ["rank", "region_code", "region_name", "level", "distance", "similar_in"]


class NoPeers(ValueError):
    """The home is unknown, not a city or county, or has no structural figure to compare on."""


@dataclass(frozen=True)
class Similar:
    """The k nearest regions (`peers`, nearest first), the features read, and the home's own figures."""

    home: str
    within: str
    features: list[str]
    home_values: dict[str, float]
    peers: pd.DataFrame  # rank, region_code, region_name, level, distance, similar_in (ids), <feature> values
    pool_size: int  # candidates compared (the home excluded)
    skipped: int  # same-level regions left out for lacking a figure the home has
    periods: dict[str, str] = field(default_factory=dict)  # the home's quarter of each feature


def similar_peers(store: Store, home: str, k: int = DEFAULT_K, within: str = "province") -> Similar:
    """The k regions of the home's level most similar to it in structure (see the module docstring)."""
    if within not in WITHIN:
        raise ValueError(f"within must be one of {WITHIN}, not {within!r}")
    facts = region_facts(store, home)
    if facts.get("level") not in ("city", "county"):
        raise NoPeers(f"{home} is not a known city or county")
    k = max(1, min(int(k), MAX_K))
    province = facts["province"] if within == "province" else None
    rows = store.query("structural_figures", level=facts["level"], province=province)
    regions = sorted(rows["region"].unique())
    structural = [i for i, ind in catalogue(store, "zh").items() if ind.structural]
    wide = pd.DataFrame(grid(rows, "value", "region", regions, "indicator", structural), regions, structural)
    features = [i for i in structural if home in wide.index and pd.notna(wide.at[home, i])]
    if not features:
        raise NoPeers(f"{home} has no structural figure ({', '.join(structural)}) to compare on")
    complete = wide[features].dropna()
    pool = complete.drop(index=home)
    distances, closeness = standardised_distances(complete, home)
    names = rows.drop_duplicates("region").set_index("region")["region_name"]
    peers = pool.assign(distance=distances.reindex(pool.index)).rename_axis("region_code").reset_index()
    peers = peers.sort_values(["distance", "region_code"], kind="stable").head(k).reset_index(drop=True)
    peers = peers.assign(
        rank=range(1, len(peers) + 1),
        region_name=names.reindex(peers["region_code"]).to_numpy(),
        level=facts["level"],
        similar_in=[closest_features(closeness.loc[code], len(features)) for code in peers["region_code"]],
    )[["rank", "region_code", "region_name", "level", "distance", "similar_in", *features]]
    home_periods = rows[rows.region == home].set_index("indicator")["period"]
    return Similar(
        home=home,
        within=within,
        features=features,
        home_values={f: float(wide.at[home, f]) for f in features},
        peers=peers,
        pool_size=len(pool),
        skipped=int(wide.index.size - complete.index.size),
        periods={f: home_periods.get(f, "") for f in features},
    )


def standardised_distances(values: pd.DataFrame, home: str) -> tuple[pd.Series, pd.DataFrame]:
    """Euclidean distance of every row to `home` over log1p-scaled, z-standardised columns, and each row's absolute
    standardised difference per column (0 where a column has no spread)."""
    scaled = np.log1p(values.clip(lower=0).astype(float))
    spread = scaled.std(ddof=0)
    z = (scaled - scaled.mean()) / spread.where(spread > 0)
    difference = (z - z.loc[home]).abs().fillna(0.0)
    return np.sqrt((difference**2).sum(axis=1)), difference


def closest_features(difference: pd.Series, n_features: int) -> list[str]:
    """The 2 (3 when there are more than 3 features) features closest to the home's, ties by catalogue order."""
    n = 2 if n_features <= 3 else 3
    order = sorted(range(len(difference)), key=lambda i: (round(float(difference.iloc[i]), 12), i))
    return [difference.index[i] for i in order[:n]]


def peers_csv_frame(result: Similar, names: dict[str, str]) -> pd.DataFrame:
    """The peers as `unionbench peers` writes them: CSV_COLUMNS (similar_in as indicator names, from `names`, joined
    by ';'; distance to 4 decimals), then each feature's latest figure under its indicator id."""
    frame = result.peers.copy()
    frame["distance"] = frame["distance"].round(4)
    frame["similar_in"] = [";".join(names.get(i, i) for i in ids) for ids in frame["similar_in"]]
    for column in ["distance", *result.features]:
        frame[column] = [plain_decimal(v) for v in frame[column]]  # 14660, not 14660.0
    return frame[CSV_COLUMNS + result.features]


def similar_in_text(ids: list[str], names: dict[str, str], lang: str) -> str:
    """'职工人数、会员人数' / 'Workers, Union members'."""
    return t("list_sep", lang).join(names.get(i, i) for i in ids)


def peers_display(
    result: Similar, indicators: dict, lang: str, place_names: dict[str, str] | None = None
) -> tuple[pd.DataFrame, str]:
    """The peers panel's table (rank, region, distance, similar in, each structural figure with its unit) and the
    line naming the home's own figures and their quarter, in `lang` (`indicators`: the catalogue in that language;
    `place_names`: adcode → the place's name in it, else the Chinese name)."""
    w = words("similar.", lang)
    names = {i: ind.name for i, ind in indicators.items()}
    places = place_names or {}
    frame = pd.DataFrame(
        {
            w["col_rank"]: result.peers["rank"],
            w["col_region"]: [
                places.get(c, n) for c, n in zip(result.peers["region_code"], result.peers["region_name"], strict=True)
            ],
            w["col_distance"]: [f"{d:.2f}" for d in result.peers["distance"]],
            w["col_similar_in"]: [similar_in_text(ids, names, lang) for ids in result.peers["similar_in"]],
        }
    )
    for feature in result.features:
        ind = indicators[feature]
        frame[ind.name] = [amount(v, ind.unit, ind.decimals, lang) for v in result.peers[feature]]
    home = w["sep"].join(
        f"{names[f]} {amount(result.home_values[f], indicators[f].unit, indicators[f].decimals, lang)}"
        for f in result.features
    )
    quarter = max(result.periods.values(), default="")
    return frame, w["home_line"].format(figures=home, period=period_text(quarter, lang) if quarter else "—")
