"""Plural references in support sentences: a plural after a group the sentence counts but does not list
means that group, not an earlier list. Sentences written for these tests."""

from __future__ import annotations

from hospnet.extract import extract
from hospnet.model import Document
from hospnet.names import normalize_text
from tests.extract.ids import H


def test_a_plural_after_a_counted_group_means_that_group():
    x = extract(
        Document.from_text(
            normalize_text(
                "Bệnh viện Bạch Mai đã ký kết hợp tác với Bệnh viện Đa khoa tỉnh Ninh Bình và Bệnh viện Đa "
                "khoa tỉnh Nam Định. Mỗi năm hàng nghìn người bệnh được khám tại các phòng khám chung. Từ năm 2015, "
                "Bệnh viện Bạch Mai xây dựng mạng lưới 30 bệnh viện vệ tinh "
                "và chuyển giao nhiều kỹ thuật cho các bệnh viện này."
            ),
            date="2024-05-10",
        )
    )
    supported = {r.end for r in x.relationships if r.type == "SUPPORTS"}
    assert H("Bệnh viện Đa khoa tỉnh Ninh Bình") not in supported
    assert H("Bệnh viện Đa khoa tỉnh Nam Định") not in supported
