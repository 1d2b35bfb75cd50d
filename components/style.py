"""The few CSS rules the stock theme lacks: KPI tiles and traffic-light badges (shape + word + colour)."""

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

# Okabe–Ito hues (distinguishable with the common colour-vision deficiencies and on projectors), darkened so
# white badge text keeps a contrast of at least 4.5:1; the symbol and the word carry the meaning too.
# Blue, an achromatic dark grey and vermillion stay apart for every common colour-vision deficiency (a
# brown 'near' and an orange 'behind' looked alike). '' is a row that is not judged.
STATUS_COLOURS = {"ahead": "#0072B2", "level": "#4D4D4D", "behind": "#C23B00", "": "#8C8C8C"}
STATUS_SYMBOLS = {"ahead": "▲", "level": "●", "behind": "▼", "": "—"}
# A target's status in the same colours: reached reads as ahead, on track as level, behind schedule and missed as
# behind; no figure is grey.
TARGET_COLOURS = {"reached": "#0072B2", "on_track": "#4D4D4D", "lagging": "#C23B00", "missed": "#C23B00"}


def coloured_column(frame: pd.DataFrame, column: str, colours: list[str | None]) -> Styler:
    """`frame` for st.table with each cell of `column` in its row's colour (None leaves a cell as it is)."""
    by_row = dict(zip(frame.index, colours, strict=True))

    def paint(cells: pd.Series) -> list[str]:
        return [f"color: {by_row[i]}; font-weight: 600" if by_row[i] else "" for i in cells.index]

    return frame.style.apply(paint, subset=[column])


CSS = """
<style>
.block-container {padding-top: 2.5rem;}
.ub-tile {border: 1px solid #d9dce3; border-radius: 8px; padding: 14px 16px; background: #fff;}
.ub-tile .name {font-size: 0.95rem; color: #3a3f4b; margin-bottom: 4px;}
.ub-tile .value {font-size: 2.0rem; font-weight: 700; line-height: 1.15; color: #111;}
.ub-tile .verdict {font-size: 1.05rem; margin: 2px 0 6px 0;}
.ub-tile .verdict .gap {font-size: 1.35rem; font-weight: 700; color: #111;}
.ub-tile .unit {font-size: 1rem; font-weight: 400; color: #555; margin-left: 4px;}
.ub-tile .change {font-size: 0.9rem; color: #444; margin-top: 4px;}
.ub-tile .bench {font-size: 0.9rem; color: #444; margin-top: 8px; border-top: 1px dashed #e3e5ea; padding-top: 8px;}
.ub-tile .basis {font-size: 0.85rem; color: #555; margin-top: 4px;}
.ub-tiles {display: grid; grid-template-columns: repeat(var(--wide), minmax(0, 1fr)); gap: 1rem;}
@media (max-width: 1700px) {.ub-tiles {grid-template-columns: repeat(var(--narrow), minmax(0, 1fr));}}
.ub-badge {display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-weight: 600;
           font-size: 0.85rem; margin-right: 6px;}
.ub-drawing {position: relative; width: 100%;}
.ub-drawing img {position: absolute; inset: 0; width: 100%; height: 100%;}
.ub-drawing > span {position: absolute; white-space: nowrap; line-height: 1.15; text-align: center;
                    font-size: 0.85rem; color: #fff; text-shadow: 0 0 3px rgba(0,0,0,0.55);}
.ub-drawing > span.light {color: #111; text-shadow: 0 0 3px rgba(255,255,255,0.8);}
.ub-drawing > span b {font-size: 0.95rem;}
.ub-map-legend {display: flex; align-items: center; gap: 8px; font-size: 0.85rem; color: #3a3f4b;
                margin-top: 6px; flex-wrap: wrap;}
.ub-map-legend .bar {display: inline-block; width: 180px; height: 12px; border: 1px solid #d9dce3;}
.ub-map-legend .swatch {display: inline-block; width: 14px; height: 14px; margin-left: 12px;}
/* this stylesheet's own Markdown element, marked below: no gap in the page for it (it is Markdown, not
   st.html). Only the marked one: a table that carries its own <style> (a pandas Styler) must stay visible. */
[data-testid=stElementContainer]:has(.ub-stylesheet) {display: none;}
/* likewise the map page's small script (choropleth.PAN_IS_NOT_A_CLICK): it draws nothing, so no gap for it */
[data-testid=stElementContainer]:has(.ub-script) {display: none;}
/* the map page's still drawing (choropleth.standin_drawing) stands over the Plotly map's place, its column kept at
   the map's height, until the map's shapes are drawn; it never takes a click */
[data-testid=stVerticalBlock]:has(> [data-testid=stElementContainer] .ub-standin) {position: relative;
                                                                                  min-height: 560px;}
[data-testid=stElementContainer]:has(.ub-standin) {position: absolute; top: 0; left: 0; right: 0; z-index: 1;
                                                    pointer-events: none;}
[data-testid=stVerticalBlock]:has(.js-plotly-plot path.choroplethlocation)
  [data-testid=stElementContainer]:has(.ub-standin) {display: none;}
/* the right padding: the map's colour bar's room, so the shapes stand where the map draws them */
.ub-standin {box-sizing: border-box; padding-right: 64px;}
.ub-standin img {width: 100%; height: 100%; object-fit: contain;}
</style>
<span class="ub-stylesheet"></span>
"""


def as_markdown_block(html: str) -> str:
    """HTML goes out as Markdown's raw-HTML blocks, not st.html: Markdown is in Streamlit's first script bundle;
    st.html is a chunk loaded on demand, and behind it the overview's tiles waited for the chunks of the page's
    other elements (the rank table's, the map's: measured in bench/first_paint.py). Every value in `html` is
    escaped; with no line break in it, Markdown keeps the block as it is (a blank line would end the block)."""
    return html.replace("\r", " ").replace("\n", " ")


def inject_css() -> None:
    """The pages' stylesheet, as Markdown (in Streamlit's first bundle), so it is there when the tiles are."""
    st.markdown(CSS, unsafe_allow_html=True)
