-- no member holds two open statuses in one organisation at once (an SCO observer that became a partner ends its observer row)
SELECT organisation, member_type, member_id FROM memberships
WHERE end_date IS NULL
GROUP BY ALL
HAVING count(*) > 1
