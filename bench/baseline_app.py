"""The floor of any chart page: one small plotly chart and one trivial widget, served the same way."""

import plotly.graph_objects as go
import streamlit as st

from filmdash.core import ui

st.set_page_config(page_title="baseline", layout="wide")
choice = st.segmented_control("Baseline widget", ["a", "b"], default="a", key="baseline_widget")
fig = go.Figure(go.Bar(x=["2009", "2010", "2014"], y=[1, 1, 3]))
ui.plotly_chart(fig, key="baseline_chart", alt=f"baseline {choice}")
st.write(f"choice: {choice}")
