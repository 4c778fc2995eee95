-- no membership ends before it starts (ISO dates compared as text at the end date's precision, so a partial date is never refused for what it leaves out)
-- table: memberships
SELECT membership_id FROM memberships
WHERE end_date IS NOT NULL AND end_date < left(start_date, length(end_date))
