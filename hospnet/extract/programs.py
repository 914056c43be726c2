"""Programme mentions: named schemes (Đề án 1816, satellite hospitals) and decisions (5500/QĐ-BYT).

>>> [(m.name, m.props["code"], m.props.get("year")) for m in find_programs("Quyết định 5500/QĐ-BYT, ngày 30-11-2021 và Project 1816", 0)]
[('Quyết định 5500/QĐ-BYT', '5500/QĐ-BYT', 2021), ('Đề án 1816', '1816', 2008)]
"""

from __future__ import annotations

import functools
import re

from hospnet.extract import gazetteers
from hospnet.extract.mentions import Mention, choose

_DECISION = re.compile(
    r"(?<![\w])(?:Quyết định|quyết định|QĐ|Decision|decision)[ ]+(?:số[ ]+|No\.?[ ]*)?"
    r"(?P<num>\d{1,5})/(?:(?P<y1>\d{4})/)?(?:QĐ|QD)-(?P<issuer>BYT|TTg|UBND|BQP)(?![\w])"
)
_DATE_AFTER = re.compile(r"^[ ,]*(?:ngày|dated|on)?[ ]*\d{1,2}[-/.]\d{1,2}[-/.](?P<year>\d{4})")
_YEAR_AFTER = re.compile(r"^[ ,]*(?:năm|of|in)[ ]+(?P<year>(?:19|20)\d{2})")
ISSUERS = {"BYT": "Bộ Y tế", "TTg": "Chính phủ", "BQP": "Bộ Quốc phòng"}


@functools.lru_cache(maxsize=1)
def _named() -> tuple[re.Pattern, dict[str, gazetteers.KnownProgram]]:
    by_form = {p_: p for p in gazetteers.programs() for p_ in p.patterns}
    alternation = "|".join(re.escape(s) for s in sorted(by_form, key=lambda s: (-len(s), s)))
    return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])"), by_form


def find_programs(text: str, base: int) -> list[Mention]:
    """Programmes and decisions named in a sentence starting at document offset `base`."""
    out: list[Mention] = []
    pattern, by_form = _named()
    for m in pattern.finditer(text):
        p = by_form[m.group(0)]
        out.append(
            Mention(
                "Program",
                p.name,
                base + m.start(),
                base + m.end(),
                m.group(0),
                {"code": p.code, "year": p.year, "issuer": p.issuer},
            )
        )
    for m in _DECISION.finditer(text):
        code = (
            f"{m.group('num')}/{m.group('y1') + '/' if m.group('y1') else ''}QĐ-{m.group('issuer')}"
        )
        props: dict = {"code": code}
        after = text[m.end() : m.end() + 40]
        year = m.group("y1") or next(
            (x.group("year") for x in (_DATE_AFTER.match(after), _YEAR_AFTER.match(after)) if x),
            None,
        )
        if year:
            props["year"] = int(year)
        if m.group("issuer") in ISSUERS:
            props["issuer"] = ISSUERS[m.group("issuer")]
        out.append(
            Mention(
                "Program", f"Quyết định {code}", base + m.start(), base + m.end(), m.group(0), props
            )
        )
    return choose(out)
