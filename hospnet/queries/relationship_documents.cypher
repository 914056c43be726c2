// name: relationship_documents
// title: The documents behind a relationship
// description: The source documents and the evidence sentence of every relationship of one type from one node to another.
// param: start string "hospital:benh-vien-mat-trung-uong" -- id of the node the relationship starts at
// param: end string "hospital:benh-vien-mat-tinh-thai-binh" -- id of the node it ends at
// param: type string "SUPPORTS" -- relationship type, e.g. SUPPORTS, TRANSFERS, REFERS_TO
// example: | type | technique | evidence | document | title | date | source |
// example: | SUPPORTS | null | "…" | document:… | … | 2023-05-12 | https://… |
MATCH (a {id: $start})-[r]->(b {id: $end})
WHERE type(r) = $type
UNWIND r.sources AS document_id
MATCH (d:Document {id: document_id})
RETURN type(r) AS type, r.technique AS technique, r.evidence AS evidence,
       d.id AS document, d.title AS title, d.date AS date, d.source AS source
ORDER BY date, document, technique
