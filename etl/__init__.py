"""ETL for the film-industry warehouse: `python -m etl build | check | reference`."""
