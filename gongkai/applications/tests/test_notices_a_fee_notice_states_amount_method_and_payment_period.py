"""条例第四十二条 and 国办函〔2020〕109号: the fee notice (信息处理费收费通知书) states why a fee is charged, how it
was counted, the amount with any waiver, and the 20 working days from the day after receiving it within
which to pay; the time until payment is not counted, and no payment in time is 视为放弃申请."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest
import time_machine
from django.core.cache import cache

from gongkai.applications import services
from gongkai.applications.intake import ApplicantDetails
from gongkai.applications.models import Application, EventKind
from gongkai.applications.notices import Notice, notice_for_event
from gongkai.applications.tests.factories import COMPANY, PERSON, SHANGHAI, Cast, make_cast, register
from gongkai.applications.tests.notice_pages import on_status_page, printed, words

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def today() -> Iterator[None]:
    cache.clear()  # the status page's guessing brake counts in the cache
    with time_machine.travel(datetime(2025, 3, 25, 9, tzinfo=SHANGHAI), tick=False):
        yield


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def notify_fee(cast: Cast, application: Application, **decision: Any) -> Notice:
    services.application_notify_fee(
        actor=cast.staff, application=application, notified_on=date(2025, 3, 11), **decision
    )
    return notice_for_event(application.events.get(kind=EventKind.FEE_NOTIFIED))


def test_the_notice_states_basis_method_amount_waiver_and_payment_period(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    notice = notify_fee(
        cast, application, method="by_volume", pages=250, amount=4000, waiver_reason="申请人为低保对象"
    )
    assert (notice.title, notice.number, notice.addressee) == ("信息处理费收费通知书", "2025-0001", "张三")
    assert notice.paragraphs == (
        "本机关于2025年3月3日收到您提出的政府信息公开申请。您申请公开政府信息的数量、频次明显超过合理范围，"
        "根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》"
        "（国办函〔2020〕109号）的规定，本机关决定收取信息处理费。",
        "计收方式：按量计收。共250页，30页以内不收费，第31–100页每页10元，第101–200页每页20元，"
        "第201–250页每页40元，合计4700元。",
        "收费金额：4000元（按收费标准应收4700元，减免700元）。",
        "请您自收到本通知书次日起20个工作日内缴纳。自本机关发出收费通知至缴费之日，不计算在答复期限内；"
        "逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。",
    )
    assert notice.basis == (
        "《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
    )
    # Courts do not hear a fee decision alone (法释〔2025〕8号): no remedies on the notice itself.
    assert notice.remedies == ""
    assert (notice.agency, notice.dated) == ("宁波市发展和改革委员会", date(2025, 3, 11))


def test_a_fee_by_count_without_waiver_names_the_rank_in_the_month(cast: Cast) -> None:
    for _ in range(11):
        application = register(cast, date(2025, 3, 3), **COMPANY)
    notice = notify_fee(cast, application, method="by_count")
    assert notice.paragraphs[1] == (
        "计收方式：按件计收。该申请人2025年3月向本机关提出的第11件申请，按件计收标准为每件100元。"
    )
    assert notice.paragraphs[2] == "收费金额：100元。"
    assert "请贵单位自收到本通知书次日起20个工作日内缴纳" in notice.paragraphs[3]


def test_staff_print_it_and_the_applicant_reads_it_as_worded(cast: Cast) -> None:
    created = services.application_register(
        actor=cast.staff,
        agency=cast.agency,
        channel="in_person",
        received_on=date(2025, 3, 3),
        applicant=ApplicantDetails(**PERSON),
    )
    notify_fee(cast, created.application, method="by_volume", pages=40)
    event = created.application.events.get(kind=EventKind.FEE_NOTIFIED)
    expected = words(notice_for_event(event))
    assert "收费金额：100元。" in expected
    assert printed(cast.staff, event) == expected
    assert on_status_page(created.application, created.query_code, EventKind.FEE_NOTIFIED) == expected
