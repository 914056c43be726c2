"""A small, hand-made support network whose answers are known by construction.

The query, analysis and report tests all read this graph, and write their expected rows out
literally against the facts below (made up for the tests, not read from any article):

Provinces (Province nodes; coordinates of the 2025 list):
  Hà Nội (01), Cao Bằng (04), Điện Biên (11), Thái Nguyên (19), Lạng Sơn (20),
  Bắc Ninh (24), Thanh Hóa (38), Thành phố Hồ Chí Minh (79), Tây Ninh (80).
  The other 25 provinces of 2025 have no node and no hospital.

Hospitals (level, province[, legacy province]):
  Bệnh viện Bạch Mai       central     Hà Nội            specialties nội khoa, hô hấp
  Bệnh viện E              central     Hà Nội            specialties tim mạch, thận
  Bệnh viện Chợ Rẫy        central     Thành phố Hồ Chí Minh
  BVĐK tỉnh Thanh Hóa      provincial  Thanh Hóa
  BVĐK huyện Hậu Lộc       district    Thanh Hóa
  BVĐK tỉnh Bắc Kạn        provincial  Thái Nguyên (legacy Bắc Kạn)
  TTYT huyện Chợ Mới       district    Thái Nguyên (legacy Bắc Kạn)
  BVĐK tỉnh Tây Ninh       provincial  Tây Ninh
  BVĐK tỉnh Điện Biên      provincial  Điện Biên
  TTYT huyện Mường Ảng     district    Điện Biên
  BVĐK tỉnh Lạng Sơn       provincial  Lạng Sơn
  BVĐK tỉnh Cao Bằng       provincial  Cao Bằng

Support (SUPPORTS, with kinds):
  Bạch Mai    -> BVĐK Thanh Hóa      training, technique_transfer (program 1816, since 2019)  doc A
  E           -> BVĐK Thanh Hóa      technique_transfer                                        doc B
  BVĐK Thanh Hóa -> BVĐK Hậu Lộc     training, consultation, technique_transfer                doc A
  Bạch Mai    -> BVĐK Bắc Kạn        consultation                                              doc C
  BVĐK Bắc Kạn -> TTYT Chợ Mới       training                                                  doc C
  Chợ Rẫy     -> BVĐK Tây Ninh       technique_transfer                                        doc B
  Bạch Mai    -> Province Bắc Ninh   epidemic_response                                         doc C
  BVĐK Lạng Sơn -> BVĐK Cao Bằng     training                                                  doc C
Transfers (TRANSFERS technique, status, date):
  E -> BVĐK Thanh Hóa               lọc màng bụng (thận)                 planned      2025-11-21  doc B
  BVĐK Thanh Hóa -> BVĐK Hậu Lộc    nội soi phế quản ống mềm (hô hấp)     done         2023-05-10  doc A
  Chợ Rẫy -> BVĐK Tây Ninh          can thiệp mạch vành (tim mạch)        done         2024-03-15  doc B
  Chợ Rẫy -> BVĐK Tây Ninh          lọc màng bụng (thận)                  in_progress  2024-09-01  doc B
HAS_TECHNIQUE: Bạch Mai and BVĐK Thanh Hóa: nội soi phế quản ống mềm; E: lọc màng bụng;
  Chợ Rẫy: can thiệp mạch vành.
Referrals (REFERS_TO): Hậu Lộc -> BVĐK Thanh Hóa; Mường Ảng -> BVĐK Điện Biên.
Agreement: "Hợp đồng hỗ trợ chuyên môn 2022" (support_contract, 2022-03-01) with parties
  BVĐK Thanh Hóa (supporter) and BVĐK Hậu Lộc (supported), UNDER Đề án 1816 (ISSUED_BY Bộ Y tế),
  SIGNED_BY Nguyễn Minh Tuấn on behalf of BVĐK Thanh Hóa, who HOLDS_POSITION Giám đốc there.
Documents: A (2023-05-12, vi), B (2025-11-21, vi), C (2021-08-02, en).
"""

from __future__ import annotations

from hospnet.places import all_provinces
from hospnet.graph.base import GraphStore
from hospnet.graph.writer import BatchWriter
from hospnet.model import Node, Relationship
from hospnet.names import make_id, search_key

DOC_A = "document:fixture-a"
DOC_B = "document:fixture-b"
DOC_C = "document:fixture-c"

PROVINCES = (
    "Hà Nội",
    "Cao Bằng",
    "Điện Biên",
    "Thái Nguyên",
    "Lạng Sơn",
    "Bắc Ninh",
    "Thanh Hóa",
    "Thành phố Hồ Chí Minh",
    "Tây Ninh",
)

BACH_MAI = make_id("Hospital", "Bệnh viện Bạch Mai")
E = make_id("Hospital", "Bệnh viện E")
CHO_RAY = make_id("Hospital", "Bệnh viện Chợ Rẫy")
THANH_HOA = make_id("Hospital", "Bệnh viện Đa khoa tỉnh Thanh Hóa")
HAU_LOC = make_id("Hospital", "Bệnh viện Đa khoa huyện Hậu Lộc")
BAC_KAN = make_id("Hospital", "Bệnh viện Đa khoa tỉnh Bắc Kạn")
CHO_MOI = make_id("Hospital", "Trung tâm Y tế huyện Chợ Mới")
TAY_NINH = make_id("Hospital", "Bệnh viện Đa khoa tỉnh Tây Ninh")
DIEN_BIEN = make_id("Hospital", "Bệnh viện Đa khoa tỉnh Điện Biên")
MUONG_ANG = make_id("Hospital", "Trung tâm Y tế huyện Mường Ảng")
LANG_SON = make_id("Hospital", "Bệnh viện Đa khoa tỉnh Lạng Sơn")
CAO_BANG = make_id("Hospital", "Bệnh viện Đa khoa tỉnh Cao Bằng")

LOC_MANG_BUNG = make_id("Technique", "lọc màng bụng")
NOI_SOI = make_id("Technique", "nội soi phế quản ống mềm")
MACH_VANH = make_id("Technique", "can thiệp mạch vành")

PROGRAM_1816 = make_id("Program", "Đề án 1816")
BO_Y_TE = make_id("Organization", "Bộ Y tế")
AGREEMENT = "agreement:thanh-hoa-hau-loc-2022"
TUAN = make_id("Person", "Nguyễn Minh Tuấn")


def province_id(name: str) -> str:
    return make_id("Province", name)


def _province_nodes() -> list[Node]:
    wanted = {p.name: p for p in all_provinces()}
    nodes = []
    for name in PROVINCES:
        p = wanted[name]
        nodes.append(
            Node(
                label="Province",
                id=province_id(name),
                properties={
                    "code": p.code,
                    "name": p.name,
                    "legacy_names": list(p.legacy_names),
                    "lat": p.lat,
                    "lon": p.lon,
                    "search": search_key(p.name, *p.legacy_names),
                },
            )
        )
    return nodes


def _hospital(
    name: str,
    level: str,
    province: str,
    legacy: str | None = None,
    specialties: tuple = (),
    aliases: tuple = (),
) -> Node:
    props = {
        "name": name,
        "level": level,
        "province": province,
        "aliases": list(aliases),
        "specialties": list(specialties),
        "search": search_key(name, *aliases),
    }
    if legacy:
        props["legacy_province"] = legacy
    return Node(label="Hospital", id=make_id("Hospital", name), properties=props)


def hospital_nodes(extra: tuple[Node, ...] = ()) -> list[Node]:
    return [
        _hospital(
            "Bệnh viện Bạch Mai",
            "central",
            "Hà Nội",
            specialties=("nội khoa", "hô hấp"),
            aliases=("BV Bạch Mai",),
        ),
        _hospital("Bệnh viện E", "central", "Hà Nội", specialties=("tim mạch", "thận")),
        _hospital("Bệnh viện Chợ Rẫy", "central", "Thành phố Hồ Chí Minh"),
        _hospital(
            "Bệnh viện Đa khoa tỉnh Thanh Hóa",
            "provincial",
            "Thanh Hóa",
            aliases=("BVĐK Thanh Hóa",),
        ),
        _hospital("Bệnh viện Đa khoa huyện Hậu Lộc", "district", "Thanh Hóa"),
        _hospital("Bệnh viện Đa khoa tỉnh Bắc Kạn", "provincial", "Thái Nguyên", legacy="Bắc Kạn"),
        _hospital("Trung tâm Y tế huyện Chợ Mới", "district", "Thái Nguyên", legacy="Bắc Kạn"),
        _hospital("Bệnh viện Đa khoa tỉnh Tây Ninh", "provincial", "Tây Ninh"),
        _hospital("Bệnh viện Đa khoa tỉnh Điện Biên", "provincial", "Điện Biên"),
        _hospital("Trung tâm Y tế huyện Mường Ảng", "district", "Điện Biên"),
        _hospital("Bệnh viện Đa khoa tỉnh Lạng Sơn", "provincial", "Lạng Sơn"),
        _hospital("Bệnh viện Đa khoa tỉnh Cao Bằng", "provincial", "Cao Bằng"),
        *extra,
    ]


def _rel(
    type_: str,
    a: str,
    start_label: str,
    b: str,
    end_label: str,
    source: str | None,
    evidence: str | None = None,
    **props,
) -> Relationship:
    properties = dict(props)
    if source:
        properties["sources"] = [source]
    if evidence:
        properties["evidence"] = evidence
    return Relationship(
        type=type_,
        start=a,
        start_label=start_label,
        end=b,
        end_label=end_label,
        properties=properties,
    )


def fixture_records(
    extra_hospitals: tuple[Node, ...] = (),
) -> tuple[list[Node], list[Relationship]]:
    """The nodes and relationships of the fixture graph (extra hospitals get LOCATED_IN their province)."""
    H, P = "Hospital", "Province"
    documents = [
        Node(
            label="Document",
            id=DOC_A,
            properties={
                "title": "Thanh Hóa nhận chuyển giao kỹ thuật",
                "date": "2023-05-12",
                "source": "fixture/a.txt",
                "language": "vi",
            },
        ),
        Node(
            label="Document",
            id=DOC_B,
            properties={
                "title": "Chuyển giao lọc màng bụng",
                "date": "2025-11-21",
                "source": "fixture/b.txt",
                "language": "vi",
            },
        ),
        Node(
            label="Document",
            id=DOC_C,
            properties={
                "title": "Bach Mai supports northern provinces",
                "date": "2021-08-02",
                "source": "https://example.org/c",
                "language": "en",
            },
        ),
    ]
    techniques = [
        Node(
            label="Technique",
            id=LOC_MANG_BUNG,
            properties={
                "name": "lọc màng bụng",
                "specialty": "thận",
                "search": search_key("lọc màng bụng"),
            },
        ),
        Node(
            label="Technique",
            id=NOI_SOI,
            properties={
                "name": "nội soi phế quản ống mềm",
                "specialty": "hô hấp",
                "search": search_key("nội soi phế quản ống mềm"),
            },
        ),
        Node(
            label="Technique",
            id=MACH_VANH,
            properties={
                "name": "can thiệp mạch vành",
                "specialty": "tim mạch",
                "search": search_key("can thiệp mạch vành"),
            },
        ),
    ]
    others = [
        Node(
            label="Program",
            id=PROGRAM_1816,
            properties={
                "name": "Đề án 1816",
                "code": "1816",
                "year": 2008,
                "search": search_key("Đề án 1816", "1816"),
            },
        ),
        Node(
            label="Organization",
            id=BO_Y_TE,
            properties={"name": "Bộ Y tế", "kind": "ministry", "search": search_key("Bộ Y tế")},
        ),
        Node(
            label="Agreement",
            id=AGREEMENT,
            properties={
                "title": "Hợp đồng hỗ trợ chuyên môn 2022",
                "date": "2022-03-01",
                "kind": "support_contract",
                "search": search_key("Hợp đồng hỗ trợ chuyên môn 2022"),
            },
        ),
        Node(
            label="Person",
            id=TUAN,
            properties={
                "name": "Nguyễn Minh Tuấn",
                "titles": ["TS", "BS"],
                "search": search_key("Nguyễn Minh Tuấn"),
            },
        ),
    ]
    hospitals = hospital_nodes(extra_hospitals)
    nodes = _province_nodes() + hospitals + techniques + others + documents

    rels = [
        _rel("LOCATED_IN", h.id, H, province_id(h.properties["province"]), P, None)
        for h in hospitals
    ]
    rels += [
        _rel(
            "SUPPORTS",
            BACH_MAI,
            H,
            THANH_HOA,
            H,
            DOC_A,
            "Bạch Mai đào tạo và chuyển giao kỹ thuật cho Thanh Hóa.",
            kinds=["training", "technique_transfer"],
            program="Đề án 1816",
            since="2019",
        ),
        _rel(
            "SUPPORTS",
            E,
            H,
            THANH_HOA,
            H,
            DOC_B,
            "Bệnh viện E chuyển giao lọc màng bụng cho Thanh Hóa.",
            kinds=["technique_transfer"],
        ),
        _rel(
            "SUPPORTS",
            THANH_HOA,
            H,
            HAU_LOC,
            H,
            DOC_A,
            "Thanh Hóa hỗ trợ Hậu Lộc.",
            kinds=["training", "consultation", "technique_transfer"],
        ),
        _rel(
            "SUPPORTS",
            BACH_MAI,
            H,
            BAC_KAN,
            H,
            DOC_C,
            "Bach Mai consults for Bac Kan.",
            kinds=["consultation"],
        ),
        _rel(
            "SUPPORTS", BAC_KAN, H, CHO_MOI, H, DOC_C, "Bac Kan trains Cho Moi.", kinds=["training"]
        ),
        _rel(
            "SUPPORTS",
            CHO_RAY,
            H,
            TAY_NINH,
            H,
            DOC_B,
            "Chợ Rẫy chuyển giao cho Tây Ninh.",
            kinds=["technique_transfer"],
        ),
        _rel(
            "SUPPORTS",
            BACH_MAI,
            H,
            province_id("Bắc Ninh"),
            P,
            DOC_C,
            "Bach Mai sent a team to Bac Giang.",
            kinds=["epidemic_response"],
        ),
        _rel(
            "SUPPORTS",
            LANG_SON,
            H,
            CAO_BANG,
            H,
            DOC_C,
            "Lang Son trains Cao Bang.",
            kinds=["training"],
        ),
        _rel(
            "TRANSFERS",
            E,
            H,
            THANH_HOA,
            H,
            DOC_B,
            "Bệnh viện E sẽ chuyển giao lọc màng bụng.",
            technique=LOC_MANG_BUNG,
            status="planned",
            date="2025-11-21",
        ),
        _rel(
            "TRANSFERS",
            THANH_HOA,
            H,
            HAU_LOC,
            H,
            DOC_A,
            "Hậu Lộc nhận nội soi phế quản.",
            technique=NOI_SOI,
            status="done",
            date="2023-05-10",
        ),
        _rel(
            "TRANSFERS",
            CHO_RAY,
            H,
            TAY_NINH,
            H,
            DOC_B,
            "Tây Ninh nhận can thiệp mạch vành.",
            technique=MACH_VANH,
            status="done",
            date="2024-03-15",
        ),
        _rel(
            "TRANSFERS",
            CHO_RAY,
            H,
            TAY_NINH,
            H,
            DOC_B,
            "Tây Ninh đang nhận lọc màng bụng.",
            technique=LOC_MANG_BUNG,
            status="in_progress",
            date="2024-09-01",
        ),
        _rel("HAS_TECHNIQUE", BACH_MAI, H, NOI_SOI, "Technique", DOC_A),
        _rel("HAS_TECHNIQUE", THANH_HOA, H, NOI_SOI, "Technique", DOC_A, since="2021"),
        _rel("HAS_TECHNIQUE", E, H, LOC_MANG_BUNG, "Technique", DOC_B),
        _rel("HAS_TECHNIQUE", CHO_RAY, H, MACH_VANH, "Technique", DOC_B),
        _rel("REFERS_TO", HAU_LOC, H, THANH_HOA, H, DOC_A, "Hậu Lộc chuyển tuyến lên Thanh Hóa."),
        _rel(
            "REFERS_TO",
            MUONG_ANG,
            H,
            DIEN_BIEN,
            H,
            DOC_C,
            "Muong Ang refers patients to Dien Bien.",
        ),
        _rel("PARTY_TO", THANH_HOA, H, AGREEMENT, "Agreement", DOC_A, role="supporter"),
        _rel("PARTY_TO", HAU_LOC, H, AGREEMENT, "Agreement", DOC_A, role="supported"),
        _rel("UNDER", AGREEMENT, "Agreement", PROGRAM_1816, "Program", DOC_A),
        _rel("ISSUED_BY", PROGRAM_1816, "Program", BO_Y_TE, "Organization", DOC_A),
        _rel("SIGNED_BY", AGREEMENT, "Agreement", TUAN, "Person", DOC_A, on_behalf_of=THANH_HOA),
        _rel(
            "HOLDS_POSITION",
            TUAN,
            "Person",
            THANH_HOA,
            H,
            DOC_A,
            "Giám đốc Nguyễn Minh Tuấn.",
            title="Giám đốc",
            as_of="2023-05-12",
        ),
        _rel(
            "MENTIONED_IN",
            BACH_MAI,
            H,
            DOC_A,
            "Document",
            None,
            sentence="Bạch Mai đào tạo và chuyển giao kỹ thuật cho Thanh Hóa.",
            start=0,
            end=8,
        ),
    ]
    return nodes, rels


def write_fixture(store: GraphStore, extra_hospitals: tuple[Node, ...] = ()) -> None:
    """Write the fixture graph into an empty store."""
    nodes, rels = fixture_records(extra_hospitals)
    BatchWriter(store, batch_size=100).write_graph(nodes, rels)
