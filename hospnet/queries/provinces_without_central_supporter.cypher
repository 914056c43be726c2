// name: provinces_without_central_supporter
// title: Provinces with no central supporter
// description: 2025 provinces where no central hospital is located and none supports the province or a unit in it,
// description: except by transfers that are only planned (hospnet/analysis/gaps.py: the report and /coverage give the same list).
// description: A SUPPORTS whose only kind is technique_transfer counts through its pair's TRANSFERS.
// example: | code | province |
// example: | 12 | Lai Châu |
MATCH (p:Province)
OPTIONAL MATCH (c:Hospital {level: 'central'})
WHERE (c)-[:LOCATED_IN]->(p) OR c.province = p.name
WITH p, count(c) AS located
OPTIONAL MATCH (c:Hospital {level: 'central'})-[s:SUPPORTS]->(t)
WHERE (t = p OR (t)-[:LOCATED_IN]->(p) OR t.province = p.name)
  AND (any(k IN coalesce(s.kinds, []) WHERE k <> 'technique_transfer') OR size(coalesce(s.kinds, [])) = 0
       OR NOT (c)-[:TRANSFERS]->(t))
WITH p, located, count(s) AS supports
OPTIONAL MATCH (c:Hospital {level: 'central'})-[x:TRANSFERS]->(t:Hospital)
WHERE ((t)-[:LOCATED_IN]->(p) OR t.province = p.name) AND coalesce(x.status, 'done') <> 'planned'
WITH p, located, supports, count(x) AS transfers
WHERE located + supports + transfers = 0
RETURN p.code AS code, p.name AS province
ORDER BY code
