"""GET /viz and /docs: HTML pages that need nothing from another host."""

from __future__ import annotations

import re

from tests.api.conftest import error_of
from tests.fixture_graph import E

EXTERNAL = re.compile(
    r"<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.IGNORECASE
)


def test_viz_page_is_self_contained(client):
    response = client.get("/viz")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert "vis.Network" in html and not EXTERNAL.search(html)
    policy = response.headers["content-security-policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    assert html.count(f'nonce="{nonce}"') == 2
    assert "connect-src 'self'" in policy  # the side panel's corrections, to this server only
    assert response.headers["content-language"] == "vi"


def test_viz_filters(client):
    whole = client.get("/viz").text
    assert "28 nút" in whole
    assert (
        "quanh hospital:benh-vien-e (độ sâu 1): 4 nút"
        in client.get("/viz", params={"center": E}).text
    )
    assert (
        "tỉnh, thành phố Thanh Hoa: 8 nút"
        in client.get("/viz", params={"province": "Thanh Hoa"}).text
    )
    assert "chỉ SUPPORTS: 11 nút" in client.get("/viz", params={"type": "SUPPORTS"}).text
    assert (
        "no technique matches"
        in error_of(client.get("/viz", params={"technique": "ghep tim"}), 422)["message"]
    )
    assert (
        "no province matches"
        in error_of(client.get("/viz", params={"province": "Narnia"}), 422)["message"]
    )
    error_of(client.get("/viz", params={"type": "MENTIONED_IN"}), 422)
    error_of(client.get("/viz", params={"center": "hospital:khong-co"}), 404)


def test_viz_language_follows_accept_language_or_lang(client):
    english = client.get("/viz", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert english.headers["content-language"] == "en" and "Find a node" in english.text
    assert "whole network: 28 nodes" in english.text
    assert (
        '<html lang="vi">'
        in client.get("/viz", params={"lang": "vi"}, headers={"Accept-Language": "en"}).text
    )
    error_of(client.get("/viz", params={"lang": "fr"}), 422)


def test_openapi_is_usable_by_a_client_generator(client):
    schema = client.get("/openapi.json").json()
    operations = [op for path in schema["paths"].values() for op in path.values()]
    ids = [op["operationId"] for op in operations]
    assert len(ids) == len(set(ids))
    assert {"list_hospitals", "get_hospital", "post_documents", "health", "network_page"} <= set(
        ids
    )
    hospitals = schema["paths"]["/hospitals"]["get"]["responses"]
    assert hospitals["200"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "Page_HospitalSummary_"
    )
    assert hospitals["422"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "ErrorResponse"
    )
    assert "X-API-Key" in str(schema["components"]["securitySchemes"])
    assert client.get("/docs").status_code == 200


def test_docs_pages_name_no_other_host(client):
    """Swagger UI and ReDoc load only from this server (the browser test watches the requests)."""
    for page in ("/docs", "/redoc"):
        html = client.get(page).text
        assert not EXTERNAL.search(html), page
    assert '"validatorUrl": null' in client.get("/docs").text
    script = client.get("/redoc.standalone.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith(
        "text/javascript"
    )
    assert "Redoc" in script.text and "cdn.redoc.ly" not in script.text


def test_report_page(client):
    response = client.get("/report")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "Điện Biên" in response.text and not EXTERNAL.search(response.text)
    assert "script-src 'none'" in response.headers["content-security-policy"]
    assert client.get("/report", params={"legacy": True}).status_code == 200
