// name: relationship_documents
// title: The documents behind a relationship
// description: The source documents of every relationship of one type from one node to another, each with the sentence it states it in (`source_evidence`). `own` false: the graph kept no sentence of that document (written before `source_evidence` was), and `evidence` is the relationship's, perhaps another document's.
// param: start string "hospital:benh-vien-mat-trung-uong" -- id of the node the relationship starts at
// param: end string "hospital:benh-vien-mat-tinh-thai-binh" -- id of the node it ends at
// param: type string "SUPPORTS" -- relationship type, e.g. SUPPORTS, TRANSFERS, REFERS_TO
// example: | type | technique | evidence | own | document | title | date | source |
// example: | SUPPORTS | null | "…" | true | document:… | … | 2023-05-12 | https://… |
MATCH (a {id: $start})-[r]->(b {id: $end})
WHERE type(r) = $type
UNWIND r.sources AS document_id
MATCH (d:Document {id: document_id})
WITH r, d, [item IN coalesce(r.source_evidence, []) WHERE item STARTS WITH (d.id + ' ') |
            split(item, d.id + ' ')[1]] AS own
UNWIND CASE WHEN size(own) > 0 THEN own ELSE [r.evidence] END AS evidence
RETURN type(r) AS type, r.technique AS technique, evidence, (size(own) > 0 OR r.sources = [d.id]) AS own,
       d.id AS document, d.title AS title, d.date AS date, d.source AS source
ORDER BY date, document, technique, evidence
