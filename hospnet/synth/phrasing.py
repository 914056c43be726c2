"""News-style Vietnamese sentences about the network, each recording exactly the facts it states.

A `Draft` hands out mentions of hospitals, people and techniques and records the node behind
each; a story function writes a few paragraphs and records the relationships its sentences state.
Varied on purpose: several templates per relation, abbreviations (BVĐK, BV, TTYT, TW), pre-2025
province names, old-style tone marks, lists of techniques in one sentence.
"""

from __future__ import annotations

import random
import re

from ..places import Province2025
from ..names import make_id
from .network import Hospital, Link, Network, Person, Technique
from .truth import Facts

PROGRAM_1816 = make_id("Program", "Đề án 1816")
MINISTRY = make_id("Organization", "Bộ Y tế")

# New-style tone marks back to the old style some outlets still print ("Hòa" -> "Hoà").
_NEW_TO_OLD = {
    "òa": "oà",
    "óa": "oá",
    "ỏa": "oả",
    "õa": "oã",
    "ọa": "oạ",
    "òe": "oè",
    "óe": "oé",
    "ỏe": "oẻ",
    "õe": "oẽ",
    "ọe": "oẹ",
    "ùy": "uỳ",
    "úy": "uý",
    "ủy": "uỷ",
    "ũy": "uỹ",
    "ụy": "uỵ",
}
_NEW_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(_NEW_TO_OLD) + r")(?![a-zà-ỹ])")


def old_tone_marks(text: str) -> str:
    """>>> old_tone_marks("Khánh Hòa, Cẩm Thủy, hoàng, quý")
    'Khánh Hoà, Cẩm Thuỷ, hoàng, quý'
    """
    return _NEW_TONE_RE.sub(lambda m: _NEW_TO_OLD[m.group(1)], text)


def join(items: list[str]) -> str:
    """Vietnamese list: "A, B và C"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " và " + items[-1]


def vn_date(iso: str, rng: random.Random, year: bool = True) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    if not year:
        return f"{d}/{m}"
    return rng.choice((f"{d}/{m}/{y}", f"{d:02d}/{m:02d}/{y}", f"{d}-{m}-{y}"))


class Draft:
    """One document being written: its mentions, sentences and the facts they state."""

    def __init__(self, rng: random.Random, net: Network) -> None:
        self.rng = rng
        self.net = net
        self.facts = Facts()
        self._named: set[str] = set()

    # --- mentions ---------------------------------------------------------------------------
    def hospital(self, h: Hospital) -> str:
        """The first mention is a full (perhaps abbreviated) name; later ones are short."""
        first = h.id not in self._named
        self._named.add(h.id)
        self._record_hospital(h)
        if h.level == "central":
            return self._central(h, first)
        if h.level == "provincial":
            return self._provincial(h.province, first)
        return self._district(h, first)

    def headline(self, h: Hospital) -> str:
        """A title's name: short, no place; the body still names the hospital in full first."""
        self._record_hospital(h)
        if h.level == "central":
            return self._central(h, first=False)
        if h.level == "provincial":
            return self._provincial(h.province, first=False)
        return self.rng.choice(
            (f"TTYT huyện {h.district}", f"TTYT {h.district}")
            if h.name.startswith("Trung tâm")
            else (f"BVĐK huyện {h.district}", f"BVĐK {h.district}")
        )

    def _record_hospital(self, h: Hospital) -> None:
        province = self.province_node(h.province)
        self.facts.node(
            "Hospital",
            h.id,
            name=h.name,
            level=h.level,
            province=h.province.name,
            legacy_province=h.legacy_province,
            specialties=list(h.specialties) or None,
        )
        self.facts.relationship("LOCATED_IN", h.id, province)

    def province_node(self, p: Province2025) -> str:
        return self.facts.node(
            "Province",
            make_id("Province", p.name),
            code=p.code,
            name=p.name,
            legacy_names=list(p.legacy_names),
            lat=p.lat,
            lon=p.lon,
        )

    def _central(self, h: Hospital, first: bool) -> str:
        r = self.rng.random()
        if not h.name.startswith("Bệnh viện "):
            return h.name
        rest = h.name.removeprefix("Bệnh viện ")
        if h.short and (r < 0.15 or (not first and r < 0.5)):
            return h.short
        if r < (0.65 if first else 0.3):
            return h.name
        rest = rest.replace("Trung ương", "TW") if self.rng.random() < 0.5 else rest
        return "BV " + rest

    def _provincial(self, p: Province2025, first: bool) -> str:
        r = self.rng.random()
        if p.is_city:
            city = p.name.removeprefix("Thành phố ")
            if p.name == "Thành phố Hồ Chí Minh":
                forms = (
                    "Bệnh viện Đa khoa Thành phố Hồ Chí Minh",
                    "BVĐK TP.HCM",
                    "BVĐK TP. Hồ Chí Minh",
                )
            else:
                forms = (
                    f"Bệnh viện Đa khoa thành phố {city}",
                    f"BVĐK TP. {city}",
                    f"BVĐK thành phố {city}",
                )
            return forms[0] if first and r < 0.6 else self.rng.choice(forms)
        if first and r < 0.55:
            return f"Bệnh viện Đa khoa tỉnh {p.name}"
        return self.rng.choice(
            (
                f"BVĐK tỉnh {p.name}",
                f"BVĐK {p.name}",
                f"Bệnh viện Đa khoa {p.name}",
                f"BVĐK tỉnh {p.name}",
            )
        )

    def _district(self, h: Hospital, first: bool) -> str:
        r = self.rng.random()
        name = h.district or ""
        if h.name.startswith("Trung tâm"):
            forms = (h.name, f"TTYT huyện {name}", f"TTYT {name}", f"Trung tâm Y tế {name}")
        else:
            forms = (h.name, f"BVĐK huyện {name}", f"BVĐK {name}", f"Bệnh viện Đa khoa {name}")
        text = forms[0] if first and r < 0.5 else self.rng.choice(forms[:3] if first else forms)
        if first and self.rng.random() < 0.6:
            text += self._place_suffix(h)
        return text

    def _place_suffix(self, h: Hospital) -> str:
        legacy = (
            h.legacy_province if h.legacy_province and self.rng.random() < 0.7 else h.province.name
        )
        kind = (
            "thành phố"
            if legacy in ("Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")
            else "tỉnh"
        )
        if legacy == "Thành phố Hồ Chí Minh":
            return " (TP.HCM)"
        return self.rng.choice((f" ({kind} {legacy})", f" ({legacy})"))

    def person(
        self, p: Person, *, as_of: str, hospital_text: str | None = None, inverted: bool = True
    ) -> str:
        """'TS.BS Nguyễn Văn An, Giám đốc <hospital>': states the position, so records it.

        The inverted form ('Giám đốc <hospital>, TS.BS Nguyễn Văn An') only where it stands alone,
        not inside a list of people, where it would be ambiguous."""
        self.facts.node("Person", p.id, name=p.name, titles=p.title_tokens)
        self.facts.relationship("HOLDS_POSITION", p.id, p.hospital, title=p.position, as_of=as_of)
        where = hospital_text or self.hospital(self.net.by_id[p.hospital])
        if not inverted or self.rng.random() < 0.7:
            return f"{p.titles} {p.name}, {p.position} {where}"
        return f"{p.position} {where}, {p.titles} {p.name}"

    def techniques(self, techniques: tuple[Technique, ...] | list[Technique]) -> str:
        for t in techniques:
            self.facts.node("Technique", t.id, name=t.name, specialty=t.specialty)
        names = [t.name for t in techniques]
        if len(names) == 1:
            return f"kỹ thuật {names[0]}"
        r = self.rng.random()
        if r < 0.4:
            return f"các kỹ thuật {join(names)}"
        if r < 0.7:
            return f"{len(names):02d} kỹ thuật: {', '.join(names)}"
        return f"{len(names)} kỹ thuật gồm {join(names)}"

    def program_1816(self, by_ministry: bool) -> str:
        self.facts.node("Program", PROGRAM_1816, name="Đề án 1816", code="1816")
        if by_ministry:
            self.facts.node("Organization", MINISTRY, name="Bộ Y tế", kind="ministry")
            self.facts.relationship("ISSUED_BY", PROGRAM_1816, MINISTRY)
            return "Đề án 1816 của Bộ Y tế"
        return "Đề án 1816"

    # --- facts ------------------------------------------------------------------------------
    def supports(
        self,
        link: Link | tuple[Hospital, Hospital],
        *kinds: str,
        program: bool = False,
        since: str | None = None,
    ) -> None:
        s, r = (link.supporter, link.receiver) if isinstance(link, Link) else link
        self.facts.relationship(
            "SUPPORTS",
            s.id,
            r.id,
            kinds=sorted(kinds) or None,
            program="Đề án 1816" if program else None,
            since=since,
        )

    def transfers(
        self, link: Link, techniques: tuple[Technique, ...], status: str, date: str
    ) -> None:
        s, r = link.supporter, link.receiver
        for t in techniques:
            self.facts.relationship(
                "TRANSFERS", s.id, r.id, technique=t.id, status=status, date=date
            )
            if status != "planned":
                self.facts.relationship("HAS_TECHNIQUE", r.id, t.id, acquired_from=s.id, since=date)
        self.supports(link, "technique_transfer")
