// name: document_search
// title: Documents by title words, date range and source, a page at a time
// description: The documents the graph was read from that match every filter given, newest first, with how many match in all. The read behind GET /documents.
// param: q string? "bạch mai" -- part of the title, in lower case
// param: date_from string? "2023" -- earliest date: YYYY, YYYY-MM or YYYY-MM-DD
// param: date_to string? "2026-12" -- latest date: YYYY, YYYY-MM (all of that month) or YYYY-MM-DD
// param: source string? "báo" -- part of the source (a site or a file name), in lower case
// param: offset int 0 -- matches to skip
// param: limit int 50 -- most documents on the page
// example: | total | items |
// example: | 2 | [{id: "document:…", title: "… Bạch Mai …", date: "2024-03-14", source: "Báo Sức khỏe (bản tin địa phương)"}, …] |
CALL {
  MATCH (d:Document)
  WHERE ($q IS NULL OR toLower(d.title) CONTAINS $q)
    AND ($date_from IS NULL OR d.date >= $date_from)
    AND ($date_to IS NULL OR substring(d.date, 0, size($date_to)) <= $date_to)
    AND ($source IS NULL OR toLower(d.source) CONTAINS $source)
  RETURN count(d) AS total
}
CALL {
  MATCH (d:Document)
  WHERE ($q IS NULL OR toLower(d.title) CONTAINS $q)
    AND ($date_from IS NULL OR d.date >= $date_from)
    AND ($date_to IS NULL OR substring(d.date, 0, size($date_to)) <= $date_to)
    AND ($source IS NULL OR toLower(d.source) CONTAINS $source)
  WITH d ORDER BY d.date DESC, d.id SKIP $offset LIMIT $limit
  RETURN collect({id: d.id, title: d.title, date: d.date, source: d.source}) AS items
}
RETURN total, items
