-- How much each table holds and how many sources it cites.
SELECT table_name, rows, sources, uncorroborated
FROM coverage
ORDER BY rows DESC
