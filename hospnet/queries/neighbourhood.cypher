// name: neighbourhood
// title: The neighbourhood of a node
// description: Every relationship touching one node (any label), with the node at the other end and the evidence sentence.
// param: id string "hospital:benh-vien-bach-mai" -- the node's id
// param: limit int 100 -- most rows
// example: | type | direction | other_id | other_label | other_name | evidence |
// example: | SUPPORTS | in | hospital:benh-vien-cho-ray | Hospital | Bệnh viện Chợ Rẫy | "…" |
MATCH (n {id: $id})-[r]-(m)
RETURN type(r) AS type, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction,
       m.id AS other_id, labels(m)[0] AS other_label, coalesce(m.name, m.title) AS other_name, r.evidence AS evidence
ORDER BY type, direction, other_id, evidence
LIMIT $limit
