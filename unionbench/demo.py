"""The demo dataset: deterministic, plainly labelled as demo, and true to the seed facts where the seeds give them.

There are no public quarterly figures for these indicators, so the demo is generated. It is built city first:
each city gets a path per indicator (its size × how strong it is on that indicator × growth), and the path is
split among the city's counties by their size and their own strengths, so county figures always sum to the city.
Benchmark cities lead on most indicators but not all, and some Guangyuan counties beat them somewhere.

Demo targets (data/demo/targets.csv) are set for Guangyuan and its seven counties, for 2025 and 2026, on the
headline indicators, the way a city federation sets them at the start of a year: from last year's outcome (a
stock's or rate's level at the end of last year, a flow's total over last year) plus 6 % (1.5 points for a rate),
and a county behind the city (per 10,000 workers, or on its rate) is asked besides to close half of that gap (at most
25 %, or 3 points). No target is set where last year's figure is zero. Counties growing with the city keep up;
those asked to catch up, and Qingchuan, whose stations stand still, lag; funds fell in 2026, so they lag citywide.

Regenerate the bundled files with `python -m unionbench.demo` (a test checks they are up to date).
"""

import random
from dataclasses import dataclass

import pandas as pd

from unionbench.paths import DEMO_OBSERVATIONS_CSV, DEMO_TARGETS_CSV
from unionbench.periods import periods_between, quarter_of, year_of
from unionbench.regions import read_cnmaps_index

SEED = 20230706  # the date of the Guangyuan article (seed 001) the demo is built around
PERIODS = periods_between("2023Q1", "2026Q3")
HOME = "510800"  # 广元市
SICHUAN = "510000"


@dataclass(frozen=True)
class City:
    adcode: str
    workers: int  # workers in 2023Q1
    tier: float  # how strong its unions are overall; 1 is an average Sichuan city
    with_counties: bool  # the demo has county-level figures for it


NAMED_CITIES = [
    City(HOME, 380_000, 0.85, True),  # 广元: the home city, behind on most indicators
    City("510900", 520_000, 1.25, True),  # 遂宁
    City("511000", 480_000, 1.20, True),  # 内江
    City("510500", 650_000, 1.30, True),  # 泸州
    City("321000", 1_200_000, 1.45, True),  # 扬州 (seed 003: a far benchmark)
    City("411000", 1_000_000, 1.30, False),  # 许昌 (seed 003: a near benchmark for 焦作)
]

# Guangyuan's counties: share of the city's workers (an urban core and six rural counties).
GUANGYUAN_SHARES = {
    "510802": 0.25,
    "510811": 0.08,
    "510812": 0.07,
    "510821": 0.13,
    "510822": 0.08,
    "510823": 0.18,
    "510824": 0.21,
}

# What the seeds say a place is good at, as a multiplier on its share (1 = its size alone).
STRENGTHS = {
    ("510823", "funds_partner"): 2.4,  # 剑阁: funds from 广安 and 杭州 unions
    ("510823", "outdoor_stations"): 1.4,
    ("510812", "funds_government"): 2.2,  # 朝天: district budget for union sites
    ("510821", "funds_government"): 1.6,  # 旺苍: 500+ 万元 raised for its 双创中心
    ("510821", "member_service_bases"): 1.7,
    ("510811", "worker_home_upgrades"): 1.6,  # 昭化: east–west cooperation with 杭州拱墅
    ("510811", "funds_partner"): 1.8,
    ("510824", "childcare_institutions"): 1.7,  # 苍溪
    ("510802", "trainings"): 1.8,  # 利州: smart union, training
    ("510802", "mutual_aid_participants"): 1.4,
    ("510822", "outdoor_stations"): 0.6,  # 青川: the county that drags the city down
    ("510822", "member_service_bases"): 0.5,
}
# Where a city as a whole is stronger or weaker than its tier says.
CITY_STRENGTHS = {
    (HOME, "worker_home_upgrades"): 1.6,  # 广元 upgraded 200 sites (seed 001)
    (HOME, "childcare_institutions"): 1.2,
    (HOME, "funds_partner"): 1.3,
    ("321000", "member_service_bases"): 1.3,  # 扬州: 300+ discount merchants (seed 003)
    ("321000", "mutual_aid_participants"): 1.2,  # 扬州: 70,000+ in mutual aid (seed 003)
}
# Organisation and membership: a county's rate above or below its city's.
RATE_OFFSETS = {
    ("510802", "org"): 0.10,
    ("510824", "member"): 0.08,
    ("510823", "org"): 0.04,
    ("510822", "org"): -0.05,
    ("510822", "member"): -0.04,
}

# Stocks: level per 10,000 workers at tier 1 in 2023Q1, and growth per quarter.
STOCKS = {
    "outdoor_stations": (9.0, 0.012),
    "worker_home_upgrades": (3.7, 0.015),
    "member_service_bases": (1.8, 0.02),
    "childcare_institutions": (0.32, 0.04),
    "mutual_aid_participants": (400.0, 0.015),
}
# Flows: amount per 10,000 workers per quarter at tier 1.
FLOWS = {"funds_government": 12.0, "funds_partner": 3.2, "trainings": 0.2}
SEASON = {1: 0.7, 2: 1.0, 3: 1.0, 4: 1.3}  # money and training cluster at year end

# Seed 001 (published 2023-07-06): Guangyuan's figures at the end of 2023Q2.
CITY_PINS = {
    (HOME, "outdoor_stations"): {"2023Q1": 291, "2023Q2": 303},  # 户外劳动者服务站点突破300个
    (HOME, "worker_home_upgrades"): {"2023Q2": 200},  # 赋能升级 … 200个
    (HOME, "childcare_institutions"): {"2023Q1": 5, "2023Q2": 12},  # 第二批普惠托育服务机构12个
}
COUNTY_PINS = {
    ("510812", "funds_government", "2023Q2"): 110.0,  # 朝天: 区政府预算工会经费110万元
    ("510823", "funds_partner", "2023Q2"): 90.0,  # 剑阁: 广安、杭州工会资金90万元
    ("510821", "funds_government", "2023Q2"): 380.0,  # 旺苍: 筹措资金500余万元 (380 + 125)
    ("510821", "funds_partner", "2023Q2"): 125.0,
}
SLOTS_PER_INSTITUTION = {HOME: 20}  # 12 institutions, 240 slots
SUBSIDY_YUAN_PER_MONTH = {HOME: 500}  # 500 元 per slot per month
HOME_TOWNSHIPS = 145  # 135 townships + 10 streets, all with a full-time chair by 2023Q2
HOME_PROBLEMS_2023 = 43  # 43 problems listed, 28 rectified by 2023Q2
RECTIFIED_BY_QUARTER = {1: 0.35, 2: 0.65, 3: 0.85, 4: 0.95}


def rng(*keys) -> random.Random:
    """A generator of its own for each (region, indicator …), so adding a region never shifts another's figures."""
    return random.Random(f"{SEED}|" + "|".join(map(str, keys)))


def allocate(total: int, weights: list[float]) -> list[int]:
    """Split a whole number in proportion to weights, by largest remainder, so the parts sum to the total."""
    weight_sum = sum(weights)
    exact = [total * w / weight_sum for w in weights]
    parts = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: exact[i] - parts[i], reverse=True)
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


def allocate_stock(path: list[int], weights: list[float]) -> list[list[int]]:
    """Split a non-decreasing city path among units so that no unit's figure ever falls."""
    per_unit = [allocate(path[0], weights)]
    for before, now in zip(path, path[1:], strict=False):
        step = allocate(now - before, weights)
        per_unit.append([a + b for a, b in zip(per_unit[-1], step, strict=True)])
    return [list(col) for col in zip(*per_unit, strict=True)]  # unit → path


def money(total: float, weights: list[float]) -> list[float]:
    """Split an amount in 万元 to the cent among units."""
    return [cents / 100 for cents in allocate(round(total * 100), weights)]


def sichuan_cities(regions: pd.DataFrame) -> list[City]:
    """Every Sichuan prefecture-level unit: the named ones as given, the rest at city level with plausible sizes."""
    named = {c.adcode for c in NAMED_CITIES}
    others = regions[(regions.level == "city") & (regions.parent == SICHUAN) & ~regions.adcode.isin(named)]
    cities = []
    for code in sorted(others.adcode):
        r = rng(code, "city")
        workers = 4_500_000 if code == "510100" else round(r.uniform(180_000, 900_000), -3)
        cities.append(City(code, int(workers), round(r.uniform(0.75, 1.25), 2), False))
    return cities


def unit_shares(city: City, counties: list[str]) -> dict[str, float]:
    if city.adcode == HOME:
        return GUANGYUAN_SHARES
    raw = {code: rng(code, "share").lognormvariate(0, 0.4) for code in counties}
    return {code: w / sum(raw.values()) for code, w in raw.items()}


def city_strength(city: City, indicator: str) -> float:
    noise = rng(city.adcode, indicator, "strength").uniform(0.85, 1.15)
    return city.tier * noise * CITY_STRENGTHS.get((city.adcode, indicator), 1.0)


def unit_weights(city: City, shares: dict[str, float], indicator: str) -> list[float]:
    """Each unit's share of a city figure: its size times its strength on the indicator."""
    weights = []
    for code, share in shares.items():
        strength = STRENGTHS.get((code, indicator)) or rng(code, indicator, "weight").uniform(0.8, 1.2)
        weights.append(share * strength)
    return weights


def stock_path(city: City, indicator: str) -> list[int]:
    level, growth = STOCKS[indicator]
    if city.adcode == HOME:
        growth += 0.01  # Guangyuan is catching up
    start = level * city_strength(city, indicator) * city.workers / 10_000
    path = [start * (1 + growth) ** t for t in range(len(PERIODS))]
    pins = CITY_PINS.get((city.adcode, indicator), {})
    if pins:  # scale to the last pinned figure, then place every pin exactly
        last = max(pins, key=PERIODS.index)
        scale = pins[last] / path[PERIODS.index(last)]
        path = [x * scale for x in path]
    whole = [pins.get(p, round(x)) for p, x in zip(PERIODS, path, strict=True)]
    for t in range(1, len(whole)):
        whole[t] = max(whole[t], whole[t - 1])
    return whole


def flow_path(city: City, indicator: str) -> list[float]:
    base = FLOWS[indicator] * city_strength(city, indicator) * city.workers / 10_000
    r = rng(city.adcode, indicator, "flow")
    return [base * SEASON[quarter_of(p)] * 1.05 ** (year_of(p) - 2023) * r.uniform(0.85, 1.15) for p in PERIODS]


def workforce(city: City, shares: dict[str, float]) -> dict[str, list[int]]:
    growth = rng(city.adcode, "workers").uniform(0.002, 0.008)
    return {
        code: [round(city.workers * share * (1 + growth) ** t) for t in range(len(PERIODS))]
        for code, share in shares.items()
    }


def rate_path(city: City, code: str, kind: str) -> list[float]:
    """Share of enterprises with a union ('org') or of workers in the union ('member'), rising over time."""
    start = {"org": 0.70, "member": 0.80}[kind] + 0.10 * (city.tier - 0.85)
    offset = RATE_OFFSETS.get((code, kind), rng(code, kind, "offset").uniform(-0.03, 0.03))
    slope = rng(code, kind, "slope").uniform(0.003, 0.008)
    return [min(0.985, start + offset + slope * t) for t in range(len(PERIODS))]


def city_rows(city: City, counties: list[str]) -> list[tuple[str, str, str, float]]:
    """All figures for one city: for each unit (county, or the city itself), indicator and quarter."""
    units = counties if city.with_counties else [city.adcode]
    shares = unit_shares(city, units) if city.with_counties else {city.adcode: 1.0}
    rows: list[tuple[str, str, str, float]] = []

    def put(indicator: str, per_unit: dict[str, list[float]]) -> None:
        for code, path in per_unit.items():
            rows.extend((code, indicator, p, v) for p, v in zip(PERIODS, path, strict=True))

    workers = workforce(city, shares)
    put("workers", workers)
    for indicator in STOCKS:
        split = allocate_stock(stock_path(city, indicator), unit_weights(city, shares, indicator))
        put(indicator, dict(zip(units, split, strict=True)))
        if indicator == "childcare_institutions":
            put_childcare(city, dict(zip(units, split, strict=True)), put)
    for indicator in FLOWS:
        weights = unit_weights(city, shares, indicator)
        if indicator == "trainings":
            split = [allocate(round(x), weights) for x in flow_path(city, indicator)]
        else:
            split = [money(x, weights) for x in flow_path(city, indicator)]
        per_unit = {code: [q[i] for q in split] for i, code in enumerate(units)}
        for (code, ind, period), value in COUNTY_PINS.items():
            if ind == indicator and code in per_unit:
                per_unit[code][PERIODS.index(period)] = value
        put(indicator, per_unit)
    put_organisation(city, workers, put)
    put_chairs(city, workers, put)
    put_problems(city, shares, put)
    return rows


def put_childcare(city: City, institutions: dict[str, list[int]], put) -> None:
    slots_each = SLOTS_PER_INSTITUTION.get(city.adcode) or rng(city.adcode, "slots").randint(16, 30)
    yuan = SUBSIDY_YUAN_PER_MONTH.get(city.adcode) or rng(city.adcode, "subsidy").choice([400, 500, 600])
    slots = {code: [n * slots_each for n in path] for code, path in institutions.items()}
    put("childcare_slots", slots)
    put("childcare_subsidy", {code: [round(n * yuan * 3 / 10_000, 2) for n in path] for code, path in slots.items()})


def put_organisation(city: City, workers: dict[str, list[int]], put) -> None:
    eligible, established, members = {}, {}, {}
    for code, path in workers.items():
        per_enterprise = rng(code, "enterprise size").uniform(20, 32)
        eligible[code] = [round(w / per_enterprise) for w in path]
        org = rate_path(city, code, "org")
        established[code] = [round(e * r) for e, r in zip(eligible[code], org, strict=True)]
        member = rate_path(city, code, "member")
        members[code] = [round(w * r) for w, r in zip(path, member, strict=True)]
    put("enterprises_eligible", eligible)
    put("unions_established", established)
    put("members", members)


def put_chairs(city: City, workers: dict[str, list[int]], put) -> None:
    townships = HOME_TOWNSHIPS if city.adcode == HOME else round(city.workers / 2_600)
    units = list(workers)
    per_unit = dict(zip(units, allocate(townships, [workers[c][0] for c in units]), strict=True))
    if city.adcode == HOME:
        share = [0.9] + [1.0] * (len(PERIODS) - 1)
    else:
        start = rng(city.adcode, "chairs").uniform(0.7, 0.9)
        share = [min(1.0, start + 0.02 * t) for t in range(len(PERIODS))]
    put("fulltime_chairs", {c: [round(n * s) for s in share] for c, n in per_unit.items()})


def put_problems(city: City, shares: dict[str, float], put) -> None:
    """Each year a new problem list; its problems are rectified through the year, old ones nearly all closed."""
    units = list(shares)
    weights = list(shares.values())
    years = sorted({year_of(p) for p in PERIODS})
    lists = {}
    for year in years:
        if city.adcode == HOME and year == 2023:
            size = HOME_PROBLEMS_2023
        else:
            size = round(city.workers / 10_000 * 1.1 * rng(city.adcode, "problems", year).uniform(0.7, 1.3))
        lists[year] = dict(zip(units, allocate(size, weights), strict=True))
    identified = {c: [] for c in units}
    rectified = {c: [] for c in units}
    for p in PERIODS:
        year, done = year_of(p), RECTIFIED_BY_QUARTER[quarter_of(p)]
        old = {c: sum(lists[y][c] for y in years if y < year) for c in units}
        city_done = round(sum(old.values()) * 0.97) + round(sum(lists[year].values()) * done)
        split = allocate(city_done, [old[c] + lists[year][c] for c in units])
        for c, n in zip(units, split, strict=True):
            identified[c].append(old[c] + lists[year][c])
            rectified[c].append(min(n, identified[c][-1]))
    put("problems_identified", identified)
    put("problems_rectified", rectified)


def plain_number(value: float) -> str:
    """291 → '291', 36.0 → '36', 110.5 → '110.5': no exponent, no trailing zeros."""
    return format(value, ".2f").rstrip("0").rstrip(".")


def generate() -> pd.DataFrame:
    """The demo dataset in the long layout: region_code, region_name, indicator, period, value."""
    regions = read_cnmaps_index()
    names = dict(zip(regions.adcode, regions.name_zh, strict=True))
    rows = []
    for city in NAMED_CITIES + sichuan_cities(regions):
        counties = sorted(regions.loc[(regions.parent == city.adcode) & (regions.level == "county"), "adcode"])
        rows += city_rows(city, counties)
    frame = pd.DataFrame(rows, columns=["region_code", "indicator", "period", "value"])
    frame.insert(1, "region_name", frame["region_code"].map(names))
    frame["value"] = [plain_number(v) for v in frame["value"]]
    return frame.sort_values(["region_code", "indicator", "period"]).reset_index(drop=True)


# Targets: the headline indicators, as stock, flow or rate (a rate with its numerator and denominator).
TARGET_YEARS = (2025, 2026)
TARGET_KINDS = {
    "outdoor_stations": "stock",
    "childcare_subsidy": "flow",
    "funds_government": "flow",
    "funds_partner": "flow",
    "org_rate": "rate",
    "membership_rate": "rate",
}
RATE_PARTS = {"org_rate": ("unions_established", "enterprises_eligible"), "membership_rate": ("members", "workers")}
TARGET_GROWTH = 0.06  # stocks and flows: on last year's figure
TARGET_POINTS = 1.5  # rates: percentage points on last year's end
CATCH_UP = 0.5  # share of a county's gap to the city it is asked to close within the year
CATCH_UP_CAP = {"stock": 0.25, "flow": 0.25, "rate": 3.0}  # relative for stocks and flows, points for rates


def home_figures(observations: pd.DataFrame) -> pd.DataFrame:
    """Guangyuan's counties and the city (their sum) by (region, period), one column per indicator, rates added."""
    counties = observations[observations.region_code.isin(GUANGYUAN_SHARES)]
    wide = counties.astype({"value": float}).pivot_table(
        index=["region_code", "period"], columns="indicator", values="value"
    )
    city = pd.concat({HOME: wide.groupby(level="period").sum()}, names=["region_code"])
    wide = pd.concat([wide, city])
    for rate, (numerator, denominator) in RATE_PARTS.items():
        wide[rate] = 100 * wide[numerator] / wide[denominator]
    return wide


def last_year(figures: pd.DataFrame, region: str, indicator: str, year: int) -> tuple[float, float]:
    """(the figure a target for `year` starts from, the same per 10,000 workers or, for a rate, the rate)."""
    own = figures.loc[region]
    if TARGET_KINDS[indicator] == "flow":
        level = sum(own.at[f"{year - 1}Q{q}", indicator] for q in range(1, 5))
    else:
        level = own.at[f"{year - 1}Q4", indicator]
    if TARGET_KINDS[indicator] == "rate":
        return level, level
    return level, level / own.at[f"{year - 1}Q4", "workers"] * 10_000


def target_for(figures: pd.DataFrame, region: str, indicator: str, year: int) -> float | None:
    kind = TARGET_KINDS[indicator]
    level, compared = last_year(figures, region, indicator, year)
    if not level:
        return None
    city = last_year(figures, HOME, indicator, year)[1]
    if kind == "rate":
        catch_up = min(CATCH_UP * max(city - compared, 0.0), CATCH_UP_CAP[kind]) if region != HOME else 0.0
        return round(min(level + TARGET_POINTS + catch_up, 99.0), 1)
    catch_up = min(CATCH_UP * max(1 - compared / city, 0.0), CATCH_UP_CAP[kind]) if region != HOME else 0.0
    target = level * (1 + TARGET_GROWTH + catch_up)
    return float(round(target)) if kind == "stock" else round(target, 1)


def generate_targets(observations: pd.DataFrame | None = None) -> pd.DataFrame:
    """Demo targets (the rule is in the module docstring): region, region_name, indicator, year, target."""
    figures = home_figures(generate() if observations is None else observations)
    regions = read_cnmaps_index()
    names = dict(zip(regions.adcode, regions.name_zh, strict=True))
    rows = [
        (region, names[region], indicator, year, target)
        for year in TARGET_YEARS
        for region in [HOME, *sorted(GUANGYUAN_SHARES)]
        for indicator in TARGET_KINDS
        if (target := target_for(figures, region, indicator, year)) is not None
    ]
    frame = pd.DataFrame(rows, columns=["region", "region_name", "indicator", "year", "target"])
    frame["target"] = [plain_number(v) for v in frame["target"]]
    return frame


def write(path=DEMO_OBSERVATIONS_CSV, targets_path=DEMO_TARGETS_CSV) -> tuple[pd.DataFrame, pd.DataFrame]:
    frame = generate()
    targets = generate_targets(frame)
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    targets.to_csv(targets_path, index=False, encoding="utf-8", lineterminator="\n")
    return frame, targets


if __name__ == "__main__":
    written, targets = write()
    print(
        f"wrote {len(written)} observations to {DEMO_OBSERVATIONS_CSV} and {len(targets)} targets to {DEMO_TARGETS_CSV}"
    )
