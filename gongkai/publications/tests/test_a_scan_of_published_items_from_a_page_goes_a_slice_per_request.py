"""A reviewer's scan of the body's published items from the findings page checks a slice per request
(`staff_views.WEB_SCAN_ITEMS`, made small here) and offers to go on after the last item checked, so that a
body of tens of thousands of items does not hold a worker for minutes; each slice is logged; the
command line still checks them all at once. A forged position is refused."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.core.models import AuditLog
from gongkai.publications import staff_views
from gongkai.publications.models import Finding, Publication, Status
from gongkai.publications.scan import scan_published
from gongkai.publications.tests.factories import load_lines, make_cast

pytestmark = pytest.mark.django_db


def test_seven_items_are_scanned_three_at_a_time_and_each_slice_is_logged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cast = make_cast()
    load_lines(
        cast.agency,
        [{"title": f"第{i}号公告", "published": f"2020-01-{i + 1:02d}", "body": "正文"} for i in range(7)],
    )
    # Numbers written into the published bodies after their import: only a new scan finds them.
    for item in Publication.objects.filter(agency=cast.agency, status=Status.PUBLISHED):
        Publication.objects.filter(pk=item.pk).update(body=f"<p>联系电话 1380013{item.pk:04d}</p>")
    monkeypatch.setattr(staff_views, "WEB_SCAN_ITEMS", 3)
    client = Client()
    client.force_login(cast.reviewer)
    url = f"/staff/publications/agencies/{cast.agency.code}/findings/"

    first = client.post(url)
    assert first.status_code == 302 and "?after=" in first["Location"]
    page = client.get(first["Location"]).content.decode()
    assert "还有 4 条" in page and "继续检查" in page
    after = first["Location"].split("?after=")[1]
    second = client.post(url, {"after": after})
    assert "?after=" in second["Location"]
    third = client.post(url, {"after": second["Location"].split("?after=")[1]})
    assert third.status_code == 302 and "?after=" not in third["Location"]
    assert "新发现 1 处" in client.get(third["Location"]).content.decode()

    assert Finding.objects.filter(publication__agency=cast.agency).count() == 7
    slices = AuditLog.objects.filter(action="publications_scan").order_by("id")
    assert [e.message for e in slices] == [
        "检查已公开信息 3 条，新发现 3 处，其余 4 条待继续检查",
        "检查已公开信息 3 条，新发现 3 处，其余 1 条待继续检查",
        "检查已公开信息 1 条，新发现 1 处",
    ]


def test_the_command_line_scans_every_item_at_once() -> None:
    cast = make_cast()
    load_lines(
        cast.agency, [{"title": f"第{i}号", "published": "2020-01-01", "body": "正文"} for i in range(5)]
    )
    report = scan_published(agency=cast.agency, actor=None)
    assert (report.scanned, report.remaining) == (5, 0)


@pytest.mark.parametrize("after", ["abc", "-1", "1e5", "9" * 30])
def test_a_forged_position_is_refused(after: str) -> None:
    cast = make_cast()
    client = Client()
    client.force_login(cast.reviewer)
    url = f"/staff/publications/agencies/{cast.agency.code}/findings/"
    for response in (client.post(url, {"after": after}), client.get(url, {"after": after})):
        assert response.status_code == 400
        assert "继续检查的位置" in response.content.decode()
