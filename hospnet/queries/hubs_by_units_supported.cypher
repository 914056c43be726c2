// name: hubs_by_units_supported
// title: Hubs: hospitals by number of units supported
// description: Supporting hospitals ranked by how many distinct hospitals, provinces and organisations they support, with the number of techniques they transferred.
// param: limit int 20 -- most rows
// example: | id | hospital | level | units | transfers |
// example: | hospital:benh-vien-bach-mai | Bệnh viện Bạch Mai | central | 3 | 0 |
MATCH (s:Hospital)-[:SUPPORTS]->(u)
WITH s, count(DISTINCT u) AS units
OPTIONAL MATCH (s)-[t:TRANSFERS]->(:Hospital)
WITH s, units, count(t) AS transfers
RETURN s.id AS id, s.name AS hospital, s.level AS level, units, transfers
ORDER BY units DESC, hospital
LIMIT $limit
