-- Each country's current status in the SCO (the row with no end date), with its source.
SELECT m.member_id AS iso2, co.name_en, co.name_zh_hans, co.name_zh_hant,
       m.status, m.start_date, m.source_id, s.publisher, m.quote
FROM memberships m
JOIN countries co ON co.iso2 = m.member_id
LEFT JOIN sources s ON s.source_id = m.source_id
WHERE m.organisation = 'sco' AND m.member_type = 'country' AND m.end_date IS NULL
ORDER BY m.status, m.member_id
