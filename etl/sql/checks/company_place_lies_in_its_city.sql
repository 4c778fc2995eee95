-- a company's place (a district, town or park) lies in the company's own city: a company of Hangzhou is never placed in a Qingdao district, and a place is never a province or a city
-- table: companies
SELECT c.company_id
FROM companies c JOIN places p ON p.place_id = c.place_id
WHERE p.city_id IS DISTINCT FROM c.city_id OR p.place_type NOT IN ('district', 'site')
ORDER BY 1
