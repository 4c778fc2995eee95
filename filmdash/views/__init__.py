"""One module per page (named as its script in pages/): the page's content, pure and testable without Streamlit."""
