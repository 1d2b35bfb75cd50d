"""Plotly figures the analysis pages share: ranked bars, trend lines, a profile radar. Plain figures, no data access;
`shared` (components.memo) builds one once per process for everyone who asks for the same."""

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from unionbench.formatting import format_number

BAR = "#1f5fa8"
HIGHLIGHT = "#c8102e"
MISSING = "#bdbdbd"


class SharedFigure(go.Figure):
    """A figure shared by every session and never changed once built (components.memo.shared): its dict form, which
    st.plotly_chart asks for on every rerun (a deep copy of the whole figure, a map's shapes included), is made
    once."""

    _as_dict = None

    def to_dict(self) -> dict:
        if self._as_dict is None:
            self._as_dict = super().to_dict()
        return self._as_dict


def sealed(figure: go.Figure) -> SharedFigure:
    """`figure`, from now on never changed, as a SharedFigure (no copy)."""
    figure.__class__ = SharedFigure
    return figure


@dataclass(frozen=True)
class Measure:
    """How a drawn figure is written: its unit (个, %, z) and the decimals it is shown with."""

    unit: str
    decimals: int


def ranked_bars(
    labels: list[str],
    values: list[float],
    measure: Measure,
    highlight: set[str] = frozenset(),
    keys: list[str] | None = None,
    skipped: list[str] | None = None,
) -> go.Figure:
    """Horizontal bars, best at the top, the value printed at each bar's end; highlighted bars in red.

    With `keys` (adcodes) each bar is its own category and `labels` only name it, so two regions of one name never
    merge into one bar (Sichuan's two 市中区), and `highlight` holds keys. A non-empty `skipped[i]` draws an empty
    row reading it just above bar i, for the ranks left out there."""
    unit, decimals = measure.unit, measure.decimals
    keys = list(keys) if keys is not None else list(labels)
    rows_y, rows_x, rows_text, rows_tick, colours = [], [], [], [], []
    for i, (key, label, value) in enumerate(zip(keys, labels, values, strict=True)):
        if skipped and skipped[i]:
            rows_y.append(f"skipped-{i}")
            rows_x.append(None)
            rows_text.append("")
            rows_tick.append(skipped[i])
            colours.append(MISSING)
        rows_y.append(key)
        rows_x.append(value)
        rows_text.append(format_number(value, decimals) if value == value else "—")
        rows_tick.append(label)
        colours.append(HIGHLIGHT if key in highlight else BAR)
    layout = {  # given to the constructor: update_layout's merge machinery cost three times the build
        "height": max(240, 34 * len(rows_y) + 60),
        "margin": {"l": 10, "r": 60, "t": 10, "b": 30},
        "yaxis": {
            "autorange": "reversed",
            "automargin": True,
            "type": "category",
            "tickmode": "array",
            "tickvals": rows_y,
            "ticktext": rows_tick,
        },
        "xaxis": {"title": {"text": unit}, "rangemode": "tozero"},
        "showlegend": False,
        "plot_bgcolor": "white",
    }
    bars = go.Bar(
        x=rows_x,
        y=rows_y,
        orientation="h",
        marker_color=colours,
        text=rows_text,
        textposition="outside",
        cliponaxis=False,
        customdata=rows_tick,
        hovertemplate="%{customdata}: %{x}" + f" {unit}<extra></extra>",
    )
    return go.Figure(bars, layout=layout)


def trend_lines(frame: pd.DataFrame, x: str, y: str, series: str, unit: str, height: int = 420) -> go.Figure:
    """One line per series over the quarters."""
    lines = [
        go.Scatter(x=group[x], y=group[y], name=str(name), mode="lines+markers")
        for name, group in frame.groupby(series, sort=False)
    ]
    layout = {
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "yaxis": {"title": {"text": unit}, "rangemode": "tozero"},
        "xaxis": {"type": "category"},
        "legend": {"orientation": "h", "y": -0.15},
        "plot_bgcolor": "white",
    }
    return go.Figure(lines, layout=layout)


def axis_label(name: str, width: int = 6) -> str:
    """A radar axis name on short lines (six characters of Chinese, or words up to fourteen letters), so a long
    name such as 'Funds from government budgets' is not cut at the figure's edge."""
    if name.isascii():
        lines, line = [], ""
        for word in name.split():
            if line and len(line) + len(word) + 1 > 14:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        return "<br>".join([*lines, line])
    return "<br>".join(name[i : i + width] for i in range(0, len(name), width))


def profile_radar(scores: pd.DataFrame, names: dict[str, str], labels: dict[str, str], height: int = 460) -> go.Figure:
    """Normalised 0–100 scores (rows: regions, columns: indicators) as one closed outline per region."""
    figure = go.Figure()
    axes = [axis_label(labels.get(c, c)) for c in scores.columns]
    for n, (region, row) in enumerate(scores.iterrows()):
        values = row.fillna(0).tolist()
        home = n == 0  # the first row is the home region: filled and drawn thick; the others as outlines
        figure.add_trace(
            go.Scatterpolar(
                r=values + values[:1],
                theta=axes + axes[:1],
                name=names.get(region, region),
                fill="toself" if home else None,
                line={"width": 3 if home else 1.5, "color": HIGHLIGHT if home else None},
            )
        )
    figure.update_layout(
        height=height,
        margin={"l": 90, "r": 90, "t": 40, "b": 40},  # room for the axis names on either side: none clipped
        polar={"radialaxis": {"range": [0, 100]}},
        legend={"orientation": "h"},
    )
    return figure
