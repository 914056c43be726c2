// name: support_chains
// title: Support chains up to a central hospital
// description: Chains of up to four steps from a hospital up to a central one, each step going to a supporter (SUPPORTS, followed backwards) or to the hospital it refers patients to (REFERS_TO); shortest first.
// param: id string "hospital:trung-tam-y-te-huyen-phu-cat" -- the starting (district or provincial) hospital's id
// param: limit int 10 -- most chains
// example: | central | hops | chain | steps |
// example: | Bệnh viện Bạch Mai | 2 | ["Bệnh viện Đa khoa huyện Hậu Lộc", "Bệnh viện Đa khoa tỉnh Thanh Hóa", "Bệnh viện Bạch Mai"] | ["SUPPORTS", "SUPPORTS"] |
MATCH path = (h:Hospital {id: $id})-[:SUPPORTS|REFERS_TO*1..4]-(c:Hospital {level: 'central'})
WHERE all(i IN range(0, length(path) - 1) WHERE
        (type(relationships(path)[i]) = 'SUPPORTS' AND endNode(relationships(path)[i]) = nodes(path)[i])
     OR (type(relationships(path)[i]) = 'REFERS_TO' AND startNode(relationships(path)[i]) = nodes(path)[i]))
  AND size([n IN nodes(path) WHERE n.level = 'central']) = 1
RETURN c.name AS central, length(path) AS hops, [n IN nodes(path) | n.name] AS chain,
       [r IN relationships(path) | type(r)] AS steps
ORDER BY hops, central
LIMIT $limit
