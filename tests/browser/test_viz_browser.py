"""The network page in a real headless Chromium, on the national synthetic graph read by the extractor
(tests/national.py: `hospnet synth --docs 10000`, then `hospnet build`): the search box finds "bach mai" and the side panel shows an
evidence sentence and a document link that opens; a filter hides a relationship type; parallel
relationships are each reachable; the legend draws the drawn shapes; a tap opens the panel on a
phone; no request leaves the page and no script from a document runs. The same from the file
`hospnet viz --site` writes. Reject from the side panel goes through POST /corrections.

Runs Debian's `chromium` (/usr/bin/chromium; `apt-get install chromium`) through the playwright
package; `playwright install` is never needed. HOSPNET_TEST_NATIONAL_DOCS sets the corpus size
(default 10,000 documents). Screenshots of the page at 1,440 and 390 px go to
$HOSPNET_SCREENSHOTS/site (default /tmp/hospnet-screenshots/site), beside the report site's.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from html import unescape

import pytest

from hospnet.api.app import create_app
from hospnet.analysis.network import read_graph
from hospnet.names import file_stem
from hospnet.reports.site import document_pages
from hospnet.reports import build_report
from hospnet.viz.views import Filters, select
from tests.fixture_graph import BACH_MAI, E, write_fixture
from tests.live_server import live_server
from tests.national import EVIL_NAME, EVIL_SENTENCE

API_KEY = "viz-test-key-7d2a"


def _serving(settings):
    return live_server(create_app(settings))


def _watch(page, seen: dict) -> None:
    page.on(
        "console",
        lambda msg: (
            seen["console"].append(f"{msg.type}: {msg.text}")
            if msg.type in ("error", "warning")
            else None
        ),
    )
    page.on("pageerror", lambda exc: seen["errors"].append(str(exc)))
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on("dialog", lambda d: (seen["errors"].append("dialog " + d.message), d.dismiss()))


# GET /viz renders the national page per request (12 MB, 2,500 nodes: seconds of server time, more
# on a loaded machine). Speed is the benchmark's business (bench_viz); these tests wait for it.
LOAD_MS = 180_000


def _draw(page, url: str) -> None:
    page.goto(url, timeout=LOAD_MS)
    _drawn_page(page)


def _drawn_page(page) -> None:
    # A selector, not wait_for_function: under the page's CSP (no 'unsafe-eval') a string predicate
    # that is not already true when first checked fails to poll.
    page.wait_for_selector(
        "body[data-ready='true'][data-drawn='true']", state="attached", timeout=LOAD_MS
    )


def _on_screen(page, node_id: str) -> dict:
    return page.evaluate(
        """(id) => {
        const network = window.hospnetNetwork;
        const dom = network.canvasToDOM(network.getPositions([id])[id]);
        const box = document.querySelector('#network canvas').getBoundingClientRect();
        return {x: dom.x + box.left, y: dom.y + box.top};
    }""",
        node_id,
    )


def _evidence_of(store, node_id: str) -> set[str]:
    rows = store.read(
        "MATCH (n {id: $id})-[r]-() WHERE r.evidence IS NOT NULL RETURN r.evidence AS s "
        "UNION MATCH (n {id: $id})-[m:MENTIONED_IN]->() RETURN m.sentence AS s",
        {"id": node_id},
        limit=None,
    )
    return {r["s"] for r in rows}


def _find(page, text: str, name: str) -> None:
    """Type into the search box and pick the result with this name."""
    page.fill("#search", text)
    page.locator("#search-results button", has_text=name).first.click()
    page.wait_for_selector("#panel:not([hidden]) h2")


def _drawn(page, expression: str):
    return page.evaluate(
        f"(() => {{ const d = window.hospnetNetwork.body.data; return {expression}; }})()"
    )


def _search_and_follow_a_document(page, store, server: str | None) -> None:
    _find(page, "bach mai", "Bệnh viện Bạch Mai")
    assert page.inner_text("#panel h2") == "Bệnh viện Bạch Mai"
    assert page.get_attribute("body", "data-selected") == BACH_MAI
    assert _drawn(page, "window.hospnetNetwork.getSelectedNodes()") == [BACH_MAI]
    sentences = {t.strip() for t in page.locator("#panel blockquote.evidence").all_inner_texts()}
    real = (sentences & _evidence_of(store, BACH_MAI)) - {EVIL_SENTENCE}
    assert real, sentences  # a sentence the extractor read, shown as it is in the store
    link = page.locator("#panel a.doc-link").first
    href = link.get_attribute("href")
    assert href.endswith(".html" + ("?lang=vi" if server else ""))
    title = link.inner_text()
    link.click(timeout=LOAD_MS)  # the API's first document page renders the whole site
    page.wait_for_selector("#document-title", timeout=LOAD_MS)
    assert page.inner_text("#document-title") == title
    page.go_back(timeout=LOAD_MS)
    _drawn_page(page)


def test_network_page_in_chromium(national, national_page, chromium, shots):
    store, settings = national.store, national.settings
    with _serving(settings) as server:
        for name, width in (("desktop", 1440), ("phone", 390)):
            phone = name == "phone"
            context = chromium.new_context(
                viewport={"width": width, "height": 900},
                has_touch=phone,
                is_mobile=phone,
                locale="vi-VN",  # Accept-Language: vi-VN, the page's default language anyway
            )
            context.set_default_navigation_timeout(LOAD_MS)
            page = context.new_page()
            seen = {"console": [], "errors": [], "requests": []}
            _watch(page, seen)
            _draw(page, server + "/viz")
            assert page.get_attribute("html", "lang") == "vi"
            assert page.inner_text("label[for=search]") == "Tìm nút"

            # Default view: hospitals and how they help each other; the rest on demand.
            assert set(_drawn(page, "d.nodes.get().map(n => n.hn.kind)")) == {"Hospital"}
            assert set(_drawn(page, "d.edges.get().map(e => e.hn.type)")) <= {
                "SUPPORTS",
                "TRANSFERS",
                "REFERS_TO",
            }
            if phone:  # the filters start folded on a phone
                page.locator("#legend summary").click()
            page.check("#show-all")
            kinds = set(_drawn(page, "d.nodes.get().map(n => n.hn.kind)"))
            assert {"Hospital", "Person", "Agreement"} <= kinds
            # The legend draws each node with the shape and colour the network draws it with.
            for node in {
                tuple(n)
                for n in _drawn(
                    page, "d.nodes.get().map(n => [n.hn.kind, n.hn.level, n.shape, n.color])"
                )
            }:
                kind, level, shape, colour = node
                entry = page.locator(f"#legend [data-legend-kind='{kind}']")
                assert entry.get_attribute("data-shape") == shape
                if kind == "Hospital":
                    level_entry = page.locator(f"#legend [data-legend-level='{level}']")
                    assert level_entry.get_attribute("data-colour") == colour
                    assert level_entry.get_attribute("data-shape") == shape
                else:
                    assert entry.get_attribute("data-colour") == colour
            page.uncheck("#show-all")

            # A filter in the page hides the edges of a type, without a rebuild.
            before = _drawn(page, "d.edges.get().filter(e => e.hn.type === 'TRANSFERS').length")
            total = _drawn(page, "d.edges.length")
            assert before > 0
            page.uncheck("input[data-type='TRANSFERS']")
            assert _drawn(page, "d.edges.get().filter(e => e.hn.type === 'TRANSFERS').length") == 0
            assert _drawn(page, "d.edges.length") == total - before
            assert page.evaluate("window.hospnetNetwork.body.edgeIndices.length") == total - before
            page.check("input[data-type='TRANSFERS']")
            assert _drawn(page, "d.edges.length") == total
            # A province keeps its nodes and their partners; a level hides its hospitals.
            hospitals = _drawn(page, "d.nodes.length")
            page.select_option("#province-filter", "Thanh Hóa")
            places = _drawn(page, "d.nodes.get().map(n => n.hn.places)")
            assert 0 < len(places) < hospitals and all("Thanh Hóa" in p for p in places)
            page.select_option("#province-filter", "")
            page.uncheck("input[data-level='central']")
            levels = set(_drawn(page, "d.nodes.get().map(n => n.hn.level)"))
            assert "central" not in levels and levels
            page.check("input[data-level='central']")
            assert _drawn(page, "d.nodes.length") == hospitals

            _search_and_follow_a_document(page, store, server)

            # Parallel relationships are drawn apart: a click on each one's middle opens that one.
            if not phone:
                pair = _drawn(
                    page,
                    """(() => { const seen = {};
                        for (const e of d.edges.get()) { const k = [e.from, e.to].sort().join(' ');
                          (seen[k] = seen[k] || []).push(e.id); }
                        return Object.values(seen).find(ids => ids.length >= 2); })()""",
                )
                assert pair, "no parallel relationships in the national graph"
                ends = _drawn(page, f"[d.edges.get({pair[0]!r}).from, d.edges.get({pair[0]!r}).to]")
                page.evaluate(f"window.hospnetNetwork.fit({{nodes: {ends!r}}})")
                for edge_id in pair[:3]:
                    # The middle of the curve, or the nearest point of it no node covers and no
                    # other curve is nearer to (a node can sit on a curve's middle in a dense
                    # layout). The mouse clicks whole pixels, so the check is on the whole pixel.
                    point = page.evaluate(
                        """(id) => { const network = window.hospnetNetwork;
                        const box = document.querySelector('#network canvas').getBoundingClientRect();
                        const pixel = (t) => {
                          const dom = network.canvasToDOM(network.body.edges[id].edgeType.getPoint(t));
                          return {x: Math.round(dom.x + box.left), y: Math.round(dom.y + box.top)}; };
                        for (let step = 0; step <= 8; step++) {
                          for (const t of [0.5 - step * 0.05, 0.5 + step * 0.05]) {
                            const page = pixel(t), dom = {x: page.x - box.left, y: page.y - box.top};
                            if (network.getNodeAt(dom) === undefined && network.getEdgeAt(dom) === id)
                              return page;
                          }
                        }
                        return pixel(0.5); }""",
                        edge_id,
                    )
                    page.mouse.click(point["x"], point["y"])
                    assert page.get_attribute("body", "data-panel") == f"edge:{edge_id}"

            # A tap on a node opens its panel on a phone (vis-network turns taps into clicks).
            if phone:
                if page.is_visible("#panel-close"):
                    page.click("#panel-close")
                assert page.get_attribute("body", "data-panel") is None
                page.evaluate(
                    f"window.hospnetNetwork.moveTo({{position: window.hospnetNetwork.getPositions([{BACH_MAI!r}])[{BACH_MAI!r}], scale: 1.5}})"
                )
                point = _on_screen(page, BACH_MAI)
                page.touchscreen.tap(point["x"], point["y"])
                page.wait_for_selector("#panel:not([hidden])")
                assert page.get_attribute("body", "data-panel") == f"node:{BACH_MAI}"
                assert "hover" not in page.inner_text("body").lower()
                assert page.locator("div.vis-tooltip:visible").count() == 0  # no tooltip over a tap

            page.evaluate("window.scrollTo(0, 0)")
            _find(page, "bach mai", "Bệnh viện Bạch Mai")
            if not phone:
                page.mouse.move(5, 5)  # no tooltip over the picture
            page.screenshot(path=str(shots / f"network-{name}.png"))

            # Hostile text from a document stays text: in the search results, the heading, the panel.
            # The national view is capped at its 2,500 best-connected nodes, which leaves out the
            # hostile hospital (one relationship): it is drawn in its province's view.
            assert "2,500" in page.inner_text("p.message")  # and the page says so
            _draw(page, server + "/viz?province=" + urllib.parse.quote("Thanh Hóa"))
            _find(page, "hau loc 2", "Hậu Lộc 2")
            assert page.inner_text("#panel h2") == EVIL_NAME
            assert EVIL_SENTENCE in page.locator("#panel blockquote").all_inner_texts()
            assert page.evaluate("typeof window.__pwned") == "undefined"
            assert (
                page.evaluate("document.querySelectorAll('img, b, iframe, object, embed').length")
                == 0
            )
            assert (
                page.evaluate("document.scripts.length") == 3
            )  # vis-network, data, the page's own

            assert seen["console"] == [] and seen["errors"] == [], seen
            assert [u for u in seen["requests"] if not u.startswith(server + "/")] == []
            context.close()

    # The file `hospnet viz --site` writes beside a report site: the same search, a link that opens.
    page = chromium.new_page(viewport={"width": 1440, "height": 900})
    seen = {"console": [], "errors": [], "requests": []}
    _watch(page, seen)
    _draw(page, national_page[0].as_uri())
    _search_and_follow_a_document(page, store, None)
    assert page.locator("#panel .corrections").count() == 0  # no API behind a file
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert seen["errors"] == [] and seen["console"] == [], seen
    assert [u for u in seen["requests"] if not u.startswith("file://")] == []


def test_programme_filter_in_the_page(national_page, chromium):
    """Picking a programme in the page (no rebuild) keeps the hospitals `hospnet viz --program`
    keeps, with only the relationships between them, and shows the programme's agreements on demand;
    "all" brings the whole view back."""
    path, view = national_page
    page = chromium.new_page(viewport={"width": 1440, "height": 900})
    seen = {"console": [], "errors": [], "requests": []}
    _watch(page, seen)
    _draw(page, path.as_uri())
    options = page.eval_on_selector_all(
        "#program-filter option", "os => os.map(o => [o.value, o.textContent])"
    )
    programme = next((value for value, text in options if "1816" in text), None)
    assert programme, options
    nodes, edges = _drawn(page, "d.nodes.length"), _drawn(page, "d.edges.length")
    shown = page.inner_text("#shown")
    page.select_option("#program-filter", programme)
    kept = set(_drawn(page, "d.nodes.getIds()"))
    under = select(view.graph, Filters(program="1816")).graph  # what `--program 1816` draws
    wanted = {n for n, d in under.nodes(data=True) if d["label"] == "Hospital"}
    assert kept == wanted and 0 < len(kept) < nodes, (len(kept), len(wanted), nodes)
    assert all(programme in p for p in _drawn(page, "d.nodes.get().map(n => n.hn.programs)"))
    ends = _drawn(page, "d.edges.get().map(e => [e.from, e.to])")
    assert 0 < len(ends) < edges and all(a in kept and b in kept for a, b in ends)
    assert page.get_attribute("body", "data-shown-nodes") == str(len(kept))
    assert page.inner_text("#shown") != shown
    # On demand, the programme itself and the agreements signed under it.
    page.check("#show-all")
    assert set(_drawn(page, "d.nodes.getIds()")) == set(under) and programme in under
    assert {"Program", "Agreement"} <= set(_drawn(page, "d.nodes.get().map(n => n.hn.kind)"))
    page.uncheck("#show-all")
    page.select_option("#program-filter", "")
    assert _drawn(page, "d.nodes.length") == nodes and _drawn(page, "d.edges.length") == edges
    assert seen["console"] == [] and seen["errors"] == [], seen
    assert [u for u in seen["requests"] if not u.startswith("file://")] == []


def test_filter_text_from_the_url_stays_text(settings, store, chromium):
    write_fixture(store)
    page = chromium.new_page()
    seen = {"console": [], "errors": [], "requests": []}
    _watch(page, seen)
    hostile = '<img src=x onerror="window.__pwned=5;alert(5)">'
    with _serving(settings) as server:
        response = page.goto(
            server
            + "/viz?province="
            + hostile.replace('"', "%22")
            .replace(" ", "%20")
            .replace("<", "%3C")
            .replace(">", "%3E")
        )
        assert response.status == 422 and "no province matches" in page.inner_text("body")
        assert page.evaluate("typeof window.__pwned") == "undefined"
    assert seen["errors"] == []


def test_reject_from_the_side_panel(settings, store, chromium):
    """Reject needs the key (the panel says so); with it the relationship is gone after a reload."""
    write_fixture(store)
    page = chromium.new_page(viewport={"width": 1440, "height": 900})
    seen = {"console": [], "errors": [], "requests": []}
    _watch(page, seen)

    def targets() -> list:
        return page.evaluate(
            "window.hospnetNetwork.body.data.edges.getDataSet().get()"
            ".map(e => JSON.stringify([e.hn.type, e.from, e.to, e.hn.disc]))"
        )

    with _serving(settings) as server:  # no HOSPNET_API_KEY: writes are off, and the panel says so
        _draw(page, server + "/viz")
        assert page.get_attribute("html", "lang") == "en"  # from Chromium's Accept-Language
        _find(page, "bach mai", "Bệnh viện Bạch Mai")
        assert "HOSPNET_API_KEY" in page.inner_text("#panel .corrections .writes-off")
        assert page.locator("#panel [data-action]").count() == 0

    with _serving(settings.model_copy(update={"api_key": API_KEY})) as server:
        _draw(page, server + "/viz")
        _find(page, "bach mai", "Bệnh viện Bạch Mai")
        page.locator("#panel ul.relationships button.link").first.click()
        page.wait_for_selector("#panel [data-action='reject_relationship']")
        edge_id = page.get_attribute("body", "data-panel").split(":", 1)[1]
        target = page.evaluate(
            f"(e => JSON.stringify([e.hn.type, e.from, e.to, e.hn.disc]))"
            f"(window.hospnetNetwork.body.data.edges.getDataSet().get({edge_id!r}))"
        )
        assert target in targets()
        reject = page.locator("#panel [data-action='reject_relationship']")
        reject.click()  # nothing filled in: the page asks for the key, nothing is sent
        assert "API key" in page.inner_text("#correction-status")  # Chromium asks for en-US
        page.fill("#panel input[name='api_key']", "wrong-key")
        page.fill("#panel input[name='who']", "Chromium")
        page.fill("#panel textarea[name='why']", "misread sentence")
        reject.click()
        page.wait_for_selector("#correction-status:has-text('401')")
        assert "X-API-Key" in page.inner_text("#correction-status")
        page.fill("#panel input[name='api_key']", API_KEY)
        reject.click()
        page.wait_for_selector("#correction-status:has-text('c-')")
        assert target not in targets()  # gone from the page at once
        page.reload()
        page.wait_for_selector("body[data-ready='true'][data-drawn='true']", state="attached")
        assert target not in targets()  # and from the graph the server draws
        assert len(targets()) > 0

        # Merge: Bệnh viện E into Bạch Mai, named by its id; gone after a reload too.
        _find(page, "bach mai", "Bệnh viện Bạch Mai")
        assert page.input_value("#panel input[name='api_key']") == API_KEY  # kept for the session
        page.fill("#panel input[name='merge_gone']", E)
        page.fill("#panel textarea[name='why']", "one hospital, two names")
        page.click("#panel [data-action='merge']")
        page.wait_for_selector("#correction-status:has-text('c-')")
        page.reload()
        page.wait_for_selector("body[data-ready='true'][data-drawn='true']", state="attached")
        ids = page.evaluate("window.hospnetNetwork.body.data.nodes.getDataSet().getIds()")
        assert BACH_MAI in ids and E not in ids
    # the one console line is Chromium reporting the refused wrong key
    assert seen["errors"] == [] and [c for c in seen["console"] if "401" not in c] == [], seen
    assert [u for u in seen["requests"] if not u.startswith("http://127.0.0.1:")] == []


def test_reject_from_a_document_page(settings, store, chromium, tmp_path):
    """Served by the API with writes on, each fact of a document page has a reject button; the
    rejected fact is gone when the page is loaded again. The written site has no buttons."""
    write_fixture(store)
    with_facts = [
        (doc, facts)
        for doc, facts in (
            (doc, len(page.facts)) for doc, page in document_pages(read_graph(store)).items()
        )
        if facts >= 2
    ]
    assert with_facts, "no document of the fixture graph states two facts"
    doc = with_facts[0][0]
    page = chromium.new_page(viewport={"width": 1440, "height": 900})
    seen = {"console": [], "errors": [], "requests": []}
    _watch(page, seen)
    with _serving(settings.model_copy(update={"api_key": API_KEY})) as server:
        url = f"{server}/report/documents/{file_stem(doc)}.html?lang=en"
        page.goto(url)
        facts = page.locator("#facts > li")
        before = facts.count()
        rejected = page.locator("#facts > li blockquote").first.inner_text()
        page.fill("#corrections input[name=api_key]", API_KEY)
        page.fill("#corrections input[name=who]", "Chromium")
        page.fill("#corrections input[name=why]", "misread sentence")
        page.locator("#facts button.reject").first.click()
        page.wait_for_selector("#correction-status:has-text('c-')")
        page.reload()
        assert page.locator("#facts > li").count() == before - 1
        assert rejected not in page.locator("#facts > li blockquote").all_inner_texts()
    assert seen["errors"] == [] and seen["console"] == [], seen
    assert [u for u in seen["requests"] if not u.startswith(server + "/")] == []
    written = build_report(store, tmp_path / "site").index.parent
    static = (written / "documents" / f"{file_stem(doc)}.html").read_text("utf-8")
    assert 'class="reject"' not in static and 'id="corrections"' not in static
    assert "connect-src 'none'" in unescape(static)


def test_merge_from_a_document_page(settings, store, chromium, tmp_path):
    """Served by the API with writes on, each node a document page names can be merged into
    another (picked from the page or typed): after a reload the gone hospital's facts name the
    survivor and GET /hospitals/{gone} is a 404. The written site has no merge controls."""
    write_fixture(store)
    G = read_graph(store)
    pages = document_pages(G)
    hospitals = {
        doc: [n for n, _, label in page.nodes if label == "Hospital"] for doc, page in pages.items()
    }
    pairs = [  # two hospitals of one page with no fact between them, so every fact stays
        (doc, gone, keep)
        for doc, found in hospitals.items()
        for gone in found
        for keep in found
        if gone != keep and not G.has_edge(gone, keep) and not G.has_edge(keep, gone)
    ]
    assert pairs, "no document of the fixture graph names two unrelated hospitals"
    doc, gone, keep = pairs[0]
    gone_name, keep_name = G.nodes[gone]["name"], G.nodes[keep]["name"]
    other = next((n for n, _, label in pages[doc].nodes if label != "Hospital"), None)
    assert other, "the document names no node but hospitals: the wrong-kind merge is untested"
    page = chromium.new_page(viewport={"width": 1440, "height": 900})
    seen = {"console": [], "errors": [], "requests": []}
    _watch(page, seen)
    with _serving(settings.model_copy(update={"api_key": API_KEY})) as server:
        page.goto(f"{server}/report/documents/{file_stem(doc)}.html?lang=en")
        assert gone_name in page.inner_text("#facts")
        row = page.locator(f"#merge > li[data-node='{gone}']")
        assert keep in page.eval_on_selector_all("#merge-ids option", "os => os.map(o => o.value)")
        page.fill("#corrections input[name=api_key]", API_KEY)
        page.fill("#corrections input[name=who]", "Chromium")
        page.fill("#corrections input[name=why]", "one hospital, two names")
        row.locator("input[name=keep]").fill(gone)  # into itself: asked again, nothing sent
        row.locator("button.merge").click()
        assert "another node" in page.inner_text("#correction-status")
        row.locator("input[name=keep]").fill(other)  # another kind: refused, in one line
        row.locator("button.merge").click()
        page.wait_for_selector("#correction-status:has-text('422')")
        assert "\n" not in page.inner_text("#correction-status")
        row.locator("input[name=keep]").fill(keep)
        row.locator("button.merge").click()
        page.wait_for_selector("#correction-status:has-text('c-')")
        # A reload within milliseconds of the answer has shown the page before the merge (a race
        # noted in the closing note of 2026-12-02); a person's reload, a moment later, must not.
        for _ in range(20):
            page.reload()
            if page.locator(f"#merge > li[data-node='{gone}']").count() == 0:
                break
            page.wait_for_timeout(250)
        assert page.locator(f"#merge > li[data-node='{gone}']").count() == 0
        assert page.locator(f"#merge > li[data-node='{keep}']").count() == 1
        facts = page.inner_text("#facts")
        assert keep_name in facts
        assert f"→ {gone_name}" not in facts and f": {gone_name} →" not in facts
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{server}/hospitals/{urllib.parse.quote(gone, safe='')}")
        assert refused.value.code == 404
        survivor = json.loads(
            urllib.request.urlopen(f"{server}/hospitals/{urllib.parse.quote(keep, safe='')}").read()
        )
        assert gone_name in json.dumps(survivor, ensure_ascii=False)
    # the one console line is Chromium reporting the refused 422
    assert seen["errors"] == [] and [c for c in seen["console"] if "422" not in c] == [], seen
    assert [u for u in seen["requests"] if not u.startswith(server + "/")] == []
    written = build_report(store, tmp_path / "site").index.parent
    static = (written / "documents" / f"{file_stem(doc)}.html").read_text("utf-8")
    assert 'class="merge"' not in static and 'id="merge"' not in static
