// name: search_names
// title: Name search without diacritics
// description: Hospitals, people, organisations, techniques, programmes and provinces whose name or an alias contains the text, typed with or without diacritics.
// param: q search "bach mai" -- text to find; case and diacritics are ignored
// param: limit int 25 -- most rows
// example: | id | label | name |
// example: | hospital:benh-vien-bach-mai | Hospital | Bệnh viện Bạch Mai |
MATCH (n)
WHERE n.search CONTAINS $q
WITH n, coalesce(n.name, n.title) AS name
RETURN n.id AS id, labels(n)[0] AS label, name
ORDER BY size(name), name
LIMIT $limit
