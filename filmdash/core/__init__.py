"""What every view and page uses: warehouse access, translation, charts, exports, the Streamlit frame."""
