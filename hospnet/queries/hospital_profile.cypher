// name: hospital_profile
// title: Hospital profile
// description: One hospital whole: who supports it, whom it supports, techniques transferred in and out, the techniques it performs, its people, its agreements and its newest source documents and how many there are in all (a central hospital has thousands), in one round trip. The read behind GET /hospitals/{id}.
// param: id string "hospital:benh-vien-bach-mai" -- the hospital id
// param: sources_limit int 100 -- most source documents to list, newest first
// example: | id | name | level | province | supporters | supported | transfers_in | … | sources_total |
// example: | hospital:benh-vien-da-khoa-tinh-thanh-hoa | Bệnh viện Đa khoa tỉnh Thanh Hóa | provincial | Thanh Hóa | [{id: "hospital:benh-vien-bach-mai", name: "Bệnh viện Bạch Mai", kinds: ["training", …], …}, …] | [{name: "Bệnh viện Đa khoa huyện Hậu Lộc", …}] | [{name: "Bệnh viện E", technique: "lọc màng bụng", status: "planned", …}] | … | 2 |
MATCH (h:Hospital {id: $id})
CALL {
  WITH h
  MATCH (x)-[r:SUPPORTS]->(h)
  WITH x, r ORDER BY coalesce(x.name, x.title, x.id), x.id
  RETURN collect({id: x.id, name: coalesce(x.name, x.title, x.id), label: labels(x)[0], relationship: type(r), kinds: r.kinds,
                  date: r.since, evidence: r.evidence, sources: r.sources,
                  curated_by: r.curated_by, corrections: r.corrections}) AS supporters
}
CALL {
  WITH h
  MATCH (h)-[r:SUPPORTS]->(x)
  WITH x, r ORDER BY coalesce(x.name, x.title, x.id), x.id
  RETURN collect({id: x.id, name: coalesce(x.name, x.title, x.id), label: labels(x)[0], relationship: type(r), kinds: r.kinds,
                  date: r.since, evidence: r.evidence, sources: r.sources,
                  curated_by: r.curated_by, corrections: r.corrections}) AS supported
}
CALL {
  WITH h
  MATCH (x)-[r:TRANSFERS]->(h)
  OPTIONAL MATCH (t:Technique {id: r.technique})
  WITH x, r, coalesce(t.name, r.technique) AS technique ORDER BY technique, coalesce(x.name, x.id)
  RETURN collect({id: x.id, name: coalesce(x.name, x.id), label: labels(x)[0], relationship: type(r), technique: technique,
                  status: r.status, date: r.date, evidence: r.evidence, sources: r.sources,
                  curated_by: r.curated_by, corrections: r.corrections}) AS transfers_in
}
CALL {
  WITH h
  MATCH (h)-[r:TRANSFERS]->(x)
  OPTIONAL MATCH (t:Technique {id: r.technique})
  WITH x, r, coalesce(t.name, r.technique) AS technique ORDER BY technique, coalesce(x.name, x.id)
  RETURN collect({id: x.id, name: coalesce(x.name, x.id), label: labels(x)[0], relationship: type(r), technique: technique,
                  status: r.status, date: r.date, evidence: r.evidence, sources: r.sources,
                  curated_by: r.curated_by, corrections: r.corrections}) AS transfers_out
}
CALL {
  WITH h
  MATCH (h)-[r:HAS_TECHNIQUE]->(t:Technique)
  WITH t, r ORDER BY t.name
  RETURN collect({id: t.id, name: coalesce(t.name, t.id), specialty: t.specialty, acquired_from: r.acquired_from}) AS techniques
}
CALL {
  WITH h
  MATCH (p:Person)-[r:HOLDS_POSITION]->(h)
  WITH p, r ORDER BY p.name, r.title
  RETURN collect({id: p.id, name: coalesce(p.name, p.id), title: r.title, as_of: r.as_of}) AS people
}
CALL {
  WITH h
  MATCH (h)-[r:PARTY_TO]->(a:Agreement)
  WITH a, r ORDER BY a.date, a.id
  RETURN collect({id: a.id, title: a.title, date: a.date, kind: a.kind, role: r.role}) AS agreements
}
CALL {
  WITH h
  MATCH (h)-[:MENTIONED_IN]->(d:Document)
  WITH DISTINCT d ORDER BY d.date DESC, d.id LIMIT $sources_limit
  RETURN collect({id: d.id, title: d.title, date: d.date, source: d.source}) AS sources
}
CALL {
  WITH h
  MATCH (h)-[:MENTIONED_IN]->(d:Document)
  RETURN count(DISTINCT d) AS sources_total
}
RETURN h.id AS id, h.name AS name, h.level AS level, h.province AS province,
       h.legacy_province AS legacy_province, h.aliases AS aliases, h.specialties AS specialties,
       h.curated_by AS curated_by, h.corrections AS corrections,
       supporters, supported, transfers_in, transfers_out, techniques, people, agreements,
       sources, sources_total
