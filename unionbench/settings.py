"""The federation's settings: its home city, its default benchmark set, its default reference and the reporting
deadline. Every default of the pages, the wall screen and the command line reads them here; no city is written in
code. They live in the table `meta`, are read with their defaults, written through the writer, audited, and only by
an account allowed to (unionbench.permissions).

A value may be given as a code or a name: `home 焦作市` or `home 410800`, `benchmark jzpeers` or its Chinese or
English name, `reference best` or a region. An unknown value is refused with its name in Chinese and English.
A database without a `home` has none: whatever needs one says to set it first (`unionbench settings home <city>`).
"""

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from unionbench.accounts import ReportingError
from unionbench.audit import audit
from unionbench.choices import SETTING_KEYS as KEYS
from unionbench.i18n import ngettext, t
from unionbench.names import text, texts
from unionbench.permissions import permit
from unionbench.read.drilldown import find_benchmark_set
from unionbench.read.selection import REFERENCE_KEYS, REFERENCES
from unionbench.regions import RegionResolver
from unionbench.store import Store, bump_data_version, load_query, writer
from unionbench.tracker import DEFAULT_DEADLINE_DAYS

ACTION = {"home": "settings", "benchmark": "settings", "reference": "settings", "deadline_days": "deadline"}
MAX_DEADLINE_DAYS = 366
REFERENCE_WORDS = {"average": {"平均"}, "best": {"最优"}}  # short forms of the pages' reference names
MAX_SHOWN = 64  # characters of a refused value repeated in a message


class SettingRefused(ReportingError):
    """A key or a value the settings do not take, named in both languages."""


class NoHome(ReportingError):
    """Something needs the home city and none is set."""

    def __init__(self):
        super().__init__(t("settings.no_home", "zh"), t("settings.no_home", "en"))


@dataclass(frozen=True)
class Settings:
    """The settings in force: what was set, else the default (no home; the first benchmark set listed; the average;
    15 days)."""

    home: str | None
    benchmark: str | None
    reference: str = "average"
    deadline_days: int = DEFAULT_DEADLINE_DAYS

    def value(self, key: str) -> str:
        """A setting as the command line prints it: a code, or empty when there is none."""
        found = getattr(self, key)
        return "" if found is None else str(found)


def read_settings(store: Store) -> Settings:
    """Every setting with its default; a stored benchmark set that no longer exists falls back to the default."""
    stored = dict(store.query("settings").itertuples(index=False, name=None))
    sets = list(store.query("benchmark_sets")["id"])
    benchmark = stored.get("benchmark")
    if benchmark not in sets:
        benchmark = sets[0] if sets else None
    days = stored.get("deadline_days")
    return Settings(
        home=stored.get("home") or None,
        benchmark=benchmark,
        reference=stored.get("reference") or "average",
        deadline_days=int(days) if days is not None and str(days).isdigit() else DEFAULT_DEADLINE_DAYS,
    )


def home_of(store: Store) -> str:
    """The home city's code, or NoHome telling how to set it."""
    home = read_settings(store).home
    if home is None:
        raise NoHome()
    return home


def check_key(key: str) -> str:
    if key not in KEYS:
        raise SettingRefused(
            f"没有名为“{shown(key)}”的设置；可设置：{'、'.join(KEYS)}。",
            f"There is no setting {shown(key)!r}; the settings are {', '.join(KEYS)}.",
        )
    return key


def shown(text) -> str:
    """A value as a refusal repeats it: one line, cut short."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= MAX_SHOWN else flat[: MAX_SHOWN - 1] + "…"


def resolver(store: Store) -> RegionResolver:
    return RegionResolver(store.query("region_index"), store.query("region_aliases"))


def english_match(store: Store, text: str, levels: tuple[str, ...]) -> list[str]:
    """Regions whose English name (with or without its suffix) is `text`, case aside: 'Jiaozuo', 'Jiaozuo City'."""
    from unionbench.placenames import short_english

    wanted = text.strip().casefold()
    index = store.query("region_index")
    index = index[index.level.isin(levels)]
    return [
        code
        for code, name in zip(index.adcode, index.name_en, strict=True)
        if wanted in (str(name).casefold(), short_english(str(name)).casefold())
    ]


def region_code(store: Store, text: str, levels: tuple[str, ...]) -> tuple[str | None, int]:
    """The one region of `levels` a code or a name (Chinese or English) names, and how many it could be."""
    found = resolver(store).resolve(text)
    levels_of = store.query("region_names", adcodes=list(found.candidates))
    candidates = list(levels_of.adcode[levels_of.level.isin(levels)])
    if not candidates:
        candidates = english_match(store, text, levels)
    return (candidates[0] if len(candidates) == 1 else None), len(candidates)


def parse_home(store: Store, text: str) -> str:
    code, count = region_code(store, text, ("city",))
    if code is None and count > 1:
        raise SettingRefused(
            f"“{shown(text)}”可指 {count} 个城市，请写行政区划代码（如 410800）。",
            f"'{shown(text)}' names {count} cities: give the administrative code (e.g. 410800).",
        )
    if code is None:
        raise SettingRefused(
            f"找不到城市“{shown(text)}”：本市须为地级城市，请写其名称或行政区划代码（如 焦作市 或 410800）。",
            f"No city '{shown(text)}': the home is a prefecture-level city, by name or code (e.g. 焦作市 or 410800).",
        )
    return code


def parse_benchmark(store: Store, text: str) -> str:
    found = find_benchmark_set(store, text)
    if found is None:
        sets = ", ".join(store.query("benchmark_sets")["id"])
        raise SettingRefused(
            f"没有对标组“{shown(text)}”；现有：{sets}（用 unionbench sets add 新建）。",
            f"No benchmark set '{shown(text)}'; there are: {sets} (make one with `unionbench sets add`).",
        )
    return found


def parse_reference(store: Store, text: str) -> str:
    """average | best | p90 (or their Chinese names), or a region's code or name (a city or a county)."""
    wanted = str(text).strip()
    for reference in REFERENCES:
        names = {reference, t(REFERENCE_KEYS[reference], "zh"), t(REFERENCE_KEYS[reference], "en").casefold()}
        names |= REFERENCE_WORDS.get(reference, set())
        if wanted.casefold() in names or wanted in names:
            return reference
    code, _ = region_code(store, wanted, ("city", "county"))
    if code is None:
        raise SettingRefused(
            f"无法识别对标参照“{shown(text)}”：须为 average（平均）、best（最优）、p90 或一个地区的代码或名称。",
            f"Cannot read the reference '{shown(text)}': it is average, best, p90 or a region's code or name.",
        )
    return code


def parse_deadline(store: Store, text: str) -> str:
    cleaned = str(text).strip()
    if not cleaned.isdigit() or not 0 <= int(cleaned) <= MAX_DEADLINE_DAYS:
        raise SettingRefused(
            f"截止天数“{shown(text)}”无效：须为 0–{MAX_DEADLINE_DAYS} 之间的整数（季度结束后第几天）。",
            f"The deadline '{shown(text)}' is not valid: a whole number of days after the quarter, "
            f"0 to {MAX_DEADLINE_DAYS}.",
        )
    return str(int(cleaned))


PARSERS = {
    "home": parse_home,
    "benchmark": parse_benchmark,
    "reference": parse_reference,
    "deadline_days": parse_deadline,
}


def parse_value(store: Store, key: str, text: str) -> str:
    """The code a setting stores for what was typed, or SettingRefused naming the value."""
    if not str(text).strip():
        raise SettingRefused(f"设置 {key} 不能为空。", f"The setting {key} needs a value.")
    return PARSERS[check_key(key)](store, str(text))


def set_setting(
    primary: Path, key: str, text: str, by: str | None, secrets_users: Mapping[str, str] | None = None
) -> str:
    """Check who sets it and what, then store it in one audited transaction published at once (every dashboard
    process reads it within a second). Returns the stored code. A refused permission is audited too."""
    check_key(key)
    with writer(Path(primary)) as store:
        actor = permit(store, by, ACTION[key], secrets_users, target=f"setting {key}")
        value = parse_value(store, key, text)
        before = dict(store.query("settings").itertuples(index=False, name=None)).get(key)
        with store.transaction() as cur:
            cur.execute(load_query("write/set_setting"), {"key": key, "value": value})
            action = "deadline" if key == "deadline_days" else "setting"  # as `unionbench deadline` records it
            audit(cur, actor.name, action, key, f"{before or '—'} → {value}")
            bump_data_version(cur, figures=False)
    return value


def value_name(store: Store, key: str, value: str | None, lang: str = "zh") -> str:
    """What a stored code stands for, for a person: 焦作市, 遂内泸, 平均; empty when nothing is set."""
    if value in (None, ""):
        return ""
    if key in ("home", "reference") and value not in REFERENCES:
        return text(store, "place", value, "name", lang)
    if key == "reference":
        return t(REFERENCE_KEYS[value], lang)
    if key == "benchmark":
        return text(store, "set", value, "name", lang)
    return ngettext("setup.deadline_days", "setup.deadline_days.plural", value, lang, days=value)


def settings_frame(store: Store) -> pd.DataFrame:
    """key,value (codes) for every setting in force, in KEYS order: what `unionbench settings` prints."""
    found = read_settings(store)
    return pd.DataFrame({"key": list(KEYS), "value": [found.value(key) for key in KEYS]})


def load_demo_settings(store: Store, path: Path) -> int:
    """The demo's settings (a key,value CSV) where none is set yet, so `init --demo` again keeps a changed one;
    returns how many were added."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        wanted = {row["key"]: row["value"] for row in csv.DictReader(handle)}
    stored = dict(store.query("settings").itertuples(index=False, name=None))
    missing = {key: value for key, value in wanted.items() if key in KEYS and key not in stored}
    if not missing:
        return 0
    with store.transaction() as cur:
        for key, value in missing.items():
            cur.execute(load_query("write/set_setting"), {"key": key, "value": value})
            audit(cur, "init", "setting", key, f"— → {value} (demo)")
        bump_data_version(cur, figures=False)
    return len(missing)


def home_and_counties(store: Store, home: str, lang: str = "zh") -> dict[str, str]:
    """The home city and its counties (code → name in `lang`): the regions a reporter account may belong to."""
    names = texts(store, "place", "name", lang)
    codes = [*store.query("region_names", adcodes=[home]).adcode, *store.query("child_regions", parent=home).adcode]
    return {code: names[code] for code in codes}
