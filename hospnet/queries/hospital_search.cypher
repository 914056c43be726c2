// name: hospital_search
// title: Hospitals by name, province and level, a page at a time
// description: The hospitals that match every filter given (part of the name or an alias, without diacritics; a 2025 or pre-2025 province; a level), by name, with how many match in all. The read behind GET /hospitals.
// param: q search? "bach mai" -- part of the name or an alias; left out, every hospital
// param: province string? "Hà Nội" -- the 2025 or pre-2025 province name
// param: level string? "central" -- central, provincial, district, private or other
// param: offset int 0 -- matches to skip
// param: limit int 50 -- most hospitals on the page
// example: | total | items |
// example: | 1 | [{id: "hospital:benh-vien-bach-mai", name: "Bệnh viện Bạch Mai", level: "central", province: "Hà Nội", …}] |
CALL {
  MATCH (h:Hospital)
  WHERE ($q IS NULL OR h.search CONTAINS $q)
    AND ($province IS NULL OR h.province = $province OR h.legacy_province = $province)
    AND ($level IS NULL OR h.level = $level)
  RETURN count(h) AS total
}
CALL {
  MATCH (h:Hospital)
  WHERE ($q IS NULL OR h.search CONTAINS $q)
    AND ($province IS NULL OR h.province = $province OR h.legacy_province = $province)
    AND ($level IS NULL OR h.level = $level)
  WITH h ORDER BY h.name, h.id SKIP $offset LIMIT $limit
  RETURN collect({id: h.id, name: h.name, level: h.level, province: h.province,
                  legacy_province: h.legacy_province, aliases: h.aliases}) AS items
}
RETURN total, items
