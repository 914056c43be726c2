// name: single_supporter_hospitals
// title: Hospitals with exactly one supporter
// description: Hospitals that one hospital alone supports: losing that supporter leaves them with none.
// example: | id | hospital | level | province | supporter |
// example: | hospital:benh-vien-da-khoa-tinh-tay-ninh | Bệnh viện Đa khoa tỉnh Tây Ninh | provincial | Tây Ninh | Bệnh viện Chợ Rẫy |
MATCH (s:Hospital)-[:SUPPORTS]->(h:Hospital)
WITH h, collect(DISTINCT s.name) AS supporters
WHERE size(supporters) = 1
RETURN h.id AS id, h.name AS hospital, h.level AS level, h.province AS province, supporters[0] AS supporter
ORDER BY hospital
