import json
import re

from unionbench.geo import DEFAULT_TOLERANCE, build_layer, build_map_layers, cached_layer, precision_for, to_geojson
from unionbench.read import comparison, selection
from unionbench.settings import read_settings

GUANGYUAN = ["510802", "510811", "510812", "510821", "510822", "510823", "510824"]


def test_the_layer_has_one_valid_polygon_per_county(tmp_path):
    layer = cached_layer(GUANGYUAN, tmp_path)
    assert sorted(layer.adcode) == GUANGYUAN
    assert layer.geometry.is_valid.all() and not layer.geometry.is_empty.any()


def test_outer_rings_are_clockwise_for_plotlys_geo_renderer(tmp_path):
    layer = cached_layer(GUANGYUAN, tmp_path)
    for geometry in layer.geometry:
        for polygon in getattr(geometry, "geoms", [geometry]):
            assert not polygon.exterior.is_ccw


def test_neighbouring_counties_stay_glued_after_simplifying(tmp_path):
    layer = cached_layer(GUANGYUAN, tmp_path).set_index("adcode")
    # 利州 and 昭化 share a border: after simplification the shared edge is still a line, not a gap.
    shared = layer.geometry["510802"].intersection(layer.geometry["510811"])
    assert shared.length > 0.1
    pairs = [(a, b) for i, a in enumerate(GUANGYUAN) for b in GUANGYUAN[i + 1 :]]
    overlaps = {(a, b): layer.geometry[a].intersection(layer.geometry[b]).area for a, b in pairs}
    assert max(overlaps.values()) < 1e-9  # neighbours touch along edges and never overlap


def test_the_layer_is_built_once_and_then_read_from_the_cache(tmp_path):
    cached_layer(GUANGYUAN, tmp_path)
    files = list(tmp_path.glob("boundaries-*.parquet"))
    assert len(files) == 1
    mtime = files[0].stat().st_mtime_ns
    again = cached_layer(list(reversed(GUANGYUAN)), tmp_path)
    assert files[0].stat().st_mtime_ns == mtime and len(again) == 7


def test_geojson_features_carry_the_adcode_as_id_and_nothing_else():
    collection = to_geojson(build_layer(GUANGYUAN[:2]))
    assert [f["id"] for f in collection["features"]] == GUANGYUAN[:2]
    assert all(f["properties"] == {} for f in collection["features"])


def test_a_wide_layer_keeps_coordinates_to_a_tenth_of_its_simplification_and_a_city_to_four_decimals():
    assert precision_for(0.048) == 0.001  # all of China's counties on a 1,280-pixel map
    assert precision_for(DEFAULT_TOLERANCE) == 0.0001


def test_coordinates_are_written_with_no_more_digits_than_their_grid():
    collection = to_geojson(build_layer(GUANGYUAN[:2]))
    numbers = re.findall(r"-?\d+\.\d+", json.dumps(collection["features"][0]["geometry"]))
    assert numbers and max(len(n.split(".")[1]) for n in numbers) <= 4


def test_the_map_layers_are_built_ahead_so_the_first_map_visit_reads_them(store, tmp_path):
    built = build_map_layers(store, tmp_path)
    files = set(tmp_path.glob("boundaries-*.parquet"))
    assert built == len(files) > 0
    settings = read_settings(store)  # the view every page opens on: the home and its benchmark set
    for scope in selection.SCOPES:
        peers = comparison.peer_regions(store, selection.Selection(settings.home, settings.benchmark, "", scope=scope))
        cached_layer(list(reversed(peers)), tmp_path)
    assert set(tmp_path.glob("boundaries-*.parquet")) == files
