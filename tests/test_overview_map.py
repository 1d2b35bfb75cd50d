"""The overview's drawn county map (components/choropleth.ranking_drawing): a ranking frame in, SVG shapes with
their words as escaped HTML text out, in the colours of the Plotly map it replaces; and the map page's still drawing
that stands in for its Plotly map until it has drawn (choropleth.standin_drawing); checked on hand-made rows."""

import base64
import math
import re

import pandas as pd
from plotly.colors import sequential

from components.choropleth import NO_DATA, figure_colours, ranking_drawing, standin_drawing
from components.screen_drawing import Size, county_paths

SHAPES = {code: (f"M{n},0L{n + 9},0L{n + 9},9Z", 20.0 + 10 * n, 30.0) for n, code in enumerate(["a", "b", "c"])}


def ranking(labels=("甲县", "乙县", "丙县"), figures=(3.0, 1.0, math.nan)) -> pd.DataFrame:
    """A ranking frame with the columns the drawing reads: region, label, figure, rank, rank_of, unit, decimals."""
    frame = pd.DataFrame({"region": ["a", "b", "c"], "label": list(labels), "figure": list(figures)})
    rank = frame["figure"].rank(ascending=False)
    return frame.assign(rank=rank, rank_of=int(rank.notna().sum()), basis_unit="个/万名职工", decimals=2)


def svg_of(html: str) -> str:
    source = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', html).group(1)
    return base64.b64decode(source).decode()


def test_each_county_takes_the_colour_the_plotly_map_gave_it_and_one_without_a_figure_is_grey():
    blues = [colour.replace(",", ", ") for colour in sequential.Blues]  # the scale's stops, as sampled
    figures = pd.Series([3.0, 1.0, 2.0, math.nan])
    assert figure_colours(figures, "higher") == [blues[-1], blues[0], blues[4], NO_DATA]
    assert figure_colours(figures, "lower")[:2] == [blues[0], blues[-1]]  # lower is better: the lowest darkest


def test_every_county_is_drawn_and_labelled_with_its_name_figure_and_rank():
    html = ranking_drawing(ranking(), SHAPES, "higher", "zh", "广元市各县区 · 指标")
    assert svg_of(html).count("<path ") == 3
    assert "<b>甲县</b><br>3.00 · 排名 1/2" in html
    assert "<b>丙县</b><br>无数据" in html
    assert 'data-testid="ranking-map-legend"' in html and "灰色：本季度无数据" in html and "个/万名职工" in html


def test_the_drawn_map_names_and_describes_itself_for_a_screen_reader():
    html = ranking_drawing(ranking(), SHAPES, "higher", "en", "Counties of Guangyuan · Stations")
    assert re.search(r'<img [^>]*alt="Counties of Guangyuan · Stations\. Each region coloured', html)
    assert "<title>Counties of Guangyuan · Stations</title><desc>Each region" in svg_of(html)


def test_the_still_drawing_before_the_map_has_every_region_in_its_map_colour_and_no_words():
    html = standin_drawing(ranking(), SHAPES, "higher", 560)
    svg = svg_of(html)
    colours = figure_colours(ranking().figure, "higher")
    assert [f'fill="{c}"' in svg for c in colours] == [True, True, True]
    assert 'alt=""' in html and "<span" not in html  # a stand-in for the map that follows: nothing to read on it
    assert 'data-testid="map-standin"' in html and "height:560px" in html


def test_every_word_on_the_drawn_map_is_escaped():
    hostile = '<img src=x onerror="alert(1)">'
    html = ranking_drawing(ranking(labels=(hostile, "乙&县", "丙县")), SHAPES, "higher", "zh", f"标题{hostile}")
    assert hostile not in html and hostile not in svg_of(html)
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html and "乙&amp;县" in html


def test_county_outlines_fit_the_drawing_they_are_drawn_for():
    square = {"type": "Polygon", "coordinates": [[[104, 32], [106, 32], [106, 33], [104, 33], [104, 32]]]}
    geojson = {"features": [{"id": "a", "geometry": square}]}
    path, x, y = county_paths(geojson, (104, 32, 106, 33), Size(400, 300), 10)["a"]
    numbers = [float(v) for v in re.findall(r"[\d.]+", path)]
    assert min(numbers) >= 0 and max(numbers[0::2]) <= 400 and max(numbers[1::2]) <= 300
    assert 0 < x < 400 and 0 < y < 300
