// name: transfers_by_year
// title: Technique transfers over time, per province
// description: How many techniques hospitals of each province received each year (by the transfer's date; 'unknown' without one), and how many are done.
// example: | province | year | transfers | done |
// example: | Tây Ninh | 2024 | 2 | 1 |
MATCH (:Hospital)-[t:TRANSFERS]->(:Hospital)-[:LOCATED_IN]->(p:Province)
WITH p.name AS province, CASE WHEN t.date IS NULL THEN 'unknown' ELSE substring(t.date, 0, 4) END AS year, t
RETURN province, year, count(t) AS transfers, count(CASE WHEN t.status = 'done' THEN 1 END) AS done
ORDER BY province, year
