// name: person_positions
// title: A person's positions and signatures
// description: The positions a person held and the agreements they signed, as the documents state them; one row per fact.
// param: name search "bui van cuong" -- part of the person's name, without diacritics
// example: | person | kind | what | at | date |
// example: | Nguyễn Minh Tuấn | position | Giám đốc | Bệnh viện Đa khoa tỉnh Thanh Hóa | 2023-05-12 |
// example: | Nguyễn Minh Tuấn | signature | Hợp đồng hỗ trợ chuyên môn 2022 | Bệnh viện Đa khoa tỉnh Thanh Hóa | 2022-03-01 |
MATCH (p:Person)-[pos:HOLDS_POSITION]->(unit)
WHERE p.search CONTAINS $name
RETURN p.name AS person, 'position' AS kind, pos.title AS what, unit.name AS at, pos.as_of AS date
UNION
MATCH (a:Agreement)-[s:SIGNED_BY]->(p:Person)
WHERE p.search CONTAINS $name
OPTIONAL MATCH (o {id: s.on_behalf_of})
RETURN p.name AS person, 'signature' AS kind, a.title AS what, o.name AS at, a.date AS date
