"""An item listing hundreds of people's numbers (a subsidy list) shows its reviewer the first 100 open
findings to decide and says how many more there are; the head's approval with a reason accepts them all in
one go. Before, a list of 5,000 numbers made a review page of 3.9 MB that took 5.5 seconds, and the
head's approval wrote each finding on its own while holding SQLite's write lock."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.publications import services, staff_views
from gongkai.publications.models import FindingStatus
from gongkai.publications.tests.factories import draft, make_cast

pytestmark = pytest.mark.django_db

LIST = "\n".join(f"受助人{i}，电话1{3 + i % 7}{i:09d}" for i in range(300))


def test_the_reviewer_sees_the_first_hundred_and_the_count_of_the_rest() -> None:
    cast = make_cast()
    item = draft(cast, body=LIST)
    services.publication_submit(actor=cast.staff, publication=item)
    assert item.findings.count() == 300
    client = Client()
    client.force_login(cast.reviewer)
    page = client.get(f"/staff/publications/{item.pk}/").content.decode()
    assert page.count('name="finding"') == staff_views.FINDINGS_SHOWN == 100
    assert "300 处待处理" in page and "另有 200 处未列出" in page
    first = item.findings.order_by("id").first()
    assert first is not None
    services.finding_decide(actor=cast.reviewer, publication=item, finding_id=first.pk, reason="本人同意公开")
    page = client.get(f"/staff/publications/{item.pk}/").content.decode()
    assert page.count('name="finding"') == 100 and "另有 200 处未列出" in page  # the decided one listed last


def test_the_heads_reasoned_approval_accepts_them_all() -> None:
    cast = make_cast()
    item = draft(cast, body=LIST)
    services.publication_submit(actor=cast.staff, publication=item)
    services.publication_review(actor=cast.head, publication=item, reason="补助名单依法公开（条例第二十条）")
    findings = item.findings.all()
    assert {f.status for f in findings} == {FindingStatus.ACCEPTED}
    assert {(f.decided_by_id, f.reason) for f in findings} == {
        (cast.head.pk, "补助名单依法公开（条例第二十条）")
    }
    assert all(f.decided_at is not None for f in findings)
