-- every row of productions carries a quote from its source
-- table: productions
SELECT production_id FROM productions WHERE quote IS NULL
