"""The overview's drawn county map (components/choropleth.ranking_drawing): a ranking frame in, SVG shapes with
their words as escaped HTML text out, in the colours of the Plotly map it replaces; and the map page's still drawing
that stands in for its Plotly map until it has drawn (choropleth.standin_drawing); checked on hand-made rows."""

import base64
import math
import re

import pandas as pd
from plotly.colors import sequential

from components.choropleth import NO_DATA, figure_colours, framed, ranking_drawing, ranking_map, standin_drawing
from components.screen_drawing import Size, county_paths, mercator_paths
from components.strings import t

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


def test_the_still_stand_in_keeps_the_shapes_proportions_and_draws_one_path_per_colour():
    figures = (3.0, 3.0, math.nan)
    html = standin_drawing(ranking(figures=figures), SHAPES, "higher", 560)
    svg = svg_of(html)
    assert svg.count("<path ") == 2  # the two counties of one figure share a path, the grey one has its own
    assert 'preserveAspectRatio="xMidYMid meet"' in svg  # never stretched to the box: placed as the map will be
    assert f'fill="{NO_DATA}"' in svg


def test_stand_in_outlines_are_drawn_in_mercator_on_whole_pixels_as_moves():
    square = {"type": "Polygon", "coordinates": [[[100, 0], [110, 0], [110, 10], [100, 10], [100, 0]]]}
    high = {"type": "Polygon", "coordinates": [[[100, 50], [110, 50], [110, 60], [100, 60], [100, 50]]]}
    geojson = {"features": [{"id": "low", "geometry": square}, {"id": "high", "geometry": high}]}
    size, shapes = mercator_paths(geojson, (100, 0, 110, 60), 400, 0.8)
    assert size.width == 400 and size.height == round(400 * math.asinh(math.tan(math.radians(60))) / math.radians(10))
    low_path, high_path = shapes["low"][0], shapes["high"][0]
    assert re.fullmatch(r"M-?\d+ -?\d+l[-\d ]+z", low_path)  # whole px, each point a move from the one before
    low_height = -sum(int(v) for v in re.findall(r"-?\d+", low_path.split("l")[1])[1::2] if int(v) < 0)
    high_height = -sum(int(v) for v in re.findall(r"-?\d+", high_path.split("l")[1])[1::2] if int(v) < 0)
    assert high_height > 1.5 * low_height  # ten degrees of latitude are taller in the north, as on the Plotly map


def test_the_map_centres_its_regions_halfway_between_north_and_south_as_drawn():
    figure = framed([], (100, 0, 110, 60), 560)
    centre = figure.layout.geo.center.lat
    south, north = figure.layout.geo.lataxis.range
    northing = [math.asinh(math.tan(math.radians(lat))) for lat in (south, centre, north)]
    assert math.isclose(northing[1] - northing[0], northing[2] - northing[1])


def test_the_map_hover_reads_each_regions_label_figure_unit_and_rank():
    figure = ranking_map(ranking(), {}, (104, 32, 106, 33), "higher", "zh")
    trace = figure.data[-1]
    shown = trace.hovertemplate
    for i, value in enumerate(trace.customdata[0]):  # as plotly.js fills the template for the first region
        shown = shown.replace(f"%{{customdata[{i}]}}", str(value))
    assert shown == "<b>甲县</b><br>3.00 个/万名职工<br>排名 1/2<extra></extra>"
    assert figure.data[0].text == (f"<b>丙县</b><br>{t('no_data_legend', 'zh')}",)  # no figure: its own grey trace
