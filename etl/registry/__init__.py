"""Registry imports: python -m etl import FILE --kind companies --source SOURCE_ID."""
