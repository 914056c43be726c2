// name: agreements_under_program
// title: Agreements under a programme
// description: Signed agreements that implement a programme or decision, with their parties.
// param: program search "ve tinh" -- part of the programme's name or code, without diacritics
// example: | program | agreement | date | kind | parties |
// example: | Đề án 1816 | Hợp đồng hỗ trợ chuyên môn 2022 | 2022-03-01 | support_contract | ["Bệnh viện Đa khoa huyện Hậu Lộc", "Bệnh viện Đa khoa tỉnh Thanh Hóa"] |
MATCH (g:Program)
WHERE g.search CONTAINS $program
MATCH (a:Agreement)-[:UNDER]->(g)
OPTIONAL MATCH (party)-[:PARTY_TO]->(a)
WITH g, a, party
ORDER BY party.name
WITH g, a, collect(party.name) AS parties
RETURN g.name AS program, a.title AS agreement, a.date AS date, a.kind AS kind, parties
ORDER BY date, agreement
