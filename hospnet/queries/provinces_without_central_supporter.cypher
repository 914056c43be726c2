// name: provinces_without_central_supporter
// title: Provinces with no central supporter
// description: 2025 provinces that no central hospital supports, neither the province itself nor any hospital located in it.
// example: | code | province |
// example: | 11 | Điện Biên |
MATCH (p:Province)
OPTIONAL MATCH (c:Hospital {level: 'central'})-[:SUPPORTS]->(p)
WITH p, count(c) AS direct
OPTIONAL MATCH (c2:Hospital {level: 'central'})-[:SUPPORTS]->(:Hospital)-[:LOCATED_IN]->(p)
WITH p, direct, count(c2) AS through_hospitals
WHERE direct + through_hospitals = 0
RETURN p.code AS code, p.name AS province
ORDER BY province
