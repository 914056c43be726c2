// name: document_sentences
// title: What one document contributed
// description: One document with the sentences the graph took from it: where it mentions a node, and for each relationship read from it the sentence it was read in, from `source_evidence` ("<document id> <sentence>" items). `own` false: the graph kept no sentence of this document for the relationship (written before `source_evidence` was), and this is its `evidence`, perhaps another document's. The read behind GET /documents/{id}.
// param: id string "document:9e456d645deb5b611048c890d730b739" -- the document id (GET /documents lists them)
// example: | id | title | date | source | language | mentions | evidence |
// example: | document:9e45… | BV Việt Đức ký kết hỗ trợ chuyên môn, … cho Hải Dương | 2024-… | … | vi | [{text: "…", node: "Bệnh viện Hữu nghị Việt Đức"}, …] | [{text: "…", via: "SUPPORTS", node: "Bệnh viện Hữu nghị Việt Đức", other: "…", own: true}, …] |
MATCH (d:Document {id: $id})
CALL {
  WITH d
  MATCH (n)-[r:MENTIONED_IN]->(d)
  WHERE r.sentence IS NOT NULL
  WITH r.sentence AS text, coalesce(n.name, n.title, n.id) AS node, min(r.start) AS start
  ORDER BY start, node
  RETURN collect({text: text, node: node}) AS mentions
}
CALL {
  WITH d
  MATCH (a)-[r]->(b)
  WHERE type(r) <> 'MENTIONED_IN' AND d.id IN r.sources
  WITH d, r, a, b, [item IN coalesce(r.source_evidence, []) WHERE item STARTS WITH (d.id + ' ') |
                 split(item, d.id + ' ')[1]] AS own
  WHERE size(own) > 0 OR r.evidence IS NOT NULL
  UNWIND CASE WHEN size(own) > 0 THEN own ELSE [r.evidence] END AS text
  WITH text, (size(own) > 0 OR r.sources = [d.id]) AS own, type(r) AS via,
       coalesce(a.name, a.title, a.id) AS node, coalesce(b.name, b.title, b.id) AS other
  ORDER BY text, via, node
  RETURN collect({text: text, via: via, node: node, other: other, own: own}) AS evidence
}
RETURN d.id AS id, d.title AS title, d.date AS date, d.source AS source, d.language AS language,
       mentions, evidence
