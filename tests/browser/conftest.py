"""Debian's chromium through playwright, and the network page of the national graph, written once.

Screenshots go to $HOSPNET_SCREENSHOTS/site (default /tmp/hospnet-screenshots/site); each test that
writes some prints the folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from hospnet.viz.network import write_html
from hospnet.viz.views import build_view

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
SHOTS = Path(os.environ.get("HOSPNET_SCREENSHOTS", "/tmp/hospnet-screenshots")) / "site"


@pytest.fixture
def chromium():
    assert CHROMIUM.exists(), "Debian's chromium is missing: apt-get install -y chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def national_page(national, national_site, tmp_path_factory):
    """The network page `hospnet viz --site` writes for the national graph (the whole-network view,
    capped as GET /viz caps it), and that view."""
    view = build_view(national.store)
    path = write_html(
        view, tmp_path_factory.mktemp("national-page") / "network.html", site=national_site
    )
    return path, view


@pytest.fixture
def shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots in {SHOTS}")
    return SHOTS
