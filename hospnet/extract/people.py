"""Person mentions with their titles, and the positions they hold.

A person is found by what precedes the name: titles glued to it ("TS.BS", "PGS.TS",
"TTND. BSCKII", "Tiến sĩ, bác sĩ"), an honorific ("ông"), or a position and the
unit it belongs to ("Giám đốc Sở Y tế An Giang Trần Quang Hiền").

>>> [(m.name, m.props["titles"]) for m in find_people("TTND.BSCKII Lê Văn Sỹ và Tiến sĩ, bác sĩ Nguyễn Công Hựu", 0)]
[('Lê Văn Sỹ', ['TTND', 'BSCKII']), ('Nguyễn Công Hựu', ['TS', 'BS'])]
>>> [(m.name, m.props["titles"]) for m in find_people("ông Lê Đức Luận; Assoc. Prof. Dr. Nguyen Van A", 0)]
[('Lê Đức Luận', []), ('Nguyen Van A', ['PGS', 'TS'])]
>>> split_titles("PGS.TS Đào Xuân Cơ")
('Đào Xuân Cơ', ['PGS', 'TS'])
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from hospnet.extract import gazetteers
from hospnet.extract.lexicon import CAP_WORD, UPPER
from hospnet.extract.mentions import Mention
from hospnet.extract.phrases import PhraseMatcher, scan
from hospnet.names import fold
from hospnet.places import match_province


_NOT_NAME_WORDS = {
    "Bệnh",
    "Sở",
    "Hội",
    "UBND",
    "BV",
    "BVĐK",
    "TTYT",
    "Tỉnh",
    "Huyện",
    "Quận",
    "Đảng",
    "Ban",
    "Phòng",
    "Đề",
    "Quyết",
    "Nghị",
    "Chương",
    "Dự",
    "Hospital",
    "Medical",
    "General",
    "Centre",
    "Center",
    "Town",
    "Provincial",
    "District",
    "University",
    "Ministry",
    "Department",
}


# Words that make a capitalised English run a place or a unit, not a person.
_EN_NOT_NAME = frozenset(
    [
        "City",
        "Hospital",
        "Province",
        "Provincial",
        "Center",
        "Centre",
        "Street",
        "District",
        "Committee",
        "University",
        "General",
        "Department",
        "Institute",
        "Ministry",
        "Medical",
        "Health",
        "Town",
        "Ward",
        "Commune",
    ]
)
# English news names a person after the verb that quotes them ("said Pham Dinh Thanh, head of …").
_REPORTING = ("said", "says", "according to", "told", "added")


def _title_forms() -> list[str]:
    """The titles as written, and lower-cased at the start when long ("phó giáo sư")."""
    titles = dict(gazetteers.people().titles)
    titles.update({k[0].lower() + k[1:]: v for k, v in titles.items() if " " in k or len(k) > 4})
    return list(titles)


@functools.lru_cache(maxsize=1)
def _openers() -> dict[str, PhraseMatcher]:
    """The words each reader's match starts with (a title, an honorific, a position or a reporting
    verb, as written): its regex is tried only where the phrase matcher sees one start."""
    people = gazetteers.people()
    opening = {
        "titled": _title_forms(),
        "honored": list(people.honorifics),
        "positioned": [*people.positions, *_REPORTING],
    }
    return {kind: PhraseMatcher(dict.fromkeys(words, True)) for kind, words in opening.items()}


@functools.lru_cache(maxsize=1)
def _regexes() -> dict[str, re.Pattern]:
    people = gazetteers.people()
    titles = _title_forms()
    title_alt = "|".join(re.escape(t) for t in sorted(titles, key=lambda t: (-len(t), t)))
    surnames = set(people.surnames) | {fold(s).title() for s in people.surnames if fold(s)}
    surname_alt = "|".join(re.escape(s) for s in sorted(surnames, key=lambda s: (-len(s), s)))
    # Any capitalised words, not only the surname list (Lao and other foreign names too), but not the words
    # that start a position or name a unit ("TS Nguyễn Văn A Giám đốc …", "ông Sơn La" is no one).
    not_name = "|".join(
        re.escape(w)
        for w in sorted(
            _NOT_NAME_WORDS
            | {p.split()[0] for p in people.positions} - {"Chánh", "Tỉnh", "Thành", "Quyền"},
            key=len,
            reverse=True,
        )
    )
    # "Khoa" ends many names ("Trần Đình Khoa, Trưởng khoa …") but opens a department ("Khoa Nội").
    word = rf"(?!(?:{not_name})(?![\w]))(?!Khoa[ ]+[{UPPER}]){CAP_WORD}(?:-[a-z]+)?"
    name = rf"(?:(?:{surname_alt})|{word})(?:[ ]+{word}){{1,3}}(?![\w])"
    # After a bare position or a reporting verb only a name that starts with a known surname: "Thứ trưởng
    # Đỗ Xuân Tuyên", "said Pham Dinh Thanh", but not "Trưởng khoa Hồi sức Tích cực".
    surnamed = rf"(?:{surname_alt})(?:[ ]+{word}){{1,3}}(?![\w])"
    honor_alt = "|".join(re.escape(h) for h in sorted(people.honorifics, key=len, reverse=True))
    position_alt = "|".join(
        re.escape(p) for p in sorted(people.positions, key=lambda p: (-len(p), p))
    )
    reporting = "(?:" + "|".join(re.escape(w) for w in _REPORTING) + ")"
    return {
        "title": re.compile(rf"(?:{title_alt})(?![\w])"),
        "titled": re.compile(
            rf"(?<![\w])(?P<titles>(?:(?:{title_alt})(?:[ ]*[.,][ ]*|[ ]+)){{1,5}})(?P<name>{name})"
        ),
        "honored": re.compile(rf"(?<![\w])(?:{honor_alt})[ ]+(?P<name>{name})"),
        "positioned": re.compile(
            rf"(?<![\w])(?:(?:{position_alt})|{reporting})[ ]+(?P<name>{surnamed})"
        ),
        "name": re.compile(rf"[ ]+(?P<name>{name})"),
        # English prose writes Vietnamese names bare and without tones: three or four capitalised
        # words from a known surname, not followed by another capitalised word ("Bach Mai Hospital").
        "english": re.compile(
            rf"(?<![\w])(?P<name>(?:{'|'.join(sorted({fold(x).title() for x in people.surnames if fold(x)}, key=len, reverse=True))})(?:[ ]+[A-Z][a-z]+){{2,3}})(?![\w]|[ ]+[A-Z]|'s)"
        ),
        "position": re.compile(rf"(?:{position_alt})(?![\w])"),
    }


def _titles(chain: str) -> list[str]:
    table = gazetteers.people().titles
    lowered = {k.lower(): v for k, v in table.items()}
    out: list[str] = []
    for m in _regexes()["title"].finditer(chain):
        token = table.get(m.group(0)) or lowered.get(m.group(0).lower())
        if token and token not in out:
            out.append(token)
    return out


def split_titles(text: str) -> tuple[str, list[str]]:
    """A titled name split into the bare name and its title tokens."""
    m = _regexes()["titled"].search(text)
    if not m:
        return text.strip(), []
    return m.group("name"), _titles(m.group("titles"))


def find_people(text: str, base: int) -> list[Mention]:
    """Persons introduced by titles, an honorific, a position or a reporting verb, in a sentence
    starting at `base`."""
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    kinds = ["titled", "honored", "positioned"]
    if text.isascii():
        kinds.append("english")  # a sentence in English
    for kind in kinds:
        regex, openers = _regexes()[kind], _openers().get(kind)
        found = scan(regex, text, openers.starts(text)) if openers else regex.finditer(text)
        for m in found:
            if any(m.start("name") < e and m.end("name") > s for s, e in taken):
                continue
            if kind == "english" and (
                set(m.group("name").split()) & _EN_NOT_NAME or match_province(m.group("name"))
            ):
                continue  # "Ho Chi Minh City", "Bach Mai Hospital": a place or a unit
            if match_province(m.group("name")):
                continue  # "ông ... Sơn La", "Đoàn Thừa Thiên Huế": a province, no one's name
            name, start = m.group("name"), m.start("name")
            country = _country_before(name)
            if country is None:
                continue  # "bác sĩ Hàn Quốc": a country's doctors
            name, start = name[country:], start + country
            titles = _titles(m.group("titles")) if kind == "titled" else []
            out.append(
                Mention(
                    "Person",
                    name,
                    base + start,
                    base + m.end("name"),
                    m.group(0),
                    {"titles": titles},
                )
            )
            taken.append((m.start("name"), m.end("name")))
    return sorted(out, key=lambda m: m.start)


def _country_before(name: str) -> int | None:
    """How many characters of a read name are a country before it ("Lào Bounfeng Phoummalaysith": 4);
    None when the whole name is a country ("Hàn Quốc")."""
    countries = gazetteers.people().countries
    if name in countries:
        return None
    for country in countries:
        rest = name[len(country) + 1 :]
        if name.startswith(country + " ") and len(rest.split()) >= 2:
            return len(country) + 1
    return 0


def name_after(text: str, pos: int, base: int) -> Mention | None:
    """A bare person name right at `pos` ("Giám đốc Sở Y tế An Giang| Trần Quang Hiền")."""
    m = _regexes()["name"].match(text, pos)
    country = _country_before(m.group("name")) if m else None
    if not m or country is None:
        return None
    return Mention(
        "Person",
        m.group("name")[country:],
        base + m.start("name") + country,
        base + m.end("name"),
        m.group("name")[country:],
        {"titles": []},
    )


@dataclass(frozen=True)
class Position:
    """A position phrase: its SCHEMA title (with any sub-unit) and where it lies in the sentence."""

    title: str
    start: int
    end: int


_SUB_UNIT = re.compile(
    r"[ ]+(?P<unit>(?:khoa|Khoa|phòng|Phòng|Trung tâm|trung tâm|cơ sở|Cơ sở|Đơn vị|đơn vị|Ban|"
    r"bộ môn|Bộ môn|Viện)[ ][^,;:()–—]+?)(?=[ ]*(?:,|;|:|\(|–|—| - |$))"
)


def position_at(text: str, pos: int, limit: int) -> Position | None:
    """The position phrase starting at `pos` (after separators), with its sub-unit up to `limit`."""
    m = _regexes()["position"].match(text, pos)
    if not m:
        return None
    title = gazetteers.people().positions[m.group(0)]
    end = m.end()
    unit = _SUB_UNIT.match(text[:limit], end)
    if unit and not title.endswith(("khoa", "phòng", "Trung tâm")):
        title = f"{title} {unit.group('unit').strip()}"
        end = unit.end()
    if title.endswith(("khoa", "phòng")) or title == "Trưởng Trung tâm":
        tail = re.match(
            r"[ ]+(?P<unit>[^,;:()–—]+?)(?=[ ]*(?:,|;|:|\(|–|—| - |$))", text[:limit][end:]
        )
        if tail:
            title = f"{title} {tail.group('unit').strip()}"
            end += tail.end()
    return Position(title, pos, end)


def bare_position_at(text: str, pos: int) -> Position | None:
    """The position words alone at `pos` ("Giám đốc| Trung tâm"), no sub-unit read after them."""
    m = _regexes()["position"].match(text, pos)
    return Position(gazetteers.people().positions[m.group(0)], pos, m.end()) if m else None


# "Vice Chairman of the provincial People's Committee": English puts "of" between the post and the unit.
_EN_OF = re.compile(r"[ ]+of[ ]+(?:the[ ]+)?(?:provincial[ ]+|city[ ]+|municipal[ ]+)?")


def position_before(text: str, end: int) -> Position | None:
    """The position phrase that ends right before `end` ("Giám đốc |Sở Y tế An Giang")."""
    head = text[:end].rstrip()
    for m in _regexes()["position"].finditer(head):
        if (
            m.end() == len(head)
            or text[m.end() : end].strip() == ""
            or _EN_OF.fullmatch(text, m.end(), end)
        ):
            return Position(gazetteers.people().positions[m.group(0)], m.start(), m.end())
    return None
