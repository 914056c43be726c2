// name: technique_search
// title: Techniques by name, a page at a time
// description: Techniques by name, with how many hospitals perform them (HAS_TECHNIQUE) and how many transfers of each there were, and how many match in all. The read behind GET /techniques.
// param: q search? "noi soi" -- part of the name, with or without diacritics
// param: offset int 0 -- matches to skip
// param: limit int 50 -- most techniques on the page
// example: | total | items |
// example: | 5 | [{id: "technique:…", name: "nội soi …", specialty: "…", hospitals: 2, transfers: 1}, …] |
CALL {
  MATCH (t:Technique)
  WHERE $q IS NULL OR t.search CONTAINS $q
  RETURN count(t) AS total
}
CALL {
  MATCH (t:Technique)
  WHERE $q IS NULL OR t.search CONTAINS $q
  WITH t ORDER BY t.name, t.id SKIP $offset LIMIT $limit
  CALL {
    WITH t
    OPTIONAL MATCH (h:Hospital)-[:HAS_TECHNIQUE]->(t)
    RETURN count(DISTINCT h) AS hospitals
  }
  CALL {
    WITH t
    OPTIONAL MATCH ()-[x:TRANSFERS]->()
    WHERE x.technique = t.id
    RETURN count(x) AS transfers
  }
  RETURN collect({id: t.id, name: coalesce(t.name, t.id), specialty: t.specialty,
                  hospitals: hospitals, transfers: transfers}) AS items
}
RETURN total, items
