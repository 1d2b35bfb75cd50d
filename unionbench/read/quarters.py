"""Which quarter a page opens on, and what it says about a quarter only some counties have reported.

What is published is on every page at once: the quarter picker offers every quarter in which a region or any of its
counties has figures; a page opens on the region's own newest quarter; a newer quarter that only some counties have
reported is named with who has reported, never hidden; and a link asking for a quarter without figures is answered
with a note, never silently replaced."""

import re
from dataclasses import dataclass, field

from unionbench.formatting import period_text, quarter_only
from unionbench.i18n import t
from unionbench.periods import year_of
from unionbench.read.selection import Selection
from unionbench.read.views import region_names
from unionbench.store import Store

_LABEL = re.compile(r"^\d{4}Q[1-4]$")


@dataclass(frozen=True)
class Quarters:
    """The quarters of one region: `periods` every quarter in which it or any of its counties has figures, newest
    first; `own` those in which the region itself has figures (reported, or summed from all of its counties)."""

    region: str
    periods: list[str] = field(default_factory=list)
    own: list[str] = field(default_factory=list)

    @property
    def newest(self) -> str | None:
        """The quarter a page opens on: the region's own newest, else the newest any of its counties has."""
        return self.own[0] if self.own else (self.periods[0] if self.periods else None)

    def partial(self, period: str | None = None) -> list[str]:
        """Quarters only some counties have reported that a page on `period` should name: every one newer than
        the region's own newest, and `period` itself when the region has no figures of its own for it."""
        newest_own = self.own[0] if self.own else ""
        return [p for p in self.periods if p not in self.own and (p > newest_own or p == period)]


def quarters(store: Store, region: str) -> Quarters:
    """The region's quarters, read once per published snapshot (every page's quarter notes ask for them on each
    click, and the scan over the region and its counties costs tens of milliseconds): shared, so not to be changed."""
    return store.memo(("quarters", region), lambda: _quarters(store, region))


def _quarters(store: Store, region: str) -> Quarters:
    found = store.query("periods_with_data", region=region)
    own = [str(p) for p, is_own in zip(found["period"], found["own"], strict=True) if bool(is_own)]
    return Quarters(region, [str(p) for p in found["period"]], own)


@dataclass(frozen=True)
class PartlyReported:
    """One quarter that only some of a city's counties have reported: who has, out of how many, and the quarter
    the city's own figures are still for (None when it has none)."""

    period: str
    reported: dict[str, str]  # adcode → name, of the counties with figures in `period`
    counties: int
    city_period: str | None

    def text(self, lang: str) -> str:
        """'2026年第四季度：7 个县区中已报送 1 个（剑阁县），全市数据仍为第三季度'."""
        names = t("list_sep", lang).join(self.reported.values())
        if self.city_period is None:
            still = t("quarter_city_none", lang)
        else:
            same_year = year_of(self.city_period) == year_of(self.period)
            still = t("quarter_city_still", lang, period=quarter_words(self.city_period, lang, same_year))
        return t(
            "quarter_partly_reported",
            lang,
            period=period_text(self.period, lang),
            counties=self.counties,
            n=len(self.reported),
            names=names,
            still=still,
        )


def quarter_words(period: str, lang: str, without_year: bool) -> str:
    """'第三季度' / 'Q3' within the same year as the sentence's quarter, else the full '2026年第三季度'."""
    return quarter_only(period, lang) if without_year else period_text(period, lang)


def partly_reported(store: Store, sel: Selection) -> list[PartlyReported]:
    """The quarters a page on the selection's home and quarter must name as partly reported (see Quarters.partial),
    newest first, each with the counties that have reported, named in its language."""
    region, period, lang = sel.home, sel.period or None, sel.lang
    q = quarters(store, region)
    wanted = q.partial(period)
    if not wanted:
        return []
    counties = store.query("child_regions", parent=region)
    counties = counties[counties["level"] == "county"]
    names = region_names(store, counties["adcode"], lang)
    found = store.query("reporting_regions", parents=[region], periods=wanted)
    own = q.own[0] if q.own else None
    return [
        PartlyReported(
            p,
            {c: names[c] for c in found.loc[found["period"] == p, "region"] if c in names},
            len(names),
            own,
        )
        for p in wanted
    ]


def period_note(requested: str | None, shown: str, lang: str) -> str:
    """The note for a link that asked for a quarter this view has no figures for: which one, and which is shown.
    A value that is not a quarter label is not echoed."""
    if requested is None or requested == shown:
        return ""
    if _LABEL.match(str(requested)):
        return t("quarter_link_no_data", lang, asked=period_text(requested, lang), shown=period_text(shown, lang))
    return t("quarter_link_unknown", lang, shown=period_text(shown, lang))
