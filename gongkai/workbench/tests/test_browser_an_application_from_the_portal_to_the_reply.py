"""End to end, in Debian's Chromium: the public applies online → staff confirm receipt → request a
correction → the applicant corrects on the status page → staff confirm the correction → the head
approves an extension → staff draft a 部分公开 reply and the head signs it → the applicant reads the
reply with the query code; a second applicant's code does not open it. No page breaks the
Content-Security-Policy on the way (the browser reports every violation on the console).

Set GONGKAI_BROWSER_SHOTS to a folder to keep a screenshot of each main page."""

from __future__ import annotations

import re
from typing import Any

import pytest

from gongkai.applications.models import Application, EventKind, Result, Status
from gongkai.workbench.tests.browser import Person, browser, shot
from gongkai.workbench.tests.factories import make_cast

__all__ = ["browser"]  # the fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def apply_online(person: Person, name: str, description: str) -> tuple[str, str]:
    page = person.go("/")
    with page.expect_navigation():
        page.click("a[href='/apply/NB-FGW/']")
    page.check("input[name=applicant_type][value=natural_person]")
    page.fill("#id_applicant_name", name)
    page.select_option("#id_applicant_id_type", "resident_id")
    page.fill("#id_applicant_id_number", "11010519491231002X")
    page.fill("#id_phone", "13800138000")
    page.fill("#id_address", "宁波市海曙区解放南路1号")
    page.fill("#id_description", description)
    page.check("input[name=requested_form][value=electronic]")
    page.check("input[name=delivery_method][value=online]")
    shot(page, "apply")
    with page.expect_navigation():
        page.click("button[type=submit]")
    number = page.text_content("#application-number") or ""
    code = page.text_content("#query-code") or ""
    shot(page, "submitted")
    return number.strip(), code.strip()


def open_status(person: Person, number: str, code: str) -> Any:
    page = person.go("/status/")
    if page.locator("#id_number").count() == 0:
        # The application opened earlier is still open in this session: leave it, then look up afresh.
        with page.expect_navigation():
            page.click("text=退出查询")
    page.fill("#id_number", number)
    page.fill("#id_query_code", code)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    return page


@pytest.mark.django_db(transaction=True)
def test_an_online_application_runs_to_a_partial_disclosure_that_only_its_applicant_reads(
    browser: Any, live_server: Any
) -> None:
    make_cast()
    base = live_server.url
    applicant, staff, head, stranger = (Person(browser, base) for _ in range(4))

    # The public applies online and keeps the number and the query code.
    number, code = apply_online(applicant, "张三", "2024年宁波市重点建设项目计划")
    assert re.fullmatch(r"\d{4}-\d{4}", number) and len(code) == 12

    # Staff confirm receipt, then request a correction.
    staff.log_in("wang")
    page = staff.go("/staff/agencies/NB-FGW/applications/")
    shot(page, "queue")
    # The filters update the list in place (htmx), within the policy.
    with page.expect_response(lambda response: "state=overdue" in response.url):
        page.select_option("#id_state", "overdue")
    with page.expect_response(lambda response: "state=" in response.url and "overdue" not in response.url):
        page.select_option("#id_state", "")
    with page.expect_navigation():
        page.click(f"text={number}")
    staff.act("confirm_receipt", {})
    assert "办理中" in (page.text_content("#application-status") or "")
    staff.act("request_correction", {"items": "请写明所需文件的文号或发文日期", "period_workdays": "10"})
    assert "待补正" in (page.text_content("#application-status") or "")

    # The applicant reads the correction notice and corrects on the status page.
    page = open_status(applicant, number, code)
    assert "补正申请告知书" in page.content()
    page.fill("#id_description", "甬发改投资〔2024〕12号：2024年宁波市重点建设项目计划")
    with page.expect_navigation():
        page.click("#correction button[type=submit]")
    assert "补正材料已提交" in page.content()

    # Staff confirm the correction's receipt: the reply period starts again.
    page = staff.go(f"/staff/applications/{Application.objects.get(number=number).pk}/")
    staff.act("receive_correction", {})
    assert "办理中" in (page.text_content("#application-status") or "")

    # The head approves an extension; staff cannot.
    assert staff.page.locator("#action-extend").count() == 0
    head.log_in("li")
    page = head.go(f"/staff/applications/{Application.objects.get(number=number).pk}/")
    head.act("extend", {"workdays": "20", "reason": "需要检索的档案跨越多个年度"})
    assert "已延期" in page.content()

    # Staff draft a 部分公开 reply; the head signs it.
    page = staff.go(page.url.removeprefix(base))
    staff.act(
        "draft_reply", {"result": Result.PARTIALLY_DISCLOSED, "reasons": "附件3涉及第三方商业秘密，不予公开"}
    )
    assert "待签发的答复稿" in page.content()
    assert staff.page.locator("#action-sign_reply").count() == 0
    page = head.go(page.url.removeprefix(base))
    shot(page, "application")
    head.act("sign_reply", {})
    assert "已办结" in (page.text_content("#application-status") or "")
    shot(page, "application-closed")

    application = Application.objects.get(number=number)
    assert (application.status, application.result) == (Status.CLOSED, Result.PARTIALLY_DISCLOSED)
    kinds = list(application.events.values_list("kind", flat=True))
    for kind in (
        EventKind.CORRECTION_SUBMITTED,
        EventKind.CORRECTION_RECEIVED,
        EventKind.EXTENDED,
        EventKind.REPLY_SIGNED,
    ):
        assert kind in kinds

    # The applicant reads the reply with the query code.
    page = open_status(applicant, number, code)
    reply = page.text_content("#notice-reply_signed") or ""
    assert "政府信息公开申请答复书" in reply
    assert "部分公开" in (page.text_content("main") or "")
    assert "附件3涉及第三方商业秘密" in reply
    assert "60日内" in reply
    shot(page, "status")

    # A second applicant, with their own application's code, cannot open the first one.
    _, other_code = apply_online(stranger, "李四", "另一件申请")
    page = open_status(stranger, number, other_code)
    text = page.text_content("main") or ""
    assert "未找到该申请" in text
    assert "附件3涉及第三方商业秘密" not in text and "张三" not in text

    assert [v for person in (applicant, staff, head, stranger) for v in person.violations] == []
