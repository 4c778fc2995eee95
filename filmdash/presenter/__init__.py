"""Presenter mode, decks and handouts: the layer above the views (like a page, it composes several
views' content and may draw with Streamlit); neither core nor a view imports it."""
