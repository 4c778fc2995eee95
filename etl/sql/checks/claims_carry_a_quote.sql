-- every row of claims carries a quote from its source
-- table: claims
SELECT claim_id FROM claims WHERE quote IS NULL
