"""End to end, in Debian's Chromium: the public applies online → staff confirm receipt → request a
correction → the applicant corrects on the status page → staff confirm the correction → the head
approves an extension → staff draft a 部分公开 reply and the head signs it → the applicant reads the
reply with the query code; a second applicant's code does not open it. No page breaks the
Content-Security-Policy on the way (the browser reports every violation on the console).

Set GONGKAI_BROWSER_SHOTS to a folder to keep a screenshot of each main page."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import sync_playwright

from gongkai.applications.models import Application, EventKind, Result, Status
from gongkai.workbench.tests.factories import make_cast

# Playwright's sync API runs an event loop in this thread; the test's own database calls are safe.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = os.environ.get("GONGKAI_BROWSER_SHOTS")

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail("缺少 /usr/bin/chromium：请运行 scripts/system-packages.sh 安装 Chromium。")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def shot(page: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


class Person:
    """One person in their own browser context (their own cookies)."""

    def __init__(self, browser: Any, base: str) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        self.page = self.context.new_page()
        self.base = base
        self.violations: list[str] = []
        self.page.on("console", self._console)

    def _console(self, message: Any) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.violations.append(f"{self.page.url}: {message.text}")

    def go(self, path: str) -> Any:
        self.page.goto(self.base + path)
        return self.page

    def log_in(self, username: str) -> None:
        page = self.go("/staff/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", "x")
        page.click("button[type=submit]")
        page.wait_for_url(self.base + "/staff/")

    def act(self, action: str, fields: dict[str, str]) -> Any:
        """Open the action's panel on the application page, fill it and submit it."""
        page = self.page
        page.click(f"#action-{action} summary")
        for name, value in fields.items():
            selector = f"#id_{action}-{name}"
            if page.locator(selector).evaluate("el => el.tagName") == "SELECT":
                page.select_option(selector, value)
            else:
                page.fill(selector, value)
        # Wait for the next page: reading the old one is a race under load.
        with page.expect_navigation():
            page.click(f"#action-{action} button[type=submit]")
        return page


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
