// name: nodes_by_id
// title: Nodes by id
// description: The name (or title) and label of each node whose id is in the list, any label; /paths names its chain's nodes with it.
// param: ids list ["hospital:benh-vien-bach-mai","province:thanh-hoa"] -- node ids (comma-separated on the command line)
// example: | id | name | label |
// example: | hospital:benh-vien-bach-mai | Bệnh viện Bạch Mai | Hospital |
MATCH (n) WHERE n.id IN $ids
RETURN n.id AS id, coalesce(n.name, n.title, n.id) AS name, labels(n)[0] AS label
