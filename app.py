"""Entry script: page config, the shared frame and routing. No data access here."""

import streamlit as st

from filmdash import ui
from filmdash.i18n import t

st.set_page_config(page_title="Film Cities Dashboard", page_icon="🎬", layout="wide")
ui.choose_language()

PAGES = [
    st.Page("pages/overview.py", title=t("nav_overview"), icon="🏠", url_path="", default=True),
]
page = st.navigation(PAGES, position="sidebar")
ui.frame_footer()
page.run()
