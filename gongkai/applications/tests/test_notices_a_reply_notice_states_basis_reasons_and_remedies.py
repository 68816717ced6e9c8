"""The reply notice (答复书): title, number, applicant, the decision with the article it rests on, the
reasons, and the remedies — 行政复议 within 60 days or 行政诉讼 within 6 months; for information withheld
(条例第十四条至第十六条), 行政复议 first (《行政复议法》第二十三条, from 2024). The signed reply is kept as
it was worded and printed from that record."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
import time_machine
from django.core.cache import cache

from gongkai.applications import services
from gongkai.applications.intake import ApplicantDetails
from gongkai.applications.models import Application, EventKind, Result
from gongkai.applications.notices import DECISIONS, notice_for_event, remedies_text, reply_notice
from gongkai.applications.tests.factories import (
    COMPANY,
    PERSON,
    SHANGHAI,
    Cast,
    make_agency,
    make_cast,
    register,
)
from gongkai.applications.tests.notice_pages import on_status_page, printed, words

pytestmark = pytest.mark.django_db

EITHER = (
    "如对本答复不服，可以自收到本答复书之日起60日内向宁波市人民政府申请行政复议，"
    "或者自收到本答复书之日起6个月内向人民法院提起行政诉讼"
)
AFTER_RECONSIDERATION = "对行政复议决定不服的，可以自收到行政复议决定书之日起15日内向人民法院提起行政诉讼"


@pytest.fixture(autouse=True)
def today() -> Iterator[None]:
    cache.clear()  # the status page's guessing brake counts in the cache
    with time_machine.travel(datetime(2025, 3, 25, 9, tzinfo=SHANGHAI), tick=False):
        yield


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def test_a_withheld_reply_cites_its_articles_and_sends_the_applicant_to_reconsideration_first(
    cast: Cast,
) -> None:
    application = register(cast, date(2025, 3, 3))
    notice = reply_notice(
        application,
        result=Result.WITHHELD_PROCESS_INFO,
        reasons="所申请的会议纪要为内部讨论记录。",
        replied_on=date(2025, 3, 25),
    )
    assert notice.title == "宁波市发展和改革委员会政府信息公开申请答复书"
    assert notice.number == "2025-0001"
    assert notice.applicant == "张三"
    assert notice.basis == "《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项"
    assert notice.remedies == (
        f"如对本答复不服，可以自收到本答复书之日起60日内向宁波市人民政府申请行政复议；{AFTER_RECONSIDERATION}"
        "（《中华人民共和国行政复议法》第二十三条：申请政府信息公开，行政机关不予公开的，应当先申请行政复议）。"
    )
    lines = notice.text.splitlines()
    assert lines[:4] == ["宁波市发展和改革委员会政府信息公开申请答复书", "（2025-0001）", "", "张三："]
    assert (
        "　　本机关于2025年3月3日收到您提出的政府信息公开申请，申请获取“2024年宁波市重点建设项目计划的批准文件”。现答复如下："
        in lines
    )
    assert "　　所申请的会议纪要为内部讨论记录。" in lines
    assert f"　　{notice.remedies}" in lines
    assert lines[-2:] == ["宁波市发展和改革委员会", "2025年3月25日"]


def test_a_partial_disclosure_sends_only_its_withheld_part_to_reconsideration_first(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    notice = reply_notice(
        application,
        result=Result.PARTIALLY_DISCLOSED,
        reasons="第3页涉及个人隐私",
        replied_on=date(2025, 3, 25),
    )
    assert notice.remedies == (
        f"{EITHER}；但对其中不予公开的部分不服的，应当先申请行政复议（《中华人民共和国行政复议法》第二十三条），"
        f"{AFTER_RECONSIDERATION}。"
    )


@pytest.mark.parametrize(
    "result", [Result.DISCLOSED, Result.UNAVAILABLE_NOT_HELD, Result.NOT_PROCESSED_DUPLICATE]
)
def test_other_replies_leave_the_choice_of_reconsideration_or_suit(cast: Cast, result: Result) -> None:
    application = register(cast, date(2025, 3, 3))
    notice = reply_notice(application, result=result, reasons="", replied_on=date(2025, 3, 25))
    assert notice.remedies == f"{EITHER}。"


def test_a_withheld_reply_before_2024_left_the_choice_too(cast: Cast) -> None:
    application = register(cast, date(2023, 12, 1))
    notice = reply_notice(
        application,
        result=Result.WITHHELD_THIRD_PARTY,
        reasons="涉及个人隐私。",
        replied_on=date(2023, 12, 20),
    )
    assert notice.remedies == f"{EITHER}。"


@pytest.mark.parametrize(
    ("result", "articles"),
    [
        (Result.DISCLOSED, "第三十六条第（一）项、第（二）项"),
        (Result.PARTIALLY_DISCLOSED, "第三十七条、第三十六条第（三）项"),
        (Result.WITHHELD_STATE_SECRET, "第十四条、第三十六条第（三）项"),
        (Result.WITHHELD_THIRD_PARTY, "第十五条、第三十六条第（三）项"),
        (Result.WITHHELD_INTERNAL_AFFAIRS, "第十六条第一款、第三十六条第（三）项"),
        (Result.WITHHELD_ADMINISTRATIVE_QUERY, "第三十六条第（七）项"),
        (Result.UNAVAILABLE_NOT_HELD, "第三十六条第（四）项、第（五）项"),
        (Result.UNAVAILABLE_NEEDS_CREATION, "第三十八条"),
        (Result.UNAVAILABLE_UNCLEAR, "第三十条"),
        (Result.NOT_PROCESSED_PETITION, "第三十九条第一款"),
        (Result.NOT_PROCESSED_DUPLICATE, "第三十六条第（六）项"),
        (Result.NOT_PROCESSED_PUBLICATION, "第三十九条第二款"),
        (Result.NOT_PROCESSED_EXCESSIVE, "第三十五条"),
        (Result.OTHER_NO_CORRECTION, "第三十条"),
    ],
)
def test_each_decision_rests_on_its_article(result: Result, articles: str) -> None:
    assert DECISIONS[result].articles == articles


def test_every_decision_of_the_report_has_a_notice() -> None:
    assert set(DECISIONS) == set(Result)


def test_an_organisation_is_addressed_as_such(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3), channel="in_person", **COMPANY)
    notice = reply_notice(application, result=Result.DISCLOSED, reasons="", replied_on=date(2025, 3, 25))
    assert notice.applicant == "宁波甬江建设有限公司"
    assert notice.statement == "经审查，贵单位申请获取的政府信息属于公开范围，本机关予以公开。"
    assert "收到贵单位提出的" in notice.opening


def test_a_body_without_a_government_above_it_names_no_reconsideration_body() -> None:
    agency = make_agency("ZJ", "浙江省人民政府", kind="government")
    assert "有管辖权的行政复议机关" in remedies_text(agency)


def test_the_notice_serialises_for_the_record(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    data = reply_notice(
        application, result=Result.DISCLOSED, reasons="", replied_on=date(2025, 3, 25)
    ).as_dict()
    assert data["replied_on"] == "2025-03-25"
    assert data["received_on"] == "2025-03-03"
    assert str(data["text"]).startswith("宁波市发展和改革委员会政府信息公开申请答复书")


def test_the_signed_reply_is_printed_from_its_record_and_the_applicant_reads_it_as_worded(
    cast: Cast,
) -> None:
    created = services.application_register(
        actor=cast.staff,
        agency=cast.agency,
        channel="in_person",
        received_on=date(2025, 3, 3),
        applicant=ApplicantDetails(**PERSON),
    )
    application = created.application
    services.application_draft_reply(
        actor=cast.staff,
        application=application,
        result=Result.PARTIALLY_DISCLOSED,
        reasons="第3页涉及个人隐私",
    )
    reply = services.application_sign_reply(
        actor=cast.head, application=application, replied_on=date(2025, 3, 20)
    )
    notice = notice_for_event(reply)
    assert notice.kind == EventKind.REPLY_SIGNED
    assert notice.text == reply.data["notice"]["text"]
    # What was signed stays signed: a later change of the application does not reword the reply.
    Application.objects.filter(pk=application.pk).update(description="另一项政府信息")
    reply.refresh_from_db()
    expected = words(notice)
    assert "2024年宁波市重点建设项目计划的批准文件" in expected and "另一项政府信息" not in expected
    assert printed(cast.staff, reply) == expected
    assert on_status_page(application, created.query_code, EventKind.REPLY_SIGNED) == expected
