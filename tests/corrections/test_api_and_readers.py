"""POST/DELETE /corrections behind the API key, visible in /hospitals/{id}; readers never see half a merge."""

from __future__ import annotations

import threading

from fastapi.testclient import TestClient

from hospnet.api.app import create_app
from hospnet.corrections import correct, undo
from hospnet.corrections.apply import apply_one, UndoStore
from hospnet.corrections.ledger import Ledger

from .conftest import ADD_FROM, ADD_TO, GONE, KEEP, export

KEY = "corrections-key-9d2"


def test_post_corrections_needs_the_key_and_delete_undoes_it(built, csettings):
    store = built
    uncorrected = export(store)
    merge = {
        "op": "merge",
        "target": {"keep": KEEP, "gone": GONE},
        "who": "lan",
        "why": "one hospital",
    }
    with TestClient(create_app(csettings.model_copy(update={"api_key": None}))) as off:
        assert off.post("/corrections", json=merge).status_code == 403
    with TestClient(create_app(csettings.model_copy(update={"api_key": KEY}))) as client:
        assert client.post("/corrections", json=merge).status_code == 401
        assert (
            client.post("/corrections", json=merge, headers={"X-API-Key": "wrong"}).status_code
            == 401
        )
        assert not csettings.corrections_path.exists()
        made = client.post("/corrections", json=merge, headers={"X-API-Key": KEY})
        assert made.status_code == 200, made.text
        assert made.json()["status"] == "applied"
        merge_id = made.json()["correction"]["id"]
        add = {
            "op": "add",
            "who": "minh",
            "why": "the extractor missed it",
            "target": {
                "type": "SUPPORTS",
                "from": ADD_FROM,
                "to": ADD_TO,
                "source": {"citation": "Báo Nhân Dân, 2024"},
            },
        }
        add_id = client.post("/corrections", json=add, headers={"X-API-Key": KEY}).json()[
            "correction"
        ]["id"]

        profile = client.get(f"/hospitals/{KEEP}").json()
        assert profile["corrections"] == [merge_id] and profile["curated_by"] == ["lan"]
        assert "Bệnh viện Đa khoa Khu vực Tây Bắc Nghệ An" in profile["aliases"]
        assert client.get(f"/hospitals/{GONE}").status_code == 404
        link = [
            x for x in client.get(f"/hospitals/{ADD_FROM}").json()["supported"] if x["id"] == ADD_TO
        ]
        assert link and link[0]["corrections"] == [add_id] and link[0]["curated_by"] == ["minh"]
        assert link[0]["evidence"] == "Báo Nhân Dân, 2024"
        assert [c["correction"]["id"] for c in client.get("/corrections").json()] == [
            merge_id,
            add_id,
        ]

        bad = client.post(
            "/corrections",
            json={**merge, "target": {"keep": KEEP, "gone": KEEP}},
            headers={"X-API-Key": KEY},
        )
        assert bad.status_code == 422 and "into itself" in bad.json()["error"]["message"]
        assert client.delete(f"/corrections/{add_id}").status_code == 401
        for correction_id in (add_id, merge_id):
            assert (
                client.delete(
                    f"/corrections/{correction_id}", headers={"X-API-Key": KEY}
                ).status_code
                == 200
            )
        assert (
            client.delete("/corrections/c-0000000000", headers={"X-API-Key": KEY}).status_code
            == 404
        )
        assert client.get(f"/hospitals/{GONE}").status_code == 200
    assert export(store) == uncorrected


READ = (
    "MATCH (h:Hospital) WHERE h.id IN $ids OPTIONAL MATCH (h)-[r]-() "
    "RETURN h.id AS id, size(h.aliases) AS aliases, count(r) AS rels ORDER BY id"
)


def test_readers_see_the_graph_before_or_after_each_correction_never_between(built, csettings):
    store, ledger = built, csettings.corrections_path

    def state():
        return tuple(
            (r["id"], r["aliases"], r["rels"]) for r in store.read(READ, {"ids": [KEEP, GONE]})
        )  # noqa: E731

    before = state()
    merge, _ = correct(store, ledger, "merge", {"keep": KEEP, "gone": GONE}, "lan", "one hospital")
    after = state()
    undo(store, ledger, merge.id, "lan", "again")
    assert state() == before and before != after
    seen: list[tuple] = []
    stop = threading.Event()

    def reader() -> None:
        # Neo4j reads at read-committed isolation: one query may see a commit land midway through
        # it. A reader that needs one state checks the graph version around its read (a seqlock)
        # and reads again when it moved; on Neo4j a version read waits for a commit being applied
        # (Neo4jStore.version), so equal versions mean no batch landed during the read. FalkorDB
        # serialises queries, so there every read counts.
        while not stop.is_set():
            version = store.version()
            found = state()
            if store.name == "falkordb" or store.version() == version:
                seen.append(found)

    readers = [threading.Thread(target=reader) for _ in range(20)]
    for thread in readers:
        thread.start()
    try:
        for _ in range(5):  # merge, then put back, each one atomic batch
            apply_one(store, merge, UndoStore(ledger))
            UndoStore(ledger).restore(store, merge.id)
    finally:
        stop.set()
        for thread in readers:
            thread.join()
    assert len(seen) > 20
    assert set(seen) <= {before, after}, [s for s in set(seen) if s not in (before, after)]
    assert Ledger(ledger).active() == []
