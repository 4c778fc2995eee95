-- every claim, membership and production carries a quote from its source
SELECT claim_id FROM claims WHERE quote IS NULL
UNION ALL SELECT membership_id FROM memberships WHERE quote IS NULL
UNION ALL SELECT production_id FROM productions WHERE quote IS NULL
