"""Annual targets per region and indicator: a CSV read and checked, then stored in one transaction.

The CSV has the columns region, indicator, year, target (others, such as region_name, are ignored). `region` is an
administrative code or a name the resolver knows (苍溪县, 苍溪, 广元市苍溪县); `indicator` a catalogue id; `target` is
in the indicator's own unit: a level for a stock, the year's total for a flow, % for a rate.
"""

import math
from pathlib import Path

import pandas as pd

from unionbench.regions import RegionResolver, cnmaps_resolver
from unionbench.store import Store, bump_data_version, load_query

TARGET_COLUMNS = ["region", "indicator", "year", "target"]


class TargetsError(ValueError):
    """A targets file that cannot be stored as it is; the message lists every problem."""


def parse_targets(
    raw: pd.DataFrame, indicator_ids: set[str], resolver: RegionResolver | None = None, within: str | None = None
) -> tuple[pd.DataFrame, list[str]]:
    """Targets with regions resolved to adcodes, and every problem found (row numbers count the header as row 1)."""
    resolver = resolver or cnmaps_resolver()
    missing = [c for c in TARGET_COLUMNS if c not in raw.columns]
    if missing:
        return pd.DataFrame(columns=TARGET_COLUMNS), [f"missing columns: {', '.join(missing)}"]
    rows, problems = [], []
    for number, row in enumerate(raw[TARGET_COLUMNS].itertuples(index=False), start=2):
        resolution = resolver.resolve(str(row.region), within=within)
        year, target = as_number(row.year), as_number(row.target)
        found = []
        if resolution.adcode is None:
            found.append(f"region {row.region!r} is {resolution.status}")
        if row.indicator not in indicator_ids:
            found.append(f"unknown indicator {row.indicator!r}")
        if not (math.isfinite(year) and year == int(year)):
            found.append(f"year {row.year!r} is not a year")
        if not math.isfinite(target):
            found.append(f"target {row.target!r} is not a number")
        if found:
            problems.append(f"row {number}: " + "; ".join(found))
        else:
            rows.append((resolution.adcode, row.indicator, int(year), float(target)))
    frame = pd.DataFrame(rows, columns=TARGET_COLUMNS)
    duplicated = frame.duplicated(["region", "indicator", "year"], keep=False)
    problems += [
        f"more than one target for {r.region} {r.indicator} {r.year}"
        for r in frame[duplicated].drop_duplicates(["region", "indicator", "year"]).itertuples()
    ]
    return frame, problems


def as_number(value) -> float:
    """A cell as a number ('1,200' reads as 1200); NaN when it is none."""
    try:
        return float(str(value).strip().replace(",", ""))
    except ValueError:
        return math.nan


def read_targets(path: Path, indicator_ids: set[str], within: str | None = None) -> pd.DataFrame:
    """A targets CSV (UTF-8), checked; raises TargetsError listing every problem."""
    raw = pd.read_csv(path, dtype=str, encoding="utf-8")
    frame, problems = parse_targets(raw, indicator_ids, within=within)
    if problems:
        raise TargetsError(f"{path.name}: " + "; ".join(problems))
    return frame


def load_targets(store: Store, targets: pd.DataFrame) -> int:
    """Replace the targets of every (region, year) in `targets` by these, all or nothing. Returns how many targets
    were added or changed; when none were (a file loaded again) nothing is written and nothing republished."""
    incoming = targets[TARGET_COLUMNS].copy()
    with store.transaction() as cur:
        stored = [
            cur.execute(load_query("targets"), {"regions": sorted(set(group.region)), "year": int(year)}).df()
            for year, group in incoming.groupby("year")
        ]
        before = pd.concat(stored)[TARGET_COLUMNS] if stored else pd.DataFrame(columns=TARGET_COLUMNS)
        if same_targets(before, incoming):
            return 0
        merged = incoming.merge(before, on=["region", "indicator", "year"], how="left", suffixes=("", "_before"))
        changed = int((merged["target"] != merged["target_before"]).sum())
        cur.register("incoming_targets", incoming)
        cur.execute(load_query("write/replace_targets"))
        cur.unregister("incoming_targets")
        bump_data_version(cur, figures=False)  # targets change no figure
    return changed


def same_targets(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    def key(frame: pd.DataFrame) -> set[tuple]:
        return {(r, i, int(y), float(t)) for r, i, y, t in frame[TARGET_COLUMNS].itertuples(index=False)}

    return key(a) == key(b)
