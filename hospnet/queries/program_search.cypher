// name: program_search
// title: Programmes by name or code, a page at a time
// description: Programmes and decisions (Đề án 1816, …) by name, or by their exact code, with how many agreements implement each, and how many match in all. The read behind GET /programs.
// param: q search? "de an 1816" -- part of the name, with or without diacritics
// param: code string? "1816" -- the exact code (matched as well as the name)
// param: offset int 0 -- matches to skip
// param: limit int 50 -- most programmes on the page
// example: | total | items |
// example: | 1 | [{id: "program:…", name: "Đề án 1816", code: "1816", year: 2008, agreements: 3}] |
CALL {
  MATCH (p:Program)
  WHERE $q IS NULL OR p.search CONTAINS $q OR p.code = $code
  RETURN count(p) AS total
}
CALL {
  MATCH (p:Program)
  WHERE $q IS NULL OR p.search CONTAINS $q OR p.code = $code
  WITH p ORDER BY p.name, p.id SKIP $offset LIMIT $limit
  CALL {
    WITH p
    OPTIONAL MATCH (a:Agreement)-[:UNDER]->(p)
    RETURN count(DISTINCT a) AS agreements
  }
  RETURN collect({id: p.id, name: coalesce(p.name, p.id), code: p.code, year: p.year,
                  agreements: agreements}) AS items
}
RETURN total, items
