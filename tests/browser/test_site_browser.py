"""The report site in a real headless Chromium, on a national synthetic graph: the overview stays short
and fits a phone, the map links all 34 provinces to pages that open, the matrix has a row per province,
sorting works, no request leaves the page and no script from a document runs.

Screenshots of the overview, a province page and a document page (desktop and phone) are written to
$HOSPNET_SCREENSHOTS (default /tmp/hospnet-screenshots/site); the test prints the folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from hospnet.graph.jsonl import import_jsonl
from hospnet.reports import build_report
from hospnet.synth import synthesize
from tests.browser.test_viz_browser import ARGS, CHROMIUM
from tests.reports.test_site import EVIL, _write_evil

DOCS = int(os.environ.get("HOSPNET_TEST_SITE_DOCS", "2000"))
SHOTS = Path(os.environ.get("HOSPNET_SCREENSHOTS", "/tmp/hospnet-screenshots")) / "site"


@pytest.fixture
def site(store, tmp_path):
    corpus = synthesize(DOCS, 2025, tmp_path / "corpus")
    import_jsonl(store, corpus.truth)
    evil = _write_evil(store)
    files = build_report(store, tmp_path / "site")
    return files.index.parent, evil


def test_site_in_chromium(site):
    root, evil = site
    SHOTS.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots in {SHOTS}")
    outside, errors = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        for name, width in (("desktop", 1440), ("phone", 390)):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.on(
                "request",
                lambda r: outside.append(r.url) if not r.url.startswith("file://") else None,
            )
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("dialog", lambda d: (errors.append("dialog " + d.message), d.dismiss()))
            page.goto((root / "index.html").as_uri())
            height = page.evaluate("document.documentElement.scrollHeight")
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if name == "desktop":
                assert height <= 20_000, height
            assert overflow <= 0, (name, overflow)
            page.screenshot(path=str(SHOTS / f"overview-{name}.png"), full_page=True)
            tiles = page.locator("svg a.tile")
            assert tiles.count() == 34
            assert page.locator("#matrix tbody tr").count() == 34
            # Sorting: the gap column of the matrix, descending after two clicks.
            header = page.locator("#matrix thead th").nth(2).locator("button")
            header.click()
            header.click()
            gaps = [
                int(x) for x in page.locator("#matrix tbody tr td:nth-child(3)").all_inner_texts()
            ]
            assert (
                gaps == sorted(gaps, reverse=True)
                and page.locator("#matrix thead th").nth(2).get_attribute("aria-sort")
                == "descending"
            )
            # Filtering: folded text, without diacritics.
            page.fill("input[data-filter=matrix]", "lai chau")
            assert page.locator("#matrix tbody tr:not([hidden])").count() == 1
            if name == "desktop":
                hrefs = tiles.evaluate_all("links => links.map(a => a.getAttribute('href'))")
                for href in hrefs:
                    assert (root / href).is_file(), href
            page.locator("svg a.tile[data-code='12']").click()
            page.wait_for_selector("#province-name")
            assert page.inner_text("#province-name") == "Lai Châu"
            assert (
                page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                <= 0
            )
            page.screenshot(path=str(SHOTS / f"province-{name}.png"), full_page=True)
            link = page.locator(f"a[href$='{evil.replace(':', '_')}.html']").first
            page.locator("details", has=link).first.locator(
                "summary"
            ).click()  # evidence is collapsed
            link.click()
            page.wait_for_selector("#document-title")
            assert EVIL[:20] in page.inner_text("#document-title")  # shown as text
            assert (
                page.evaluate("document.querySelectorAll('#facts img, #facts script').length") == 0
            )
            page.screenshot(path=str(SHOTS / f"document-{name}.png"), full_page=True)
            page.close()
        browser.close()
    assert outside == [] and errors == [], (outside, errors)
