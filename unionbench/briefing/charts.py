"""The briefing's charts as PNG bytes, drawn offline with matplotlib.

Why matplotlib and not plotly's static export: plotly's image export (kaleido) drives a browser of its own, or
needs one configured, for every figure, and a briefing has four; matplotlib draws in-process with the Agg
renderer in a few hundred milliseconds, needs no browser and no network, and its PNGs go into the .docx and the
PDF alike. Figures are built with the object API (Figure + FigureCanvasAgg), not pyplot, so no global state is
shared between the threads Streamlit runs sessions in.

The font: Chinese labels need a CJK font. We use the system's Noto Sans CJK (Debian's fonts-noto-cjk, installed by
`make browser` for the browser tests already), found by path — matplotlib.font_manager.findSystemFonts lists the
font files in the system font folders, the same folders fontconfig reads — and registered with addfont, so the
chart does not depend on matplotlib's font cache having been built after the font was installed. Matplotlib
registers every face of the .ttc collection, so the Simplified Chinese face (Noto Sans CJK SC) is used, not the
Japanese one that comes first in the file. $UNIONBENCH_CJK_FONT may name another font file. Without any CJK font
the charts still render, with a warning (Chinese labels would show as boxes).
"""

import io
import math
import os
import textwrap
import warnings
from functools import cache
from pathlib import Path

from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

FONT_ENV = "UNIONBENCH_CJK_FONT"
PREFERRED = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei")
FILE_HINTS = ("NotoSansCJK-Regular", "NotoSansCJKsc-Regular", "NotoSansSC", "SourceHanSans", "wqy-zenhei")

GOOD, WARN, BAD, GREY = "#2e7d32", "#f9a825", "#c62828", "#9e9e9e"
HOME, BENCH = "#1f4e79", "#e07b00"
STATUS_COLOURS = {"ahead": GOOD, "level": WARN, "behind": BAD}
DPI = 200
WIDTH_IN = 6.3  # 16 cm


@cache
def cjk_font() -> str | None:
    """The family name of a CJK font registered with matplotlib, or None when the system has none."""
    candidates = [os.environ[FONT_ENV]] if os.environ.get(FONT_ENV) else []
    candidates += sorted(
        (p for p in font_manager.findSystemFonts() if any(h in Path(p).name for h in FILE_HINTS)),
        key=lambda p: next(i for i, h in enumerate(FILE_HINTS) if h in Path(p).name),
    )
    for path in candidates:
        try:
            font_manager.fontManager.addfont(path)
        except (OSError, RuntimeError):
            continue
    known = {entry.name for entry in font_manager.fontManager.ttflist}
    for family in PREFERRED:
        if family in known:
            return family
    for path in candidates:  # a font named by $UNIONBENCH_CJK_FONT that is none of the preferred ones
        try:
            return font_manager.FontProperties(fname=path).get_name()
        except (OSError, RuntimeError):
            continue
    warnings.warn(
        "no CJK font found (apt-get install fonts-noto-cjk): Chinese chart labels will not show", stacklevel=2
    )
    return None


def _figure(height_in: float) -> Figure:
    fig = Figure(figsize=(WIDTH_IN, height_in), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _style(ax, family: str | None) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=7.5)
    if family:
        for label in [*ax.get_xticklabels(), *ax.get_yticklabels()]:
            label.set_fontfamily(family)


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, facecolor="white")
    return buffer.getvalue()


def _font_kwargs() -> dict:
    family = cjk_font()
    return {"fontfamily": family} if family else {}


def gap_chart(names: list[str], leads: list[float], statuses: list[str], axis_label: str) -> bytes:
    """Horizontal bars: each indicator's lead (+) or gap (−) against the benchmark, coloured by its status."""
    fig = _figure(0.22 * len(names) + 0.7)
    ax = fig.add_subplot()
    y = list(range(len(names)))[::-1]
    values = [0.0 if math.isnan(v) else v for v in leads]
    ax.barh(y, values, color=[STATUS_COLOURS.get(s, GREY) for s in statuses], height=0.65)
    ax.axvline(0, color="#424242", linewidth=0.8)
    ax.set_yticks(y, names, **_font_kwargs())
    for yi, value, raw in zip(y, values, leads, strict=True):
        text = "—" if math.isnan(raw) else f"{raw:+.1f}".replace("-", "−")
        ax.annotate(
            text,
            (value, yi),
            xytext=(3 if value >= 0 else -3, 0),
            textcoords="offset points",
            ha="left" if value >= 0 else "right",
            va="center",
            fontsize=6.5,
        )
    ax.set_xlabel(axis_label, fontsize=7.5, **_font_kwargs())
    low, high = min(values + [0.0]), max(values + [0.0])
    pad = (high - low) * 0.12 or 1.0
    ax.set_xlim(low - pad, high + pad)
    _style(ax, cjk_font())
    return _png(fig)


def trend_chart(panels: list[dict], home_label: str, bench_label: str) -> bytes:
    """Small multiples, one per headline indicator: the home's comparable figure and the benchmark's over the
    quarters. Each panel is {'title', 'periods', 'home', 'bench'}."""
    columns = 3
    rows = math.ceil(len(panels) / columns)
    fig = _figure(1.6 * rows + 0.4)
    axes = fig.subplots(rows, columns, squeeze=False)
    font = _font_kwargs()
    for ax, panel in zip(axes.flat, panels, strict=False):
        x = range(len(panel["periods"]))
        ax.plot(x, panel["home"], color=HOME, marker="o", markersize=2.5, linewidth=1.4, label=home_label)
        ax.plot(x, panel["bench"], color=BENCH, linestyle="--", linewidth=1.2, label=bench_label)
        ax.set_title(_wrap(panel["title"]), fontsize=7.5, **font)
        ticks = [i for i in x if i % 2 == 1 or i == len(panel["periods"]) - 1]
        ax.set_xticks(ticks, [panel["periods"][i].replace("Q", "\nQ") for i in ticks])
        ax.tick_params(labelsize=6)
        ax.spines[["top", "right"]].set_visible(False)
        ax.margins(y=0.15)
    for ax in list(axes.flat)[len(panels) :]:
        ax.set_visible(False)
    handles, labels = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=2, fontsize=7.5, frameon=False, prop=_prop())
    return _png(fig)


def _wrap(title: str) -> str:
    """Panel titles on at most two lines: a long Chinese title breaks before its unit, an English one at spaces."""
    if title.isascii():
        return textwrap.fill(title, 34)
    return title.replace("（", "\n（", 1) if len(title) > 16 else title


def _prop():
    family = cjk_font()
    return font_manager.FontProperties(family=family, size=7.5) if family else None


def radar_chart(axes_names: list[str], series: list[tuple[str, list[float], bool]]) -> bytes:
    """A radar of 0–100 scores: one closed line per region; the home (flag True) drawn strong, others light."""
    fig = _figure(4.6)
    ax = fig.add_subplot(projection="polar")
    angles = [2 * math.pi * i / len(axes_names) for i in range(len(axes_names))]
    closed = [*angles, angles[0]]
    palette = ["#7aa6c2", "#b39ddb", "#a5d6a7", "#ffcc80", "#ef9a9a", "#80cbc4"]
    others = 0
    for label, values, is_home in series:
        points = [50.0 if math.isnan(v) else v for v in values]
        points = [*points, points[0]]
        if is_home:
            ax.plot(closed, points, color=HOME, linewidth=2.0, label=label, zorder=3)
            ax.fill(closed, points, color=HOME, alpha=0.12, zorder=2)
        else:
            colour = palette[others % len(palette)]
            others += 1
            ax.plot(closed, points, color=colour, linewidth=1.1, label=label, linestyle="--")
    labels = [textwrap.fill(name, 18) if name.isascii() else name for name in axes_names]
    ax.set_xticks(angles, labels, fontsize=6.5, **_font_kwargs())
    ax.tick_params(axis="x", pad=6)
    ax.set_ylim(0, 100)
    ax.set_yticks([25, 50, 75, 100], ["25", "50", "75", "100"], fontsize=5.5, color="#757575")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=7, frameon=False, prop=_prop())
    return _png(fig)


def contributions_chart(counties: list[str], contributions: list[float], unit_label: str) -> bytes:
    """Horizontal bars: each county's part of the city's gap (red pulls down, green lifts up)."""
    fig = _figure(0.3 * len(counties) + 0.8)
    ax = fig.add_subplot()
    y = list(range(len(counties)))[::-1]
    values = [0.0 if math.isnan(v) else v for v in contributions]
    ax.barh(y, values, color=[GOOD if v > 0 else BAD for v in values], height=0.6)
    ax.axvline(0, color="#424242", linewidth=0.8)
    ax.set_yticks(y, counties, **_font_kwargs())
    for yi, value in zip(y, values, strict=True):
        ax.annotate(
            f"{value:+.2f}".replace("-", "−"),
            (value, yi),
            xytext=(3 if value >= 0 else -3, 0),
            textcoords="offset points",
            ha="left" if value >= 0 else "right",
            va="center",
            fontsize=6.5,
        )
    low, high = min(values + [0.0]), max(values + [0.0])
    pad = (high - low) * 0.15 or 1.0
    ax.set_xlim(low - pad, high + pad)
    ax.set_xlabel(unit_label, fontsize=7.5, **_font_kwargs())
    _style(ax, cjk_font())
    return _png(fig)
