// name: supporters
// title: Supporters of a hospital or a province
// description: Who supports a hospital, or a province (directly, or any hospital located in it), with the kinds of support and the evidence.
// param: name search "thai binh" -- part of the hospital's or the province's name, without diacritics
// example: | supporter | supporter_level | supported | kinds | evidence |
// example: | Bệnh viện E | central | Bệnh viện Đa khoa tỉnh Thanh Hóa | ["technique_transfer"] | "…" |
MATCH (target)
WHERE (target:Hospital OR target:Province) AND target.search CONTAINS $name
MATCH (s:Hospital)-[r:SUPPORTS]->(x)
WHERE x = target OR (target:Province AND (x)-[:LOCATED_IN]->(target))
RETURN DISTINCT s.name AS supporter, s.level AS supporter_level, x.name AS supported, r.kinds AS kinds, r.evidence AS evidence
ORDER BY supporter, supported
