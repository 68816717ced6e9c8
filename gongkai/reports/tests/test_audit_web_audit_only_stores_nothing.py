"""“只审核，不保存”: every file is audited and shown at once, a file that cannot be read says why while
the others are still audited, and nothing is stored."""

from __future__ import annotations

import pytest

from gongkai.core.models import AuditLog
from gongkai.reports.models import AuditFinding, PublishedReport
from gongkai.reports.tests.audit_web_factories import (
    client_for,
    cls,
    html,
    make_cast,
    seed_bytes,
    text_of,
    upload,
)

pytestmark = pytest.mark.django_db
SEEDS = ("000", "001", "002", "003", "004")


def test_all_five_seeds_are_audited_and_shown_without_being_stored() -> None:
    cast = make_cast()
    response = upload(client_for(cast.supervisor), [seed_bytes(prefix) for prefix in SEEDS], mode="audit")
    assert response.status_code == 200
    page = html(response)
    rows = page.xpath("//table[@id='results']/tbody/tr")
    assert len(rows) == 5
    by_file = {text_of(row[1]): [text_of(cell) for cell in row] for row in rows}
    xiangshan = by_file[seed_bytes("003")[0]]
    assert xiangshan[2:8] == [
        "宁波市象山县人民政府办公室",
        "2020",
        "国办公开办函〔2019〕60号格式 2019",
        "2",
        "2",
        "1",
    ]
    # Each report's findings, tables and text follow on the same page, with anchors of their own.
    section = page.get_element_by_id("r4")
    assert "三（七）总计（自然人）为170，各项办理结果之和为171" in text_of(section)
    assert section.xpath(f".//td[@data-key='requests.results_total.total' and {cls('cell-error')}]")
    assert section.xpath(".//div[@id='r4-L345']")
    assert not PublishedReport.objects.exists()
    assert not AuditFinding.objects.exists()
    assert not AuditLog.objects.exclude(action="login").exists()  # signing in is logged, nothing else


def test_an_unreadable_file_says_why_and_the_others_are_still_audited() -> None:
    cast = make_cast()
    response = upload(
        client_for(cast.staff),
        [("空白.txt", b"   \n"), ("旧版.doc", b"\xd0\xcf\x11\xe0rest"), seed_bytes("002")],
        mode="audit",
    )
    assert response.status_code == 200
    page = html(response)
    rows = [[text_of(cell) for cell in row] for row in page.xpath("//table[@id='results']/tbody/tr")]
    assert rows[0][1:] == ["空白.txt", "无法审核：文件为空"]
    assert rows[1][2].startswith("无法审核：不支持旧版 Word（.doc）或 Excel 文件")
    assert rows[2][2:4] == ["慈溪市人民政府办公室", "2023"]


def test_a_chosen_body_is_used_only_for_comparison() -> None:
    cast = make_cast()
    response = upload(client_for(cast.staff), [seed_bytes("002")], agency="NB-CX", mode="audit")
    assert response.status_code == 200
    assert "按慈溪市人民政府办公室的报告审核" in response.content.decode()
    assert not PublishedReport.objects.exists()
