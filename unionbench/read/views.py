"""What each page shows, assembled from named queries and metrics; no streamlit here, so it is testable alone."""

import math

import pandas as pd

from unionbench.catalog import Indicator, indicator_from_row
from unionbench.names import texts
from unionbench.read import metrics
from unionbench.store import Store


def catalogue(store: Store, lang: str) -> dict[str, Indicator]:
    """The active catalogue as Indicator objects by id, in display order (read once per published snapshot). A
    retired indicator is left out, so no picker, tile, comparison or ranking offers it; its figures stay stored."""

    def read() -> dict[str, Indicator]:
        words = {field: texts(store, "indicator", field, lang) for field in ("name", "group", "unit", "description")}
        return {
            row["id"]: indicator_from_row(row, {field: found[row["id"]] for field, found in words.items()})
            for _, row in store.query("indicator_catalogue").iterrows()
            if row.get("status", "active") != "retired"
        }

    return dict(store.memo(("catalogue", lang), read))


def benchmark_sets(store: Store) -> pd.DataFrame:
    """Every benchmark set: id, names, rule, scope, in display order."""
    return store.query("benchmark_sets")


def set_names(store: Store, lang: str) -> dict[str, str]:
    """Every benchmark set's id → its name in `lang`, in display order."""
    names = texts(store, "set", "name", lang)
    return {set_id: names[set_id] for set_id in benchmark_sets(store)["id"]}


def cities(store: Store, lang: str = "zh") -> dict[str, str]:
    """Every city of China by code → 'name · province' in `lang` (two provinces may have a city of one name): what a
    custom benchmark set is chosen from."""
    found = store.query("cities")
    names = place_names(store, lang)
    labels = [
        f"{names[city]} · {names[province]}" if isinstance(province, str) and province in names else names[city]
        for city, province in zip(found["adcode"], found["province"], strict=True)
    ]
    return dict(zip(found.adcode, labels, strict=True))


def periods_with_data(store: Store, region: str) -> list[str]:
    """The quarters in which a region or any of its counties has figures, newest first."""
    return store.query("periods_with_data", region=region)["period"].tolist()


def place_names(store: Store, lang: str) -> dict[str, str]:
    """Every region's adcode → its name in `lang` (苍溪县 / Cangxi County), the official name without a row."""
    return texts(store, "place", "name", lang)


def region_names(store: Store, adcodes: list[str], lang: str = "zh") -> dict[str, str]:
    """Adcode → name in `lang` (苍溪县 / Cangxi County), for the regions that exist, in code order."""
    names = place_names(store, lang)
    return {code: names[code] for code in sorted(set(adcodes)) if code in names}


def with_names(store: Store, frame: pd.DataFrame, lang: str, column: str = "name") -> pd.DataFrame:
    """`frame` (regions by `adcode`) with a `column` naming each in `lang`."""
    return frame.assign(**{column: frame["adcode"].map(place_names(store, lang))})


def named(store: Store, frame: pd.DataFrame, lang: str, column: str = "region_name") -> pd.DataFrame:
    """`frame` with its `column` naming each `region` in `lang` (queries name places in Chinese)."""
    if frame.empty:
        return frame
    return frame.assign(**{column: frame["region"].map(place_names(store, lang)).fillna(frame[column])})


def home_regions(store: Store, lang: str = "zh") -> dict[str, str]:
    """The regions a page can take as home (adcode → name in `lang`)."""
    names = place_names(store, lang)
    return {code: names[code] for code in store.query("home_regions")["adcode"]}


def uploads(store: Store) -> pd.DataFrame:
    """The upload history, newest first."""
    return store.query("uploads")


def data_status(store: Store) -> dict:
    """How many figures there are, whether demo data is loaded, and when the data last changed."""
    return store.query("data_status").iloc[0].to_dict()


def benchmark_members(store: Store, set_id: str, home: str) -> tuple[str, list[str]]:
    """The set's rule and its member regions, leaving out the home region (Guangyuan is not its own benchmark)."""

    def read() -> tuple[str, tuple[str, ...]]:
        sets = store.query("benchmark_sets").set_index("id")
        return sets.loc[set_id, "rule"], tuple(store.query("benchmark_members", set_id=set_id)["adcode"])

    rule, members = store.memo(("benchmark_members", set_id), read)
    return rule, [m for m in members if m != home]


def lookup(frame: pd.DataFrame, period: str, column: str) -> float:
    return float(frame.at[period, column]) if period in frame.index and pd.notna(frame.at[period, column]) else math.nan


def region_values(
    store: Store, regions: list[str], indicator: Indicator, period: str, per_10k: bool, lang: str = "zh"
) -> pd.DataFrame:
    """One indicator for the given regions (those without a figure too): value, value per 10,000 workers, and
    rank (1 = best) on the figure shown — per 10,000 workers when asked and possible, else the value."""
    names = with_names(store, store.query("region_names", adcodes=regions)[["adcode", "level"]], lang, "region_name")
    frame = store.query("indicator_by_region", regions=regions, indicator=indicator.id, periods=[period])
    frame = frame[["region", "value", "per_10k"]]
    frame = names[["adcode", "region_name", "level"]].rename(columns={"adcode": "region"}).merge(frame, how="left")
    shown = "per_10k" if per_10k and indicator.per_capita_base else "value"
    frame["rank"] = metrics.rank_descending(frame[shown], indicator.direction)
    return frame


# The rules table's columns and a rule's severities → the catalogue keys of their names.
RULE_COLUMN_KEYS = {"id": "adm_rule_col_id", "check": "adm_rule_col_check", "severity": "adm_rule_col_severity",
                    "message": "adm_rule_col_message"}  # fmt: skip
SEVERITY_KEYS = {"error": "rule_severity_error", "warning": "rule_severity_warning"}


def validation_rules(store: Store, lang: str) -> pd.DataFrame:
    """The active validation rules as the methodology and admin pages show them: the check in indicator names
    (会员人数 ≤ 职工人数), what happens when it fails (refused or a warning) and the rule's message."""
    from unionbench.i18n import t
    from unionbench.ingest.validate import OPERATORS, rule_side

    rules = store.query("validation_rules")
    rules = rules[rules.status == "active"]
    names = {i: ind.name for i, ind in catalogue(store, lang).items()}

    def side(text: str) -> str:
        return " + ".join(names.get(i, i) for i in rule_side(text))

    return pd.DataFrame(
        {
            "id": rules["id"],
            "check": [
                f"{side(r.left_side)} {OPERATORS.get(r.operator, (None, r.operator))[1]} {side(r.right_side)}"
                for r in rules.itertuples()
            ],
            "severity": [t(SEVERITY_KEYS[s], lang) for s in rules["severity"]],
            "message": rules["id"].map(texts(store, "rule", "message", lang)),
        }
    ).reset_index(drop=True)
