"""The reply notice (告知书): title, number, applicant, the decision with the article it rests on, the
reasons, and the remedies — 行政复议 within 60 days, 行政诉讼 within 6 months."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications.models import Result
from gongkai.applications.notices import DECISIONS, remedies_text, reply_notice
from gongkai.applications.tests.factories import COMPANY, Cast, make_agency, make_cast, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def test_a_withheld_reply_cites_its_articles_and_the_remedies(cast: Cast) -> None:
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
        "如对本答复不服，可以自收到本答复书之日起60日内向宁波市人民政府申请行政复议，"
        "或者自收到本答复书之日起6个月内向人民法院提起行政诉讼。"
    )
    lines = notice.text.splitlines()
    assert lines[:4] == ["宁波市发展和改革委员会政府信息公开申请答复书", "（2025-0001）", "", "张三："]
    assert (
        "　　本机关于2025年3月3日收到您提出的政府信息公开申请，申请获取“2024年宁波市重点建设项目计划的批准文件”。现答复如下："
        in lines
    )
    assert "　　所申请的会议纪要为内部讨论记录。" in lines
    assert lines[-2:] == ["宁波市发展和改革委员会", "2025年3月25日"]


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
