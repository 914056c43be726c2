// name: technique_coverage_by_specialty
// title: Technique coverage by specialty
// description: Per specialty: how many techniques the graph knows, and how many hospitals and 2025 provinces perform at least one of them (they have it, or received it by a transfer that is not only planned).
// example: | specialty | techniques | hospitals | provinces |
// example: | thận | 1 | 2 | 2 |
MATCH (t:Technique)
OPTIONAL MATCH (h:Hospital)-[:HAS_TECHNIQUE]->(t)
WITH t, collect(DISTINCT h.id) AS holders
OPTIONAL MATCH (:Hospital)-[tr:TRANSFERS]->(r:Hospital)
WHERE tr.technique = t.id AND coalesce(tr.status, 'done') <> 'planned'
WITH t, holders, collect(DISTINCT r.id) AS receivers
WITH t, holders + receivers AS performer_ids
OPTIONAL MATCH (h:Hospital)
WHERE h.id IN performer_ids
WITH coalesce(t.specialty, 'unknown') AS specialty, t, h
RETURN specialty, count(DISTINCT t) AS techniques, count(DISTINCT h) AS hospitals, count(DISTINCT h.province) AS provinces
ORDER BY specialty
