"""Progress against annual targets: the schedule rule (target_progress) and each region's progress against its
targets as the targets page and the briefing read it (progress_rows). Reading only: targets are parsed and stored
by unionbench.targets. No streamlit here."""

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import pandas as pd

from unionbench.catalog import Indicator
from unionbench.formatting import amount, missing
from unionbench.periods import periods_between, quarter_of, year_of
from unionbench.read.analysis import UNKNOWN, _sign
from unionbench.read.selection import Selection
from unionbench.read.views import catalogue, named
from unionbench.store import Store

REACHED, ON_TRACK, LAGGING, MISSED = "reached", "on_track", "lagging", "missed"
STRAIGHT_LINE = (0.25, 0.5, 0.75, 1.0)


@dataclass(frozen=True)
class TargetProgress:
    """`expected`: where the schedule says the figure should be now; `achieved` and `due`: shares of the year's
    planned change done and scheduled; `behind` = due − achieved (positive = behind schedule); `status`: REACHED,
    ON_TRACK, LAGGING, MISSED or UNKNOWN."""

    expected: float
    actual: float
    achieved: float
    due: float
    behind: float
    status: str


def target_progress(
    target: float,
    actual: float,
    quarter: int,
    stock_flow: str,
    start: float | None = None,
    tolerance: float = 0.1,
    schedule: Sequence[float] = STRAIGHT_LINE,
    direction: str = "higher",
) -> TargetProgress:
    """Progress towards an annual target against the time elapsed.

    A flow (money, trainings): `actual` is the year-to-date total (year_to_date) and by the end of quarter q the
    schedule expects target × q ÷ 4. A stock (stations, a rate): `actual` is the latest level and `start` the level
    at the end of last year; the schedule expects the straight line from the start level to the target,
    start + (target − start) × q ÷ 4.

    `achieved` is the share of the year's planned change done so far (for a flow, year-to-date ÷ target; for a
    stock, (actual − start) ÷ (target − start)) and `due` the share scheduled (q ÷ 4). A region is lagging when it is
    behind schedule by more than `tolerance`, 10 % of the year's planned change by default: at the end of Q2 it has
    done less than 40 % where 50 % was due. Ten per cent is under half a quarter's share, so ordinary variation
    between quarters does not trigger it and a quarter with nothing done does. A target already met is reached,
    whatever the quarter; one not met at the end of Q4 is missed, however close (the year is over).

    Flows in this field cluster at year end; a straight line then makes every first quarter look late. Pass
    `schedule`, the cumulative share due by the end of each quarter (e.g. last year's year-to-date shares), for a
    seasonal calendar.
    """
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1–4, not {quarter!r}")
    origin = 0.0 if stock_flow == "flow" else start
    if any(v is None or math.isnan(v) for v in (target, actual, origin)):
        return TargetProgress(math.nan, actual, math.nan, schedule[quarter - 1], math.nan, UNKNOWN)
    due = float(schedule[quarter - 1])
    planned = target - origin
    expected = origin + planned * due
    if _sign(direction) * (actual - target) >= 0:
        achieved = (actual - origin) / planned if planned else math.nan
        return TargetProgress(expected, actual, achieved, due, due - achieved, REACHED)
    achieved = (actual - origin) / planned if planned else math.nan  # planned 0: hold a level, and it slipped
    behind = due - achieved
    if quarter == 4:
        status = MISSED
    else:
        status = ON_TRACK if behind <= tolerance else LAGGING  # NaN (a slipped level) is not on track
    return TargetProgress(expected, actual, achieved, due, behind, status)


def progress_rows(store: Store, sel: Selection) -> pd.DataFrame:
    """This year's targets for the selection's home city and its counties against the figures at the end of the
    selection's quarter: one row per region and indicator with the target, the actual figure (year to date for a
    flow; the level for a stock or rate), the level the year started from, what the schedule expects by now, the
    share achieved and the status (target_progress)."""
    city, period, lang = sel.home, sel.period, sel.lang
    indicators = catalogue(store, lang)
    regions = [city, *store.query("child_regions", parent=city)["adcode"]]
    year, quarter = year_of(period), quarter_of(period)
    targets = named(store, store.query("targets", regions=regions, year=year), lang)
    start_period = f"{year - 1}Q4"
    periods = [start_period, *periods_between(f"{year}Q1", period)]
    values = store.query("values_by_region", regions=regions, periods=periods)
    # Each (region, indicator)'s level now and at the start of the year and its year-to-date total, for all at once
    # (a frame per target spent most of the page's time): a sum with any quarter missing is missing, as in
    # analysis.year_to_date, and the quarters are added in order, so every total is the same float as there.
    wide = (
        values.assign(value=values["value"].astype(float))
        .set_index(["region", "indicator", "period"])["value"]
        .unstack("period")
        .reindex(columns=periods)
        if len(values)
        else pd.DataFrame(columns=periods, dtype=float)
    )
    this_year = wide[periods[1]]
    for later in periods[2:]:
        this_year = this_year + wide[later]
    level, opening, flow_total = wide[period].to_dict(), wide[start_period].to_dict(), this_year.to_dict()
    rows = []
    for row in targets.itertuples():
        ind = indicators.get(row.indicator)
        if ind is None:  # a retired indicator: its targets and figures stay stored, its progress is not followed
            continue
        key = (row.region, row.indicator)
        if ind.stock_flow == "flow":
            actual, start = float(flow_total.get(key, math.nan)), math.nan
        else:
            actual, start = float(level.get(key, math.nan)), float(opening.get(key, math.nan))
        progress = target_progress(row.target, actual, quarter, ind.stock_flow, start=start, direction=ind.direction)
        rows.append(
            {
                "region": row.region,
                "region_name": row.region_name,
                "indicator": row.indicator,
                "target": row.target,
                "start": start,
                **asdict(progress),
                **target_texts(row.target, progress, ind, lang),
            }
        )
    return pd.DataFrame(rows)


def target_texts(target: float, progress: TargetProgress, ind: Indicator, lang: str) -> dict[str, str]:
    """The target row's words: figures with the catalogue's unit and decimals, the shares as whole percents."""
    decimals = 1 if ind.is_rate else ind.decimals

    def share(value: float) -> str:
        return "—" if missing(value) else f"{value * 100:.0f}%"

    return {
        "target_text": amount(target, ind.unit, decimals, lang),
        "actual_text": amount(progress.actual, ind.unit, decimals, lang),
        "expected_text": amount(progress.expected, ind.unit, decimals, lang),
        "achieved_text": share(progress.achieved),
        "due_text": share(progress.due),
    }
