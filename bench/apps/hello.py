"""Bench only: the bare Streamlit page bench/first_paint.py measures the dashboard's first paint against."""

import streamlit as st

st.write("hello")
