"""A built sample graph with its own ledger, on each store, for the corrections tests."""

from __future__ import annotations

import io

import pytest

from hospnet.build import build
from hospnet.graph.jsonl import export_jsonl

SUPPORTER, RECEIVER = (
    "hospital:benh-vien-noi-tiet-trung-uong",
    "hospital:benh-vien-da-khoa-tinh-ha-nam",
)
KEEP, GONE = (
    "hospital:benh-vien-huu-nghi-da-khoa-nghe-an",
    "hospital:benh-vien-da-khoa-khu-vuc-tay-bac-nghe-an",
)
ADD_FROM, ADD_TO = "hospital:benh-vien-bach-mai", "hospital:benh-vien-da-khoa-tinh-cao-bang"
SET_NODE = "hospital:benh-vien-thong-nhat"


def export(store) -> str:
    out = io.StringIO()
    export_jsonl(store, out)
    return out.getvalue()


@pytest.fixture
def csettings(settings, tmp_path):
    return settings.model_copy(
        update={"corrections_file": tmp_path / "ledger" / "corrections.jsonl", "workers": 1}
    )


@pytest.fixture
def built(store, csettings):
    build(None, store, csettings)
    return store


def make_four(store, ledger_path):
    """The four corrections of the issue: reject one relationship, merge two hospitals, add a fact, set a level."""
    from hospnet.corrections import correct

    return [
        correct(
            store,
            ledger_path,
            "reject",
            {"type": "SUPPORTS", "from": SUPPORTER, "to": RECEIVER},
            "lan",
            "the article says the contract was cancelled",
        )[0],
        correct(
            store,
            ledger_path,
            "merge",
            {"keep": KEEP, "gone": GONE},
            "lan",
            "one hospital, renamed in 2023",
        )[0],
        correct(
            store,
            ledger_path,
            "add",
            {
                "type": "SUPPORTS",
                "from": ADD_FROM,
                "to": ADD_TO,
                "properties": {"kinds": ["training"]},
                "source": {"citation": "Sức khỏe & Đời sống, 2024"},
            },
            "minh",
            "the extractor missed it",
        )[0],
        correct(
            store,
            ledger_path,
            "set",
            {"node": SET_NODE, "property": "level", "value": "provincial"},
            "minh",
            "a test of set",
        )[0],
    ]
