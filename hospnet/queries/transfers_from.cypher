// name: transfers_from
// title: What a hospital transferred, to whom, when
// description: Every technique transfer made by one hospital, with the receiving hospital, date, status and source documents.
// param: id string "hospital:benh-vien-nhi-trung-uong" -- the transferring hospital's id
// example: | technique | to | date | status | sources |
// example: | lọc màng bụng | Bệnh viện Đa khoa tỉnh Thanh Hóa | 2025-11-21 | planned | ["document:…"] |
MATCH (h:Hospital {id: $id})-[t:TRANSFERS]->(to:Hospital)
OPTIONAL MATCH (tech:Technique {id: t.technique})
RETURN tech.name AS technique, to.name AS to, t.date AS date, t.status AS status, t.sources AS sources
ORDER BY to, technique
