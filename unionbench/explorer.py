"""The data explorer's table: figures with units, and on request where each came from."""

import pandas as pd

from unionbench.catalog import Indicator
from unionbench.periods import periods_between
from unionbench.store import Store
from unionbench.views import named

COLUMNS = ["region", "region_name", "indicator", "name", "unit", "period", "value"]
PROVENANCE = ["upload_id", "file_name", "user_name", "uploaded_at"]


def explorer_table(
    store: Store,
    regions: list[str],
    indicators: list[Indicator],
    first: str,
    last: str,
    provenance: bool = False,
    lang: str = "zh",
) -> pd.DataFrame:
    """Every figure the pages show for these regions, indicators and quarters (stored, rolled up or derived), places
    named in `lang`; with `provenance`, the upload that set each stored figure (computed ones have none)."""
    frame = store.query(
        "values_with_provenance",
        regions=regions,
        indicators=[i.id for i in indicators],
        periods=periods_between(first, last),
    )
    frame = named(store, frame, lang)
    by_id = {i.id: i for i in indicators}
    frame["name"] = frame.indicator.map(lambda i: by_id[i].name)
    frame["unit"] = frame.indicator.map(lambda i: by_id[i].unit)
    return frame[COLUMNS + (PROVENANCE if provenance else [])].reset_index(drop=True)
