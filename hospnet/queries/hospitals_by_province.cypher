// name: hospitals_by_province
// title: Hospitals per province
// description: How many hospitals the graph places in each 2025 province, most first. GET /provinces counts with it.
// example: | province | hospitals |
// example: | Hà Nội | 60 |
MATCH (h:Hospital)
WHERE h.province IS NOT NULL
RETURN h.province AS province, count(h) AS hospitals
ORDER BY hospitals DESC, province
