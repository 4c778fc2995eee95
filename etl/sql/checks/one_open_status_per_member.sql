-- no member holds two open statuses in one organisation at once (an SCO observer that became a partner ends its observer row)
-- table: memberships
SELECT membership_id FROM memberships
WHERE end_date IS NULL
QUALIFY count(*) OVER (PARTITION BY organisation, member_type, member_id) > 1
