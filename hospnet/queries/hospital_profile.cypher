// name: hospital_profile
// title: Hospital profile
// description: One hospital with its province, its supporters, the units it supports and the techniques it received.
// param: id string "hospital:benh-vien-bach-mai" -- the hospital id
// example: | name | level | province | supporters | supported | techniques_received |
// example: | Bệnh viện Đa khoa tỉnh Thanh Hóa | provincial | Thanh Hóa | ["Bệnh viện E"] | ["Bệnh viện Đa khoa huyện Hậu Lộc", …] | ["lọc màng bụng", …] |
MATCH (h:Hospital {id: $id})
OPTIONAL MATCH (s:Hospital)-[:SUPPORTS]->(h)
WITH h, collect(DISTINCT s.name) AS supporters
OPTIONAL MATCH (h)-[:SUPPORTS]->(u)
WITH h, supporters, collect(DISTINCT u.name) AS supported
OPTIONAL MATCH (:Hospital)-[t:TRANSFERS]->(h)
WITH h, supporters, supported, collect(t.technique) AS technique_ids
OPTIONAL MATCH (tech:Technique) WHERE tech.id IN technique_ids
RETURN h.id AS id, h.name AS name, h.level AS level, h.province AS province,
       supporters, supported, collect(DISTINCT tech.name) AS techniques_received
