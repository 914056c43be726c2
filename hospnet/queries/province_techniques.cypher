// name: province_techniques
// title: Techniques a province received
// description: Every technique transferred to a hospital located in the province, with who transferred it, when, and how far it got.
// param: province search "tay ninh" -- part of the 2025 province's name, without diacritics
// example: | province | technique | specialty | from_hospital | to_hospital | status | date |
// example: | Tây Ninh | can thiệp mạch vành | tim mạch | Bệnh viện Chợ Rẫy | Bệnh viện Đa khoa tỉnh Tây Ninh | done | 2024-03-15 |
MATCH (p:Province)
WHERE p.search CONTAINS $province
MATCH (giver:Hospital)-[t:TRANSFERS]->(receiver:Hospital)-[:LOCATED_IN]->(p)
OPTIONAL MATCH (tech:Technique {id: t.technique})
RETURN p.name AS province, tech.name AS technique, tech.specialty AS specialty,
       giver.name AS from_hospital, receiver.name AS to_hospital, t.status AS status, t.date AS date
ORDER BY province, date, technique
