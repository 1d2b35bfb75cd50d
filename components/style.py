"""The few CSS rules the stock theme lacks: KPI tiles and traffic-light badges (shape + word + colour)."""

import streamlit as st

# Okabe–Ito hues (distinguishable with the common colour-vision deficiencies and on projectors), darkened so
# white badge text keeps a contrast of at least 4.5:1; the symbol and the word carry the meaning too.
STATUS_COLOURS = {"ahead": "#0072B2", "near": "#8A5A00", "behind": "#B34A00", "unknown": "#6b6b6b"}

CSS = """
<style>
.block-container {padding-top: 2.5rem;}
.ub-tile {border: 1px solid #d9dce3; border-radius: 8px; padding: 14px 16px; background: #fff; height: 100%;}
.ub-tile .name {font-size: 0.95rem; color: #3a3f4b; margin-bottom: 4px;}
.ub-tile .value {font-size: 2.0rem; font-weight: 700; line-height: 1.15; color: #111;}
.ub-tile .unit {font-size: 1rem; font-weight: 400; color: #555; margin-left: 4px;}
.ub-tile .change {font-size: 0.9rem; color: #444; margin-top: 4px;}
.ub-tile .bench {font-size: 0.9rem; color: #444; margin-top: 8px; border-top: 1px dashed #e3e5ea; padding-top: 8px;}
.ub-tile .basis {font-size: 0.85rem; color: #555; margin-top: 4px;}
.ub-badge {display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-weight: 600;
           font-size: 0.85rem; margin-right: 6px;}
</style>
"""


def inject_css() -> None:
    st.html(CSS)
