-- every row of memberships carries a quote from its source
-- table: memberships
SELECT membership_id FROM memberships WHERE quote IS NULL
