"""The network page in a real headless Chromium: it draws every node, asks no other host for anything,
logs no error, and document text carrying markup stays text.

Runs Debian's `chromium` (/usr/bin/chromium; `apt-get install chromium`) through the playwright
package; `playwright install` is never needed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from hospnet.api.app import create_app
from hospnet.graph.writer import BatchWriter
from hospnet.model import Node, Relationship
from hospnet.names import search_key
from tests.fixture_graph import THANH_HOA, write_fixture
from tests.live_server import live_server

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

EVIL_NAME = 'Bệnh viện <img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2;alert(2)</script> Hậu Lộc 2'
EVIL_ID = "hospital:evil-hau-loc-2"
EVIL_DOC = "document:evil"
EVIL_SENTENCE = (
    '</script><script>window.__pwned=3;alert(3)</script><b onmouseover="window.__pwned=4">x</b>'
)


def _write_evil_document(store) -> None:
    """A document whose hospital name and sentences carry script, as a hostile article would."""
    nodes = [
        Node(
            label="Hospital",
            id=EVIL_ID,
            properties={
                "name": EVIL_NAME,
                "level": "district",
                "province": "Thanh Hóa",
                "search": search_key(EVIL_NAME),
            },
        ),
        Node(
            label="Document",
            id=EVIL_DOC,
            properties={"title": EVIL_NAME, "source": "evil.txt", "language": "vi"},
        ),
    ]
    relationships = [
        Relationship(
            type="SUPPORTS",
            start=THANH_HOA,
            start_label="Hospital",
            end=EVIL_ID,
            end_label="Hospital",
            properties={"kinds": ["training"], "sources": [EVIL_DOC], "evidence": EVIL_SENTENCE},
        ),
        Relationship(
            type="MENTIONED_IN",
            start=EVIL_ID,
            start_label="Hospital",
            end=EVIL_DOC,
            end_label="Document",
            properties={"sentence": EVIL_SENTENCE, "start": 0, "end": 10},
        ),
    ]
    BatchWriter(store).write_graph(nodes, relationships)


@pytest.fixture
def server(settings, store):
    write_fixture(store)
    _write_evil_document(store)
    with live_server(create_app(settings)) as url:
        yield url


@pytest.fixture
def browser_page():
    assert CHROMIUM.exists(), "Debian's chromium is missing: apt-get install -y chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=ARGS, headless=True
        )
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        seen = {"console": [], "requests": [], "dialogs": [], "page_errors": []}
        page.on(
            "console",
            lambda msg: (
                seen["console"].append(f"{msg.type}: {msg.text}")
                if msg.type in ("error", "warning")
                else None
            ),
        )
        page.on("pageerror", lambda exc: seen["page_errors"].append(str(exc)))
        page.on("request", lambda request: seen["requests"].append(request.url))

        def dialog(d):
            seen["dialogs"].append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        yield page, seen
        browser.close()


def _draw(page, url: str) -> None:
    page.goto(url)
    # A selector, not wait_for_function: under the page's CSP (no 'unsafe-eval') a string predicate
    # that is not already true when first checked fails to poll.
    page.wait_for_selector("body[data-drawn='true']", state="attached", timeout=60_000)


def test_network_page_in_chromium(server, store, browser_page, tmp_path):
    page, seen = browser_page
    _draw(page, server + "/viz")

    drawn = page.evaluate("window.hospnetNetwork.body.nodeIndices.length")
    in_data = page.evaluate("window.hospnetNetwork.body.data.nodes.length")
    expected = store.read("MATCH (n) WHERE NOT n:Document RETURN count(n) AS n")[0]["n"]
    assert drawn == in_data == expected
    edges = page.evaluate("window.hospnetNetwork.body.data.edges.length")
    assert (
        edges
        == store.read(
            "MATCH (a)-[r]->(b) WHERE NOT a:Document AND NOT b:Document RETURN count(r) AS n"
        )[0]["n"]
    )

    # the hostile name reached the page as text: in the node's label, in its tooltip, never as markup
    label = page.evaluate(f"window.hospnetNetwork.body.data.nodes.get({EVIL_ID!r}).label")
    assert label == EVIL_NAME
    point = page.evaluate(f"""(() => {{
        const network = window.hospnetNetwork;
        const dom = network.canvasToDOM(network.getPositions([{EVIL_ID!r}])[{EVIL_ID!r}]);
        const box = document.querySelector('#network canvas').getBoundingClientRect();
        return {{x: dom.x + box.left, y: dom.y + box.top}};
    }})()""")
    page.mouse.move(point["x"] - 40, point["y"] - 40)
    page.mouse.move(point["x"], point["y"], steps=5)
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=10_000)
    tooltip = page.inner_text("div.vis-tooltip")
    assert "<img src=x" in tooltip and "<script>" in tooltip
    page.screenshot(path=str(tmp_path / "viz-tooltip.png"))

    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert seen["dialogs"] == []
    assert page.evaluate("document.querySelectorAll('img, b, iframe, object, embed').length") == 0
    assert page.evaluate("document.scripts.length") == 2
    assert seen["console"] == [] and seen["page_errors"] == []
    assert [url for url in seen["requests"] if not url.startswith(server + "/")] == []

    page.mouse.move(5, 5)
    page.screenshot(path=str(tmp_path / "viz.png"))
    print(f"screenshots in {tmp_path}")


def test_filter_text_from_the_url_stays_text(server, browser_page):
    page, seen = browser_page
    hostile = '<img src=x onerror="window.__pwned=5;alert(5)">'
    response = page.goto(
        server
        + "/viz?province="
        + hostile.replace('"', "%22").replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    )
    assert response.status == 422 and "no province matches" in page.inner_text(
        "body"
    )  # refused as a one-line JSON error, shown as text
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert seen["dialogs"] == [] and seen["page_errors"] == []
