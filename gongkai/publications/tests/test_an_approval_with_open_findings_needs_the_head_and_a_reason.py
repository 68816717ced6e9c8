"""Nothing with a finding goes out without a decision: the reviewer may confirm a finding with a reason, or
send the item back; approving while findings are open needs the head and a reason."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from gongkai.publications import services
from gongkai.publications.models import FindingStatus, Status
from gongkai.publications.tests.factories import draft, make_cast

pytestmark = pytest.mark.django_db

BODY = "联系人：办公室，电话 13800138000。附：人员名单（内部资料）。"


def test_the_reviewer_cannot_pass_an_item_with_open_findings() -> None:
    cast = make_cast()
    item = draft(cast, body=BODY)
    services.publication_submit(actor=cast.staff, publication=item)
    assert sorted(item.findings.values_list("kind", flat=True)) == ["mobile", "secrecy_mark"]
    with pytest.raises(services.ActionRefused, match="2 处敏感信息"):
        services.publication_review(actor=cast.reviewer, publication=item)
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED


def test_confirmed_findings_let_the_review_pass() -> None:
    cast = make_cast()
    item = draft(cast, body=BODY)
    services.publication_submit(actor=cast.staff, publication=item)
    for finding in item.findings.all():
        with pytest.raises(ValidationError):
            services.finding_decide(actor=cast.reviewer, publication=item, finding_id=finding.pk, reason="")
        services.finding_decide(
            actor=cast.reviewer, publication=item, finding_id=finding.pk, reason="办公室公开电话"
        )
    services.publication_review(actor=cast.reviewer, publication=item)
    assert item.status == Status.REVIEWED
    assert set(item.findings.values_list("status", flat=True)) == {FindingStatus.DISMISSED}


def test_head_reason_accepts_the_open_findings() -> None:
    cast = make_cast()
    item = draft(cast, body="内部资料")
    services.publication_submit(actor=cast.staff, publication=item)
    services.publication_return(actor=cast.reviewer, publication=item, reason="请核实")
    services.publication_submit(actor=cast.staff, publication=item)
    # The head may do the secrecy review too; with an open finding it needs a reason.
    with pytest.raises(ValidationError, match="说明理由"):
        services.publication_review(actor=cast.head, publication=item, reason="")
    services.publication_review(actor=cast.head, publication=item, reason="标题引用的是文件名称，非密级标识")
    assert item.findings.get().status == FindingStatus.ACCEPTED
    # 三审: the head who did the secrecy review does not also give the head's approval.
    with pytest.raises(services.ActionRefused, match="三审"):
        services.publication_approve(actor=cast.head, publication=item)
