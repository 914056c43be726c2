"""A realistic national support network to write news about: who supports whom, with what techniques.

Real central hospitals (the bundled gazetteer), one general hospital per 2025 province, and
district hospitals built from the pre-2025 districts of `vietnamadminunits`. The network is a
function of a `random.Random`, so one seed always gives one network.

>>> import random
>>> net = national_network(random.Random(7))
>>> len([h for h in net.hospitals if h.level == "provincial"])
34
>>> net.by_id["hospital:benh-vien-da-khoa-tinh-thanh-hoa"].province.name
'Thanh Hóa'
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ..extract import gazetteers
from ..places import Province2025, all_provinces, districts_by_name
from ..names import fold, make_id

# Named procedures (lower case, SCHEMA "Techniques") by specialty.
TECHNIQUES: dict[str, tuple[str, ...]] = {
    "tim mạch": ("can thiệp động mạch vành", "chụp động mạch vành", "cấy máy tạo nhịp tim",
                 "siêu âm tim qua thực quản", "thăm dò điện sinh lý tim"),
    "thần kinh": ("lấy huyết khối cơ học", "can thiệp mạch máu não", "điều trị tiêu sợi huyết"),
    "ngoại thần kinh": ("phẫu thuật chấn thương sọ não", "phẫu thuật u não", "dẫn lưu não thất"),
    "hô hấp": ("nội soi phế quản ống mềm", "sinh thiết phổi xuyên thành ngực", "thở máy không xâm nhập",
               "đo chức năng hô hấp", "dẫn lưu màng phổi", "nội soi màng phổi"),
    "thận": ("lọc màng bụng", "chạy thận nhân tạo", "ghép thận", "lọc máu liên tục"),
    "tiêu hóa": ("nội soi dạ dày", "nội soi đại tràng", "cắt polyp đại tràng qua nội soi", "mở thông dạ dày qua nội soi",
                 "thắt tĩnh mạch thực quản qua nội soi", "nội soi mật tụy ngược dòng"),
    "ngoại khoa": ("phẫu thuật nội soi cắt túi mật", "phẫu thuật nội soi cắt ruột thừa", "phẫu thuật nội soi cắt đại tràng",
                   "phẫu thuật nội soi khâu lỗ thủng dạ dày", "phẫu thuật nội soi điều trị thoát vị bẹn"),
    "chấn thương chỉnh hình": ("phẫu thuật thay khớp háng", "phẫu thuật thay khớp gối", "phẫu thuật nội soi khớp gối",
                               "phẫu thuật nội soi tái tạo dây chằng chéo trước", "kết hợp xương nẹp vít",
                               "đóng đinh nội tủy"),
    "sản phụ khoa": ("mổ lấy thai", "phẫu thuật nội soi u nang buồng trứng", "phẫu thuật nội soi cắt tử cung",
                     "sàng lọc trước sinh", "giảm đau trong chuyển dạ"),
    "nhi": ("thở CPAP sơ sinh", "bơm surfactant", "chiếu đèn điều trị vàng da sơ sinh", "hồi sức sơ sinh",
            "chăm sóc trẻ sơ sinh bằng phương pháp Kangaroo", "thay máu sơ sinh"),
    "ung bướu": ("hóa trị", "xạ trị", "sinh thiết vú", "phẫu thuật ung thư vú", "phẫu thuật cắt tuyến giáp"),
    "mắt": ("phẫu thuật phaco", "tiêm nội nhãn", "phẫu thuật glôcôm", "điều trị laser võng mạc", "phẫu thuật cắt dịch kính"),
    "nội tiết": ("chọc hút tế bào tuyến giáp bằng kim nhỏ", "đốt sóng cao tần"),
    "hồi sức": ("thay huyết tương", "đặt catheter tĩnh mạch trung tâm", "hạ thân nhiệt chỉ huy", "ECMO",
                "lọc máu hấp phụ"),
    "tiết niệu": ("tán sỏi qua da", "tán sỏi nội soi ngược dòng", "cắt đốt nội soi tuyến tiền liệt"),
    "tai mũi họng": ("phẫu thuật nội soi mũi xoang", "phẫu thuật nội soi cắt amidan"),
    "huyết học": ("ghép tủy", "truyền máu khối lượng lớn"),
    "răng hàm mặt": ("cấy ghép implant nha khoa", "phẫu thuật chỉnh hình xương hàm"),
    "da liễu": ("điều trị sẹo bằng laser", "phẫu thuật cắt bỏ u da"),
    "y học cổ truyền": ("châm cứu", "cấy chỉ", "thủy châm"),
    "phục hồi chức năng": ("phục hồi chức năng sau đột quỵ", "kích thích từ xuyên sọ"),
    "tâm thần": ("điện não đồ",),
    "lão khoa": ("đo mật độ xương",),
}
# What a provincial hospital teaches its districts: the workhorse procedures.
DISTRICT_LEVEL = (
    "phẫu thuật nội soi cắt ruột thừa", "phẫu thuật nội soi cắt túi mật", "nội soi dạ dày", "mổ lấy thai",
    "chạy thận nhân tạo", "điều trị tiêu sợi huyết", "thở CPAP sơ sinh", "kết hợp xương nẹp vít",
    "thở máy không xâm nhập", "chiếu đèn điều trị vàng da sơ sinh", "đo chức năng hô hấp", "nội soi đại tràng",
    "hồi sức sơ sinh",
)
# Central hospitals that are not specialised: they transfer any specialty.
GENERAL = {"", "ngoại khoa"}
# Specialties written by the gazetteer that are broader than ours.
_SPECIALTY_ALIASES = {"ngoại khoa": ("ngoại khoa", "chấn thương chỉnh hình", "tiết niệu", "ngoại thần kinh"),
                      "truyền nhiễm": ("hồi sức",)}

TITLES = ("PGS.TS", "TS.BS", "BSCKII", "ThS.BS", "BSCKI", "GS.TS", "TS", "ThS")
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
            "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lương", "Trịnh", "Mai")
MIDDLE = ("Văn", "Thị", "Minh", "Quang", "Đức", "Thanh", "Hữu", "Ngọc", "Xuân", "Hồng", "Anh", "Công",
          "Mạnh", "Thu", "Kim", "Trọng", "Hải", "Duy", "Tuấn", "Bảo")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Đông", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Hùng",
         "Hưng", "Huy", "Khánh", "Khoa", "Lâm", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga",
         "Nghĩa", "Ngọc", "Nhân", "Phong", "Phúc", "Phương", "Quân", "Sơn", "Tâm", "Tân", "Thắng",
         "Thành", "Thảo", "Thịnh", "Thu", "Thủy", "Tiến", "Toàn", "Trung", "Tú", "Tuấn", "Tùng", "Uyên",
         "Việt", "Vinh", "Vũ", "Yến", "Chiến", "Đạt", "Hậu", "Kiên", "Lực", "Quyết", "Sang", "Trí")


@dataclass(frozen=True)
class Technique:
    name: str
    specialty: str

    @property
    def id(self) -> str:
        return make_id("Technique", self.name)


@dataclass(frozen=True)
class Hospital:
    name: str
    level: str  # central / provincial / district
    province: Province2025
    legacy_province: str | None = None
    district: str | None = None
    short: str = ""  # everyday short name ("Bệnh viện Việt Đức"), empty when none
    specialties: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return make_id("Hospital", self.name)

    @property
    def region(self) -> str:
        return region_of(self.province)


@dataclass(frozen=True)
class Person:
    name: str
    titles: str  # as written before the name ("PGS.TS")
    position: str
    hospital: str  # Hospital id

    @property
    def id(self) -> str:
        return make_id("Person", self.name)

    @property
    def title_tokens(self) -> list[str]:
        return self.titles.split(".")


@dataclass(frozen=True)
class Link:
    """One upper-level hospital supporting one lower-level hospital: the facts stories are told about."""

    supporter: Hospital
    receiver: Hospital
    techniques: tuple[Technique, ...]
    signed: str  # ISO date of the support contract
    program_1816: bool


@dataclass
class Network:
    hospitals: list[Hospital]
    directors: dict[str, Person]  # hospital id -> director
    deputies: dict[str, Person]
    links: list[Link]
    techniques: dict[str, Technique]
    by_id: dict[str, Hospital] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {h.id: h for h in self.hospitals}


def region_of(province: Province2025) -> str:
    """North, centre or south, by latitude: the split central hospitals' support areas follow."""
    if province.lat >= 19.5:
        return "north"
    return "centre" if province.lat >= 11.5 else "south"


def provincial_name(province: Province2025) -> str:
    """`Bệnh viện Đa khoa tỉnh X`; a centrally-run city's is `… thành phố X` (SCHEMA keeps the level word).

    Where the gazetteer knows the general hospital by another official name, that name.
    """
    official = {f"Bệnh viện Đa khoa tỉnh {province.name}", f"Bệnh viện Đa khoa {province.name}"}
    for entry in gazetteers.hospitals():
        if entry.level == "provincial" and entry.province == province.name and entry.name in official:
            return entry.name
    if province.is_city:
        return "Bệnh viện Đa khoa thành phố " + province.name.removeprefix("Thành phố ")
    return "Bệnh viện Đa khoa tỉnh " + province.name


def _central_hospitals() -> list[Hospital]:
    """The real central hospitals of the extractor's gazetteer, so names are the official ones."""
    by_name = {p.name: p for p in all_provinces()}
    out = []
    for entry in gazetteers.hospitals():
        if entry.level != "central" or entry.province not in by_name:
            continue
        short = next((a for a in entry.aliases if a.startswith("Bệnh viện ") and " Hospital" not in a), "")
        if entry.specialties and not any(s in TECHNIQUES or s in _SPECIALTY_ALIASES for s in entry.specialties):
            continue
        out.append(Hospital(entry.name, "central", by_name[entry.province], short=short, specialties=entry.specialties))
    return sorted(out, key=lambda h: h.name)


def _district_hospitals(rng: random.Random) -> list[Hospital]:
    """Rural districts whose name is unique in the country and names no province, so a text is unambiguous."""
    province_words = set()
    for p in all_provinces():
        province_words.add(fold(p.name))
        province_words.update(fold(n) for n in p.legacy_names)
    out = []
    for key, districts in sorted(districts_by_name().items()):
        if len(districts) != 1 or districts[0].kind != "Huyện" or key in province_words:
            continue
        d = districts[0]
        # "Kỳ Anh (huyện)": a town of the same name exists; island districts have no hospital.
        if "huyện" in d.name.lower() or "(" in d.name or d.name in ("Hoàng Sa", "Trường Sa"):
            continue
        legacy = d.legacy_province if d.legacy_province != d.province.name else None
        kind = "Trung tâm Y tế huyện " if rng.random() < 0.6 else "Bệnh viện Đa khoa huyện "
        out.append(Hospital(kind + d.name, "district", d.province, legacy_province=legacy, district=d.name))
    return out


def _techniques_of(hospital: Hospital) -> list[str]:
    specialties = [s for s in hospital.specialties if s not in GENERAL]
    if not specialties:
        return sorted({t for group in TECHNIQUES.values() for t in group})
    names: list[str] = []
    for s in hospital.specialties:
        for group in _SPECIALTY_ALIASES.get(s, (s,)):
            names += TECHNIQUES.get(group, ())
    return sorted(set(names))


def _date(rng: random.Random, first: int = 2019, last: int = 2025) -> str:
    return f"{rng.randint(first, last)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _people(rng: random.Random, hospitals: list[Hospital]) -> tuple[dict[str, Person], dict[str, Person]]:
    names = [f"{s} {m} {g}" for s in SURNAMES for m in MIDDLE for g in GIVEN]
    chosen = rng.sample(names, 2 * len(hospitals))
    directors, deputies = {}, {}
    for i, h in enumerate(hospitals):
        directors[h.id] = Person(chosen[2 * i], rng.choice(TITLES[:5]), "Giám đốc", h.id)
        deputies[h.id] = Person(chosen[2 * i + 1], rng.choice(TITLES), "Phó Giám đốc", h.id)
    return directors, deputies


def national_network(rng: random.Random) -> Network:
    """Central -> provincial (by region, or nationwide for specialist hospitals) -> district links."""
    techniques = {name: Technique(name, specialty) for specialty, group in TECHNIQUES.items() for name in group}
    centrals = _central_hospitals()
    provinces = all_provinces()
    provincial = {p.code: Hospital(provincial_name(p), "provincial", p) for p in provinces}
    districts = _district_hospitals(rng)
    hospitals = centrals + [provincial[p.code] for p in provinces] + districts
    links: list[Link] = []

    def link(supporter: Hospital, receiver: Hospital, pool: list[str], k: tuple[int, int]) -> None:
        picked = rng.sample(pool, min(len(pool), rng.randint(*k)))
        links.append(Link(supporter, receiver, tuple(techniques[t] for t in sorted(picked)), _date(rng),
                          rng.random() < 0.35))

    for central in centrals:
        specialist = any(s not in GENERAL for s in central.specialties)
        area = [p for p in provinces if p.code != central.province.code and (specialist or region_of(p) == central.region)]
        for p in sorted(rng.sample(area, min(len(area), rng.randint(4, 9))), key=lambda p: p.code):
            link(central, provincial[p.code], _techniques_of(central), (1, 5))
        own = [d for d in districts if d.region == central.region]
        for d in sorted(rng.sample(own, min(len(own), rng.randint(1, 4))), key=lambda h: h.name):
            link(central, d, _techniques_of(central), (1, 3))
    for d in districts:
        link(provincial[d.province.code], d, list(DISTRICT_LEVEL), (1, 4))
    directors, deputies = _people(rng, hospitals)
    return Network(hospitals, directors, deputies, links, techniques)
