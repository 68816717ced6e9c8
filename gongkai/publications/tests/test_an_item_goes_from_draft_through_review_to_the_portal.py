"""先审查、后公开: staff draft and submit, the reviewer passes the secrecy review, the head approves and the
item is published with an index number, in the catalog, on its page and in the search; each step an
event; nobody skips a step or approves their own work."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from gongkai.core.models import AuditLog
from gongkai.publications import services
from gongkai.publications.models import EventKind, Status
from gongkai.publications.tests.factories import draft, make_cast
from gongkai.search.selectors import search_publications

pytestmark = pytest.mark.django_db


def test_an_item_is_published_only_after_review_and_approval_and_then_appears_everywhere() -> None:
    cast = make_cast()
    item = draft(cast)
    assert item.status == Status.DRAFT and item.index_number is None
    assert search_publications("重点建设").total == 0

    services.publication_submit(actor=cast.staff, publication=item)
    with pytest.raises(services.ActionRefused):
        services.publication_approve(actor=cast.head, publication=item)  # the secrecy review comes first
    services.publication_review(actor=cast.reviewer, publication=item)
    assert item.status == Status.REVIEWED
    with pytest.raises(PermissionDenied):
        services.publication_approve(actor=cast.reviewer, publication=item)  # not the head
    services.publication_approve(actor=cast.head, publication=item)

    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert item.published_on is not None
    assert item.index_number == f"NB-FGW/{item.published_on.year}-00001"
    kinds = list(item.events.values_list("kind", flat=True))
    assert kinds == [
        EventKind.CREATED,
        EventKind.SUBMITTED,
        EventKind.REVIEW_APPROVED,
        EventKind.HEAD_APPROVED,
    ]

    page = Client().get(item.get_absolute_url())
    assert page.status_code == 200
    text = page.content.decode()
    for label in ("索引号", "主题分类", "发布机构", "成文日期", "文号", "发布日期", "有效性"):
        assert label in text
    assert "甬发改投资〔2024〕12号" in text and "public" in page["Cache-Control"]
    assert search_publications("重点").total == 1
    assert search_publications("甬发改投资[2024]12号").total == 1
    column = Client().get(f"/disclosure/{cast.agency.code}/catalog/{item.category_id}/")
    assert item.title in column.content.decode()


def test_the_author_cannot_review_their_own_item_and_strangers_are_refused_and_logged() -> None:
    cast = make_cast()
    item = draft(cast)
    services.publication_submit(actor=cast.staff, publication=item)
    with pytest.raises(PermissionDenied):
        services.publication_review(actor=cast.staff, publication=item)
    with pytest.raises(PermissionDenied):
        services.publication_review(actor=cast.outsider, publication=item)
    assert AuditLog.objects.filter(action="publication_review", outcome="refused").count() == 2
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED


def test_a_returned_item_goes_back_to_its_author_with_the_reason_and_can_be_resubmitted() -> None:
    cast = make_cast()
    item = draft(cast)
    services.publication_submit(actor=cast.staff, publication=item)
    with pytest.raises(Exception, match="理由"):
        services.publication_return(actor=cast.reviewer, publication=item, reason=" ")
    services.publication_return(actor=cast.reviewer, publication=item, reason="附件缺少盖章页")
    assert item.status == Status.RETURNED
    assert item.events.get(kind=EventKind.RETURNED).note == "附件缺少盖章页"
    services.publication_update(
        actor=cast.staff, publication=item, title="关于2024年重点建设项目计划的通知（修订）"
    )
    services.publication_submit(actor=cast.staff, publication=item)
    assert item.status == Status.SUBMITTED


def test_a_withdrawn_item_leaves_the_portal_and_the_search_but_stays_in_the_records() -> None:
    cast = make_cast()
    item = draft(cast)
    services.publication_submit(actor=cast.staff, publication=item)
    services.publication_review(actor=cast.reviewer, publication=item)
    services.publication_approve(actor=cast.head, publication=item)
    url = item.get_absolute_url()
    services.publication_withdraw(actor=cast.head, publication=item, reason="误发")
    assert Client().get(url).status_code == 404
    assert search_publications("重点").total == 0
    item.refresh_from_db()
    assert item.status == Status.WITHDRAWN and item.withdrawal_reason == "误发"
