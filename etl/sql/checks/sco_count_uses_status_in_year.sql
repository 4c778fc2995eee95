-- no co-production is counted under an SCO status its country did not have in the year the title was initiated (a country counts as an SCO member state only for a title initiated in a year in which its membership history shows it a member)
-- table: productions
SELECT DISTINCT s.production_id
FROM sco_coproduction_countries s
WHERE s.counts_as_member AND NOT EXISTS (
    SELECT 1 FROM memberships m
    WHERE m.organisation = 'sco' AND m.member_type = 'country' AND m.member_id = s.country_iso2
      AND m.status = 'member' AND CAST(left(m.start_date, 4) AS INTEGER) <= s.initiated_year
      AND (m.end_date IS NULL OR CAST(left(m.end_date, 4) AS INTEGER) >= s.initiated_year))
ORDER BY 1
