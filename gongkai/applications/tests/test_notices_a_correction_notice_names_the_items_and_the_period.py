"""条例第三十条: the correction notice (补正申请告知书) tells the applicant, once, what to correct and within
how many working days of receiving it; the reply period runs from the corrected application; no
correction in time is 视为放弃申请. It is worded by notices.py and printed as worded."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
import time_machine
from django.core.cache import cache

from gongkai.applications import services
from gongkai.applications.intake import ApplicantDetails
from gongkai.applications.models import ApplicationEvent, EventKind
from gongkai.applications.notices import notice_for_event
from gongkai.applications.tests.factories import COMPANY, PERSON, SHANGHAI, Cast, make_cast, register
from gongkai.applications.tests.notice_pages import on_status_page, printed, words

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today() -> Iterator[None]:
    cache.clear()  # the status page's guessing brake counts in the cache
    with time_machine.travel(datetime(2025, 3, 10, 9, tzinfo=SHANGHAI), tick=False):
        yield


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def request_correction(
    cast: Cast, received_on: date, notified_on: date, **applicant: str
) -> ApplicationEvent:
    application = register(cast, received_on, **applicant)
    services.application_request_correction(
        actor=cast.staff,
        application=application,
        notified_on=notified_on,
        items="请写明所需文件的文号或者发文日期；\n请说明所需信息涉及的项目名称。",
        period_workdays=10,
    )
    return application.events.get(kind=EventKind.CORRECTION_REQUESTED)


def test_the_notice_names_the_items_the_period_the_article_and_the_consequence(cast: Cast) -> None:
    notice = notice_for_event(request_correction(cast, date(2025, 3, 3), date(2025, 3, 5)))
    assert (notice.title, notice.number, notice.addressee) == ("补正申请告知书", "2025-0001", "张三")
    assert notice.paragraphs == (
        "本机关于2025年3月3日收到您提出的政府信息公开申请。经审查，申请内容不明确。"
        "根据《中华人民共和国政府信息公开条例》第三十条的规定，请您自收到本告知书之日起10个工作日内，"
        "对以下事项作出补正：",
        "请写明所需文件的文号或者发文日期；",
        "请说明所需信息涉及的项目名称。",
        "答复期限自本机关收到补正的申请之日起计算。"
        "无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
    )
    assert notice.basis == "《中华人民共和国政府信息公开条例》第三十条"
    # A step of the procedure, not a decision: the remedies come with the reply.
    assert notice.remedies == ""
    assert (notice.agency, notice.dated) == ("宁波市发展和改革委员会", date(2025, 3, 5))


def test_an_organisation_is_addressed_as_such(cast: Cast) -> None:
    notice = notice_for_event(request_correction(cast, date(2025, 3, 3), date(2025, 3, 5), **COMPANY))
    assert notice.addressee == "宁波甬江建设有限公司"
    assert (
        "收到贵单位提出的" in notice.paragraphs[0] and "请贵单位自收到本告知书之日起" in notice.paragraphs[0]
    )


def test_under_the_2007_regulation_it_cites_that_text_and_not_the_2019_consequence(cast: Cast) -> None:
    notice = notice_for_event(request_correction(cast, date(2019, 5, 10), date(2019, 5, 13)))
    assert notice.basis == "2007年《中华人民共和国政府信息公开条例》第二十一条第（四）项"
    assert "视为放弃申请" not in notice.text


def test_staff_print_it_and_the_applicant_reads_it_as_worded(cast: Cast) -> None:
    created = services.application_register(
        actor=cast.staff,
        agency=cast.agency,
        channel="in_person",
        received_on=date(2025, 3, 3),
        applicant=ApplicantDetails(**PERSON),
    )
    services.application_request_correction(
        actor=cast.staff,
        application=created.application,
        notified_on=date(2025, 3, 5),
        items="请写明所需文件的文号",
        period_workdays=10,
    )
    event = created.application.events.get(kind=EventKind.CORRECTION_REQUESTED)
    expected = words(notice_for_event(event))
    assert "请写明所需文件的文号" in expected and expected.endswith("宁波市发展和改革委员会2025年3月5日")
    assert printed(cast.staff, event) == expected
    assert on_status_page(created.application, created.query_code, EventKind.CORRECTION_REQUESTED) == expected
