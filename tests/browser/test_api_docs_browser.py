"""/docs and /redoc in headless Chromium with every other host blocked: Swagger UI and ReDoc come from
the hospnet install (fastapi-offline), list the operations, and "Try it out" on /hospitals/{id} with
the example shown answers 200."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from hospnet.api.app import create_app
from hospnet.build import build
from tests.live_server import live_server

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def api_url(settings, store):
    build(None, store, settings)
    with live_server(create_app(settings)) as url:
        yield url


def test_docs_and_redoc_work_offline(api_url):
    assert CHROMIUM.exists(), "Debian's chromium is missing: apt-get install -y chromium"
    blocked: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})

            def offline(route):  # no network but the API itself
                if route.request.url.startswith(api_url):
                    route.continue_()
                else:
                    blocked.append(route.request.url)
                    route.abort()

            page.route("**/*", offline)
            page.goto(api_url + "/docs")
            page.wait_for_selector(".opblock", timeout=60_000)
            paths = page.locator(".opblock-summary-path").all_inner_texts()
            assert {"/hospitals", "/hospitals/{id}", "/documents", "/queries/{name}"} <= {
                t.strip() for t in paths
            }

            operation = page.locator("#operations-hospitals-get_hospital")
            operation.locator(".opblock-summary").click()
            operation.locator("button.try-out__btn").click()
            assert (
                operation.locator(
                    "input[placeholder='id'], td.parameters-col_description input"
                ).first.input_value()
                == "hospital:benh-vien-bach-mai"
            )
            operation.locator("button.execute").click()
            operation.locator(
                ".live-responses-table tr.response .response-col_status"
            ).first.wait_for(timeout=30_000)
            assert (
                operation.locator(".live-responses-table tr.response .response-col_status")
                .first.inner_text()
                .strip()
                == "200"
            )
            assert (
                "Bệnh viện Bạch Mai"
                in operation.locator(".live-responses-table .microlight").first.inner_text()
            )

            page.goto(api_url + "/redoc")
            page.wait_for_selector("text=One hospital: who supports it", timeout=60_000)
            assert page.locator("[data-section-id]").count() > 10
        finally:
            browser.close()
    assert blocked == [], f"the docs asked other hosts for: {blocked}"
