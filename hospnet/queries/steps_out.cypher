// name: steps_out
// title: One step out of a set of nodes
// description: Every relationship that starts at one of the nodes and ends at a node that is not a document; /paths takes these steps, and those of steps_in, one breadth-first level at a time.
// param: ids list ["hospital:benh-vien-bach-mai"] -- ids of the nodes to step from (comma-separated on the command line)
// example: | node | next | type |
// example: | hospital:benh-vien-bach-mai | province:ha-noi | LOCATED_IN |
MATCH (n)-[r]->(m) WHERE n.id IN $ids AND NOT m:Document
RETURN n.id AS node, m.id AS next, type(r) AS type
