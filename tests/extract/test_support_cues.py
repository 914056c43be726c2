"""Support cues that turn a fact around or cancel it (the team's own sentences)."""

from __future__ import annotations

from hospnet.extract import extract
from hospnet.model import Document


def _supports(text: str) -> set[tuple[str, str]]:
    x = extract(Document(id="doc", text=text, title="", source="test"))
    names = {n.id: n.properties.get("name") for n in x.nodes}
    return {(names[r.start], names[r.end]) for r in x.relationships if r.type == "SUPPORTS"}


def test_a_team_sent_to_observe_is_not_support_to_where_it_goes():
    found = _supports(
        "Bệnh viện Đa khoa tỉnh Sóc Trăng sẽ cử ê-kíp ra Hà Nội tham gia quan sát ca mổ."
    )
    assert not found


def test_a_team_sent_to_support_still_is():
    found = _supports("Bệnh viện Bạch Mai sẽ cử ê-kíp lên Sơn La hỗ trợ cấp cứu người bệnh.")
    assert ("Bệnh viện Bạch Mai", "Sơn La") in found
