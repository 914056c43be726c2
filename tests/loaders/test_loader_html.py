"""Web pages: the article body, its title, date and URL; broken markup read; empty pages refused."""

from __future__ import annotations

from hospnet.errors import DocumentError
from hospnet.loaders import load_bytes, load_file
from hospnet.model import Document

PARAGRAPH = (
    "Ngày 14/3, Bệnh viện Chợ Rẫy và Bệnh viện Đa khoa tỉnh Cà Mau tổng kết đợt chuyển giao kỹ thuật "
    "can thiệp mạch vành qua da. Trong sáu tháng, các bác sĩ của tỉnh đã tự thực hiện bốn mươi ca."
)

PAGE = f"""<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="utf-8">
<title>Chợ Rẫy chuyển giao can thiệp mạch vành cho Cà Mau | Báo Cà Mau</title>
<meta property="og:title" content="Chợ Rẫy chuyển giao can thiệp mạch vành cho Cà Mau">
<meta property="article:published_time" content="2024-03-15T08:30:00+07:00">
<link rel="canonical" href="https://baocamau.example.vn/y-te/cho-ray-ca-mau.html">
<script>var tracking = "Trang chủ";</script>
</head><body>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/y-te">Y tế</a></li></ul></nav>
<article><h1>Chợ Rẫy chuyển giao can thiệp mạch vành cho Cà Mau</h1>
<p>{PARAGRAPH}</p>
<p>Giám đốc Bệnh viện Đa khoa tỉnh Cà Mau cho biết người bệnh nhồi máu cơ tim giờ được cấp cứu ngay tại tỉnh, không phải chuyển lên Thành phố Hồ Chí Minh.</p>
</article>
<footer>© Báo Cà Mau. Liên hệ quảng cáo.</footer>
</body></html>"""


def load_one(name: str, data: bytes) -> Document | DocumentError:
    (item,) = list(load_bytes(name, data))
    return item


def test_article_page(tmp_path):
    path = tmp_path / "cho-ray.html"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = load_file(path)
    assert isinstance(doc, Document), str(doc)
    assert doc.title == "Chợ Rẫy chuyển giao can thiệp mạch vành cho Cà Mau"
    assert doc.date == "2024-03-15"
    assert doc.source == "https://baocamau.example.vn/y-te/cho-ray-ca-mau.html"
    assert doc.language == "vi"
    assert PARAGRAPH in doc.text
    assert "tracking" not in doc.text and "Liên hệ quảng cáo" not in doc.text


def test_title_and_date_without_meta_tags():
    page = f"<html><head><title>Tin Y tế | Cổng thông tin</title></head><body><p>Cà Mau, 14/03/2024</p><p>{PARAGRAPH}</p><p>Nguồn: Báo Cà Mau</p></body></html>"
    doc = load_one("a.htm", page.encode())
    assert isinstance(doc, Document), str(doc)
    assert doc.title == "Tin Y tế"
    assert doc.source == "Báo Cà Mau"
    assert doc.date == "2024-03-14"


def test_malformed_html_still_gives_its_text():
    page = "<html><body><div><p>Bệnh viện Bạch Mai <b>hỗ trợ <i>tỉnh Sơn La</p></div></span><td>chuyển giao kỹ thuật</tr></table><p"
    doc = load_one("broken.html", page.encode())
    assert isinstance(doc, Document), str(doc)
    words = " ".join(doc.text.split())  # broken nesting may split the inline runs into lines
    assert "Bệnh viện Bạch Mai hỗ trợ tỉnh Sơn La chuyển giao kỹ thuật" in words


def test_a_short_page_falls_back_to_its_visible_text():
    doc = load_one(
        "short.html", "<p>Bệnh viện E hỗ trợ Bắc Kạn</p><script>alert('x')</script>".encode()
    )
    assert isinstance(doc, Document), str(doc)
    assert doc.text == "Bệnh viện E hỗ trợ Bắc Kạn"


def test_a_page_of_tags_only_has_no_text():
    error = load_one(
        "empty.html",
        b"<html><head><style>p{}</style></head><body><div><span></span><br><img src='x.png'></div></body></html>",
    )
    assert isinstance(error, DocumentError)
    assert str(error) == "empty.html: no text (the page is markup only)"


def test_declared_legacy_charset_is_honoured():
    page = f'<html><head><meta charset="windows-1258"></head><body><p>Thành phô\u0301</p><p>{"x " * 5}</p></body></html>'
    doc = load_one("cp.html", page.encode("cp1258"))
    assert isinstance(doc, Document), str(doc)
    assert "Thành phố" in doc.text  # Windows-1258 writes tones as combining marks; NFC joins them


def test_binary_named_html_is_refused():
    error = load_one("img.html", b"\x89PNG\r\n\x1a\n\x00\x00")
    assert isinstance(error, DocumentError)
    assert "binary file" in str(error)


def test_a_short_page_keeps_its_head_metadata():
    page = (
        '<html><head><title>Bạch Mai hỗ trợ Sơn La</title><meta name="pubdate" content="2024-03-28"></head>'
        "<body><p>Bệnh viện Bạch Mai hỗ trợ Sơn La.</p></body></html>"
    )
    doc = load_one("short.html", page.encode())
    assert isinstance(doc, Document), str(doc)
    assert (doc.title, doc.date, doc.text) == (
        "Bạch Mai hỗ trợ Sơn La",
        "2024-03-28",
        "Bệnh viện Bạch Mai hỗ trợ Sơn La.",
    )
