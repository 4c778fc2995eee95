-- 'Data as of': the day the most recently read source was read (sources.accessed), the latest date
-- the warehouse's facts were checked against their sources.
SELECT max(accessed) AS accessed FROM sources
