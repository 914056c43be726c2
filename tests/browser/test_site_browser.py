"""The report site in a real headless Chromium, on the national synthetic graph (tests/national.py:
`hospnet synth --docs 10000` read by `hospnet build`): the overview stays short and fits a phone, the
map links all 34 provinces to pages that open, the matrix has a row per province, sorting works, no
request leaves the page and no script from a document runs (hostile names and an article of the
corpus carry script).

Screenshots of the overview, a province page and a document page (desktop and phone) are written to
$HOSPNET_SCREENSHOTS/site (default /tmp/hospnet-screenshots/site); the test prints the folder.
"""

from __future__ import annotations

from hospnet.names import file_stem
from tests.reports.test_site import EVIL


def _width_overflow(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_site_in_chromium(national, national_site, chromium, shots):
    root, evil = national_site, "document:evil-site"
    outside, errors = [], []
    for name, width in (("desktop", 1440), ("phone", 390)):
        page = chromium.new_page(viewport={"width": width, "height": 900})
        page.on(
            "request",
            lambda r: outside.append(r.url) if not r.url.startswith("file://") else None,
        )
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("dialog", lambda d: (errors.append("dialog " + d.message), d.dismiss()))
        page.goto((root / "index.html").as_uri())
        height = page.evaluate("document.documentElement.scrollHeight")
        if name == "desktop":
            assert height <= 20_000, height
        assert _width_overflow(page) <= 0, (name, _width_overflow(page))
        page.screenshot(path=str(shots / f"overview-{name}.png"), full_page=True)
        tiles = page.locator("svg a.tile")
        assert tiles.count() == 34
        assert page.locator("#matrix tbody tr").count() == 34
        # Sorting: the gap column of the matrix, descending after two clicks.
        header = page.locator("#matrix thead th").nth(2).locator("button")
        header.click()
        header.click()
        gaps = [int(x) for x in page.locator("#matrix tbody tr td:nth-child(3)").all_inner_texts()]
        assert len(set(gaps)) > 1, gaps  # a column of one value would prove nothing
        assert (
            gaps == sorted(gaps, reverse=True)
            and page.locator("#matrix thead th").nth(2).get_attribute("aria-sort") == "descending"
        )
        # Filtering: folded text, without diacritics.
        page.fill("input[data-filter=matrix]", "lai chau")
        assert page.locator("#matrix tbody tr:not([hidden])").count() == 1
        if name == "desktop":  # every tile's page exists; one of them is opened below
            hrefs = tiles.evaluate_all("links => links.map(a => a.getAttribute('href'))")
            assert len(set(hrefs)) == 34
            for href in hrefs:
                assert (root / href).is_file(), href
        page.locator("svg a.tile[data-code='12']").click()
        page.wait_for_selector("#province-name")
        assert page.inner_text("#province-name") == "Lai Châu"
        assert _width_overflow(page) <= 0
        page.screenshot(path=str(shots / f"province-{name}.png"), full_page=True)
        link = page.locator(f"a[href$='{file_stem(evil)}.html']").first
        page.locator("details", has=link).first.locator("summary").click()  # evidence is collapsed
        link.click()
        page.wait_for_selector("#document-title")
        assert EVIL[:20] in page.inner_text("#document-title")  # shown as text
        assert page.evaluate("document.querySelectorAll('#facts img, #facts script').length") == 0
        page.screenshot(path=str(shots / f"document-{name}.png"), full_page=True)
        # The hostile article of the corpus, read by the extractor: its page shows it as text.
        page.goto((root / "documents" / f"{file_stem(national.article)}.html").as_uri())
        assert "<script>window.__pwned=6" in page.inner_text("#document-title")
        hostile = "main img, main script, [onerror], [onmouseover]"
        assert page.evaluate(f"document.querySelectorAll({hostile!r}).length") == 0
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert _width_overflow(page) <= 0
        page.close()
    assert outside == [] and errors == [], (outside, errors)
