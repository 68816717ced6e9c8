"""End to end, in Debian's Chromium: staff draft an item whose body holds a resident ID number → the guard
flags it on submission → the reviewer sees it in context and sends the item back → staff remove it and
submit again → the reviewer and the head approve → the item is in the body's catalog and its page, and a
two-character query finds it on the search page — with JavaScript off for the public reader.

Set GONGKAI_BROWSER_SHOTS to a folder to keep a screenshot of each main page."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.publications.models import EventKind, FindingStatus, Publication, Status
from gongkai.publications.tests.factories import make_cast
from gongkai.workbench.tests.browser import browser, shot

__all__ = ["browser"]  # the fixture

ID_NUMBER = "11010519491231002X"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


class Person:
    def __init__(self, browser: Any, base: str, *, javascript: bool = True, phone: bool = False) -> None:
        viewport = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
        self.context = browser.new_context(viewport=viewport, locale="zh-CN", java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.base = base

    def go(self, path: str) -> Any:
        self.page.goto(self.base + path)
        return self.page

    def log_in(self, username: str) -> None:
        page = self.go("/staff/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", "x")
        with page.expect_navigation():
            page.click("button[type=submit]")

    def submit(self, selector: str) -> None:
        with self.page.expect_navigation():
            self.page.click(selector)


@pytest.mark.django_db(transaction=True)
def test_an_id_number_is_flagged_sent_back_fixed_and_the_item_is_then_published_and_found(
    browser: Any, live_server: Any
) -> None:
    cast = make_cast()
    base = live_server.url
    staff, reviewer, head = (Person(browser, base) for _ in range(3))
    reader = Person(browser, base, javascript=False, phone=True)

    # Staff draft the item; its body holds a resident ID number.
    staff.log_in("wang")
    page = staff.go(f"/staff/publications/agencies/{cast.agency.code}/new/")
    page.fill("#id_title", "关于公布2024年度节能专项资金补助名单的通知")
    page.fill("#id_doc_number", "甬发改能源〔2024〕7号")
    page.select_option("#id_category", label="　其他文件")
    page.fill("#id_body", f"经审核，下列单位获得补助。\n联系人：张三，身份证号 {ID_NUMBER}。\n特此通知。")
    staff.submit("main button[type=submit]")
    shot(page, "draft")
    staff.submit("#action-submit button")
    item = Publication.objects.get(title__startswith="关于公布2024年度节能")
    assert item.status == Status.SUBMITTED

    # The reviewer sees the finding in context and sends the item back.
    reviewer.log_in("sun")
    page = reviewer.go(f"/staff/publications/{item.pk}/")
    finding = page.text_content("#findings") or ""
    assert "居民身份证号码" in finding and ID_NUMBER in finding
    shot(page, "finding")
    page.click("#action-return summary")
    page.fill("#return-reason", "正文含个人身份证号码，请删除后重新提交")
    reviewer.submit("#action-return button[type=submit]")
    assert "退回修改" in (page.text_content("#publication-status") or "")

    # Staff remove the number and submit again; the finding is resolved.
    page = staff.go(f"/staff/publications/{item.pk}/edit/")
    page.fill("#id_body", "经审核，下列单位获得补助。\n联系人：张三。\n特此通知。")
    staff.submit("main button[type=submit]")
    staff.submit("#action-submit button")
    assert item.findings.get().status == FindingStatus.RESOLVED

    # The reviewer passes the secrecy review; the head approves and publishes.
    page = reviewer.go(f"/staff/publications/{item.pk}/")
    assert page.locator("#findings").count() == 0
    reviewer.submit("#action-review button[type=submit]")
    assert page.locator("#action-approve").count() == 0  # the reviewer cannot also approve
    head.log_in("li")
    page = head.go(f"/staff/publications/{item.pk}/")
    head.submit("#action-approve button[type=submit]")
    assert "已发布" in (page.text_content("#publication-status") or "")
    shot(page, "published")
    item.refresh_from_db()
    kinds = list(item.events.values_list("kind", flat=True))
    assert kinds.count(EventKind.SUBMITTED) == 2 and EventKind.RETURNED in kinds and item.index_number

    # A reader without JavaScript, on a phone: the catalog, the page, a two-character search.
    page = reader.go(f"/disclosure/{cast.agency.code}/catalog/{item.category_id}/")
    assert item.title in (page.text_content("main") or "")
    shot(page, "catalog")
    page = reader.go("/disclosure/search/?q=节能")
    hits = page.text_content("ol.hits") or ""
    assert item.title in hits and ID_NUMBER not in hits
    shot(page, "search")
    with page.expect_navigation():
        page.click(f"ol.hits a:has-text('{item.title}')")
    assert "甬发改能源〔2024〕7号" in (page.text_content("table.metadata") or "")
    assert ID_NUMBER not in page.content()
    shot(page, "document")
