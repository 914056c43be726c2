// name: person_search
// title: People by name, a page at a time
// description: People the documents name, by name, with their titles and the positions they hold (where), and how many match in all. The read behind GET /people.
// param: q search? "le quang hung" -- part of the name, with or without diacritics
// param: offset int 0 -- matches to skip
// param: limit int 50 -- most people on the page
// example: | total | items |
// example: | 1 | [{id: "person:le-quang-hung", name: "Lê Quang Hùng", titles: […], positions: [{title: "giám đốc", at_id: "hospital:…", at: "…"}]}] |
CALL {
  MATCH (p:Person)
  WHERE $q IS NULL OR p.search CONTAINS $q
  RETURN count(p) AS total
}
CALL {
  MATCH (p:Person)
  WHERE $q IS NULL OR p.search CONTAINS $q
  WITH p ORDER BY p.name, p.id SKIP $offset LIMIT $limit
  CALL {
    WITH p
    MATCH (p)-[r:HOLDS_POSITION]->(x)
    WITH r, x ORDER BY r.title, x.id
    RETURN collect({title: r.title, at_id: x.id, at: coalesce(x.name, x.id)}) AS positions
  }
  RETURN collect({id: p.id, name: coalesce(p.name, p.id), titles: p.titles, positions: positions}) AS items
}
RETURN total, items
