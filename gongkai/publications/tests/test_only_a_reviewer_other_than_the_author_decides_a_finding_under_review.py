"""A finding of the guard is decided ("may be published") in the secrecy review by someone other than the
item's author, while the item is under review or published: the author (a head who drafted it) cannot
clear the findings of their own item for the reviewer, nor can anyone decide on a returned or withdrawn
item. Before, the page hid the button but the service (and a forged POST) did it."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.publications import services
from gongkai.publications.models import FindingStatus, PublicationEvent, Status
from gongkai.publications.tests.factories import draft, make_cast

pytestmark = pytest.mark.django_db

BODY = "联系人：办公室，电话 13800138000。"


def test_the_author_cannot_decide_the_findings_of_their_own_item() -> None:
    cast = make_cast()
    item = services.publication_create(
        actor=cast.head, agency=cast.agency, title="关于调整办公时间的通知", body=BODY
    )
    services.publication_submit(actor=cast.head, publication=item)
    finding = item.findings.get()
    assert "decide" not in services.allowed_actions(item, cast.head)
    client = Client()
    client.force_login(cast.head)
    response = client.post(
        f"/staff/publications/{item.pk}/actions/decide/", {"finding": finding.pk, "reason": "公开电话"}
    )
    assert response.status_code == 400
    assert "起草人不能确认自己起草的信息中的敏感信息" in response.content.decode()
    finding.refresh_from_db()
    assert finding.status == FindingStatus.OPEN
    services.finding_decide(actor=cast.reviewer, publication=item, finding_id=finding.pk, reason="公开电话")
    finding.refresh_from_db()
    assert finding.status == FindingStatus.DISMISSED


def test_no_finding_is_decided_on_a_returned_item() -> None:
    cast = make_cast()
    item = draft(cast, body=BODY)
    services.publication_submit(actor=cast.staff, publication=item)
    services.publication_return(actor=cast.reviewer, publication=item, reason="请删去手机号码")
    assert item.status == Status.RETURNED
    finding = item.findings.get()
    events = PublicationEvent.objects.count()
    with pytest.raises(services.ActionRefused, match="退回修改"):
        services.finding_decide(actor=cast.reviewer, publication=item, finding_id=finding.pk, reason="可以")
    finding.refresh_from_db()
    assert finding.status == FindingStatus.OPEN and PublicationEvent.objects.count() == events
