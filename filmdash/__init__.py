"""Everything the dashboard's pages import: warehouse access, queries, charts, strings, exports."""
