// name: steps_in
// title: One step into a set of nodes
// description: Every relationship that ends at one of the nodes and starts at a node that is not a document, as a step back along it; steps_out's other direction, for /paths.
// param: ids list ["hospital:benh-vien-bach-mai"] -- ids of the nodes to step from (comma-separated on the command line)
// example: | node | next | type |
// example: | hospital:benh-vien-bach-mai | person:nguyen-van-chinh | HOLDS_POSITION |
MATCH (m)-[r]->(n) WHERE n.id IN $ids AND NOT m:Document
RETURN n.id AS node, m.id AS next, type(r) AS type
