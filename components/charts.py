"""Plotly figures the analysis pages share: ranked bars, trend lines, a profile radar. Plain figures, no data access."""

import pandas as pd
import plotly.graph_objects as go

from unionbench.formatting import format_number

BAR = "#1f5fa8"
HIGHLIGHT = "#c8102e"
MISSING = "#bdbdbd"


def ranked_bars(
    labels: list[str], values: list[float], unit: str, decimals: int, highlight: set[str] = frozenset(), height=None
) -> go.Figure:
    """Horizontal bars, best at the top, the value printed at each bar's end; highlighted regions in red."""
    colours = [HIGHLIGHT if label in highlight else BAR for label in labels]
    figure = go.Figure(
        go.Bar(
            x=values,
            y=labels,
            orientation="h",
            marker_color=colours,
            text=[format_number(v, decimals) if v == v else "—" for v in values],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x}" + f" {unit}<extra></extra>",
        )
    )
    figure.update_layout(
        height=height or max(240, 34 * len(labels) + 60),
        margin={"l": 10, "r": 60, "t": 10, "b": 30},
        yaxis={"autorange": "reversed", "automargin": True},
        xaxis={"title": {"text": unit}, "rangemode": "tozero"},
        showlegend=False,
        plot_bgcolor="white",
    )
    return figure


def trend_lines(frame: pd.DataFrame, x: str, y: str, series: str, unit: str, height: int = 420) -> go.Figure:
    """One line per series over the quarters."""
    figure = go.Figure()
    for name, group in frame.groupby(series, sort=False):
        figure.add_trace(go.Scatter(x=group[x], y=group[y], name=str(name), mode="lines+markers"))
    figure.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        yaxis={"title": {"text": unit}, "rangemode": "tozero"},
        xaxis={"type": "category"},
        legend={"orientation": "h", "y": -0.15},
        plot_bgcolor="white",
    )
    return figure


def profile_radar(scores: pd.DataFrame, names: dict[str, str], labels: dict[str, str], height: int = 460) -> go.Figure:
    """Normalised 0–100 scores (rows: regions, columns: indicators) as one closed outline per region."""
    figure = go.Figure()
    axes = [labels.get(c, c) for c in scores.columns]
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
        margin={"l": 40, "r": 40, "t": 20, "b": 20},
        polar={"radialaxis": {"range": [0, 100]}},
        legend={"orientation": "h"},
    )
    return figure
