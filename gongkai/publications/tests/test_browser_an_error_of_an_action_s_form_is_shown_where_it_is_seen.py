"""In Debian's Chromium: a refused attachment (an empty file) or a refused change of validity (废止 without its
date) comes back with its error at the top of the page and with its panel open. The attachment's error was
only inside the closed 添加附件 panel, so staff saw the page again and no reason."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.publications.models import Kind
from gongkai.publications.tests.factories import draft, make_cast, publish
from gongkai.workbench.tests.browser import browser

__all__ = ["browser"]  # the fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.django_db(transaction=True)
def test_the_error_is_at_the_top_and_in_the_open_panel(browser: Any, live_server: Any) -> None:
    cast = make_cast()
    item = draft(cast)
    normative = publish(cast, draft(cast, title="宁波市某管理办法", kind=Kind.NORMATIVE))
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="zh-CN")
    page = context.new_page()
    page.goto(live_server.url + "/staff/login/")
    page.fill("#id_username", "wang")
    page.fill("#id_password", "x")
    with page.expect_navigation():
        page.click("button[type=submit]")

    page.goto(f"{live_server.url}/staff/publications/{item.pk}/")
    page.click("#action-attach summary")
    page.set_input_files(
        "#action-attach input[type=file]",
        files=[{"name": "空.pdf", "mimeType": "application/pdf", "buffer": b""}],
    )
    with page.expect_navigation():
        page.click("#action-attach button[type=submit]")
    assert page.locator("ul.messages").is_visible()
    assert "空文件" in (page.text_content("ul.messages") or "")
    assert page.evaluate("document.querySelector('#action-attach').open")
    assert page.get_by_text("上传的附件是空文件。").last.is_visible()

    page.goto(f"{live_server.url}/staff/publications/{normative.pk}/")
    page.click("#action-validity summary")
    page.select_option("#action-validity select", "repealed")
    with page.expect_navigation():
        page.click("#action-validity button[type=submit]")
    assert "请填写失效或废止的日期" in (page.text_content("ul.messages") or "")
    assert page.evaluate("document.querySelector('#action-validity').open")
    context.close()
