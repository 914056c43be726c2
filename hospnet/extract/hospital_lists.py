"""Hospitals named once for a whole list of places: "các Bệnh viện Đa khoa huyện: A, B và C" and
"BV đa khoa các tỉnh: A, B và C" give one hospital per place."""

from __future__ import annotations

import re
from collections.abc import Callable

from hospnet.extract.hospital_names import hospital_mention
from hospnet.extract.hospital_patterns import (
    BV,
    DISTRICT_WORD,
    LIST_ITEM,
    LIST_SEP,
    NOT_A_NAME_WORD,
)
from hospnet.extract.lexicon import read_place
from hospnet.extract.mentions import Mention

# How a whole sentence's hospitals are read (hospitals.find_hospitals), for a list item read alone.
Reader = Callable[[str, int], list[Mention]]


def district_list_items(
    text: str, pos: int, base: int, hint: str | None, head: str, head_start: int
) -> list[Mention]:
    """The districts of "các Bệnh viện Đa khoa huyện: A, B, thành phố C và ..." as one hospital each."""
    out: list[Mention] = []
    is_centre = "Trung tâm" in head or "TTYT" in head
    while True:
        item = LIST_ITEM.match(text, pos)
        if not item or re.match(rf"{BV}|Trung tâm|TTYT", item.group("place")):
            break
        place = read_place(item.group("place"), hint, prefer="district")
        if place is None:
            break
        if place.kind == "province":
            place = read_place(item.group("place"), hint, prefer="district") or place
        end = item.start("place") + place.length
        word = (item.group("lw") or "").lower()
        word = "thành phố" if word.startswith(("tp", "thành")) else word
        if not word:
            word = DISTRICT_WORD.get(place.district.kind, "huyện") if place.district else "huyện"
            word = "huyện" if word == "thành phố" and not item.group("lw") else word
        head_name = "Trung tâm Y tế" if is_centre else "Bệnh viện Đa khoa"
        item_mention = hospital_mention(
            f"{head_name} {word} {place.name}",
            "district",
            base + item.start("place"),
            base + end,
            text[item.start("place") : end],
            place,
            province=hint,
        )
        next_pos = _add_item(out, item_mention, text, end, base + head_start)
        if next_pos is None:
            break
        pos = next_pos
    return out


def _add_item(
    out: list[Mention], item: Mention, text: str, end: int, head_start: int
) -> int | None:
    """Keep a list item (the first one remembers where the shared head began); where the next
    item starts, or None when no separator follows."""
    item.props["list_item"] = True
    if not out:
        item.props["head_start"] = head_start
    out.append(item)
    sep = LIST_SEP.match(text, end)
    return sep.end() if sep else None


def province_list_items(
    text: str, pos: int, base: int, head_start: int, read: Reader
) -> list[Mention]:
    """The provinces of "BV đa khoa các tỉnh: A, B và C", each read as "Bệnh viện Đa khoa tỉnh A" would be."""
    out: list[Mention] = []
    while True:
        item = LIST_ITEM.match(text, pos)
        place = read_place(item.group("place"), None, prefer="province") if item else None
        if item is None or place is None or place.kind != "province":
            break
        start, end = item.start("place"), item.start("place") + place.length
        found = [
            h
            for h in read(f"Bệnh viện Đa khoa tỉnh {text[start:end]}", 0)
            if h.props.get("level") == "provincial"
        ]
        if not found:
            break
        mention = found[0]
        mention.start, mention.end, mention.surface = base + start, base + end, text[start:end]
        next_pos = _add_item(out, mention, text, end, base + head_start)
        if next_pos is None:
            break
        pos = next_pos
    return out


# One item of a list of hospitals by their own names: up to the next separator.
_NAMED_ITEM = re.compile(
    r"(?:[^,;()\n.]|\.(?=\S))+?(?=[ ]*(?:,|;|\(|\.(?:\s|$)|[ ]và[ ]|[ ]and[ ]|$))"
)
_HEAD = "Bệnh viện "


def named_list_items(
    text: str, pos: int, base: int, head_start: int, read: Reader
) -> list[Mention]:
    """The items of "các bệnh viện Bạch Mai, Việt Đức, K và Nhi Trung ương", each read as "Bệnh viện X"
    would be. An item the gazetteer knows is taken; another only when it is a name throughout that starts
    with a name word ("Quân y 121", not "tuyến trên", "Trung ương", a place or "Ký kết hợp tác")."""
    out: list[Mention] = []
    while True:
        item = _NAMED_ITEM.match(text, pos)
        if item is None or not item.group(0)[:1].isupper():
            break
        words = item.group(0).split()
        found = [h for h in read(_HEAD + item.group(0), 0) if h.start == 0 and h.name]
        if not found:
            break
        mention = found[0]
        own = found[0].priority == 3 or (
            words[0].lower() not in NOT_A_NAME_WORD
            and read_place(item.group(0)) is None
            and mention.end - len(_HEAD)
            >= len(item.group(0).rstrip())  # the whole item is the name
        )
        if not own:
            break
        end = item.start() + mention.end - len(_HEAD)
        mention.start, mention.end, mention.surface = (
            base + item.start(),
            base + end,
            text[item.start() : end],
        )
        mention.priority = max(mention.priority, 2)
        next_pos = _add_item(out, mention, text, end, base + head_start)
        if next_pos is None:
            break
        pos = next_pos
    return out
