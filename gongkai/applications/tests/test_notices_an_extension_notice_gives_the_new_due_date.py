"""条例第三十三条第二款: the extension notice (延期答复告知书) gives the reason, the head's consent, the working
days added and the new due date — marked 暂定 when it runs through a year whose calendar is not yet
known, and explained when a consultation's time is still to be left out (第三十三条第三款)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
import time_machine
from django.core.cache import cache

from gongkai.applications import services
from gongkai.applications.deadlines import compute_deadline
from gongkai.applications.intake import ApplicantDetails
from gongkai.applications.models import Application, EventKind
from gongkai.applications.notices import Notice, notice_for_event
from gongkai.applications.tests.factories import PERSON, SHANGHAI, Cast, make_cast, register
from gongkai.applications.tests.notice_pages import on_status_page, printed, words

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache() -> None:
    cache.clear()  # the status page's guessing brake counts in the cache


@pytest.fixture
def cast() -> Cast:
    return make_cast()


@pytest.fixture
def in_2025() -> Iterator[None]:
    with time_machine.travel(datetime(2025, 3, 25, 9, tzinfo=SHANGHAI), tick=False):
        yield


def extend(cast: Cast, application: Application, on: date, workdays: int = 20) -> Notice:
    services.application_extend(
        actor=cast.head,
        application=application,
        workdays=workdays,
        approved_on=on,
        notified_on=on,
        reason="需要检索的档案跨越多个年度。",
    )
    return notice_for_event(application.events.get(kind=EventKind.EXTENDED))


@pytest.mark.usefixtures("in_2025")
def test_the_notice_gives_reason_consent_article_days_and_the_new_due_date(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    notice = extend(cast, application, date(2025, 3, 20))
    # 20 working days after 3 March is 31 March; 20 more, past 清明 (4 April) and with the 劳动节
    # make-up Sunday (27 April), is 28 April.
    assert compute_deadline(application).due_date == date(2025, 4, 28)
    assert (notice.title, notice.number, notice.addressee) == ("延期答复告知书", "2025-0001", "张三")
    assert notice.paragraphs == (
        "本机关于2025年3月3日收到您提出的政府信息公开申请。因需要检索的档案跨越多个年度，本机关不能在规定期限内作出答复。",
        "经本机关政府信息公开工作机构负责人同意，根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，"
        "答复期限延长20个工作日，延长后的答复期限至2025年4月28日。",
    )
    assert notice.basis == "《中华人民共和国政府信息公开条例》第三十三条第二款"
    assert notice.remedies == ""
    assert (notice.agency, notice.dated) == ("宁波市发展和改革委员会", date(2025, 3, 20))


@pytest.mark.usefixtures("in_2025")
def test_during_a_consultation_it_says_that_the_consultation_time_is_left_out(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    services.application_start_consultation(
        actor=cast.staff, application=application, sent_on=date(2025, 3, 10), party="宁波甬江建设有限公司"
    )
    notice = extend(cast, application, date(2025, 3, 12))
    assert notice.paragraphs[-1].startswith(
        "本机关正在征求第三方或者其他机关的意见，所需时间不计算在答复期限内"
        "（《中华人民共和国政府信息公开条例》第三十三条第三款）"
    )


def test_a_due_date_in_a_year_without_its_calendar_is_marked_provisional(cast: Cast) -> None:
    with time_machine.travel(datetime(2026, 12, 10, 9, tzinfo=SHANGHAI), tick=False):
        application = register(cast, date(2026, 12, 1))
        notice = extend(cast, application, date(2026, 12, 10))
    assert "延长后的答复期限至2027年" in notice.paragraphs[1]
    assert notice.paragraphs[1].endswith("（暂定：该期间的节假日调休安排尚未公布，按法定节假日计算）。")


@pytest.mark.usefixtures("in_2025")
def test_under_the_2007_regulation_it_cites_that_text(cast: Cast) -> None:
    notice = extend(cast, register(cast, date(2019, 5, 10)), date(2019, 5, 20), workdays=15)
    assert notice.basis == "2007年《中华人民共和国政府信息公开条例》第二十四条第二款"
    assert (
        "根据2007年《中华人民共和国政府信息公开条例》第二十四条第二款的规定，答复期限延长15个工作日"
        in notice.text
    )


@pytest.mark.usefixtures("in_2025")
def test_staff_print_it_and_the_applicant_reads_it_as_worded(cast: Cast) -> None:
    created = services.application_register(
        actor=cast.staff,
        agency=cast.agency,
        channel="in_person",
        received_on=date(2025, 3, 3),
        applicant=ApplicantDetails(**PERSON),
    )
    extend(cast, created.application, date(2025, 3, 20))
    event = created.application.events.get(kind=EventKind.EXTENDED)
    expected = words(notice_for_event(event))
    assert "延长后的答复期限至2025年4月28日" in expected
    assert printed(cast.staff, event) == expected
    assert on_status_page(created.application, created.query_code, EventKind.EXTENDED) == expected
