-- Each country's current status in the SCO (the row with no end date), with its source, and the
-- status it held just before (the row that ended the day this one started), for the hover: an SCO
-- partner since 2025 may have been an observer since 2004.
SELECT m.member_id AS iso2, co.name_en, co.name_zh_hans, co.name_zh_hant,
       m.status, m.start_date, m.source_id, s.publisher, m.quote,
       p.status AS previous_status, p.start_date AS previous_start_date
FROM memberships m
JOIN countries co ON co.iso2 = m.member_id
LEFT JOIN sources s ON s.source_id = m.source_id
LEFT JOIN memberships p
       ON p.organisation = m.organisation AND p.member_type = m.member_type AND p.member_id = m.member_id
      AND p.end_date = m.start_date AND p.membership_id <> m.membership_id
WHERE m.organisation = 'sco' AND m.member_type = 'country' AND m.end_date IS NULL
ORDER BY m.status, m.member_id
