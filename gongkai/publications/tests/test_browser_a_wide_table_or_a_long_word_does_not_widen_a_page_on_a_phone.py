"""In Debian's Chromium at 375 px, without JavaScript: an item whose body holds a table of twelve columns and
a long web address, with a long 文号, and a guide with a long unbroken address, leave every public page
as wide as the phone (no sideways scrolling); the table scrolls by itself. One long word widened the
single column of the phone's layout (a 1201 px document page, 495 px catalog pages). The staff statistics page
too: its table 二 第（一）项 made it 449 px."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from gongkai.publications import catalog_services
from gongkai.publications.register import normative_register_set
from gongkai.publications.tests.factories import draft, make_cast, publish
from gongkai.workbench.tests.browser import browser

__all__ = ["browser"]  # the fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = 375


@pytest.mark.django_db(transaction=True)
def test_no_public_page_scrolls_sideways_on_a_phone(browser: Any, live_server: Any) -> None:
    cast = make_cast()
    header = "".join(f"<th>项目名称{n}</th>" for n in range(12))
    row = "".join(f"<td>第{n}列的数据</td>" for n in range(12))
    address = "https://www.ningbo.gov.cn/" + "a" * 120 + "/index.html"
    item = publish(
        cast,
        draft(
            cast,
            title="关于公布宽表格" + "和很长的标题" * 12,
            doc_number="甬发改〔2024〕" + "9" * 60 + "号",
            body=f"<p>详见 {address}</p><table><tr>{header}</tr><tr>{row}</tr></table>",
        ),
    )
    catalog_services.guide_update(
        actor=cast.staff, agency=cast.agency, how_to_apply="网上申请：" + address, address="x" * 150
    )
    context = browser.new_context(
        viewport={"width": PHONE, "height": 740}, locale="zh-CN", java_script_enabled=False
    )
    page = context.new_page()
    for path in (
        "/disclosure/NB-FGW/",
        f"/disclosure/NB-FGW/catalog/{item.category_id}/",
        item.get_absolute_url(),
        "/disclosure/NB-FGW/guide/",
        "/disclosure/search/?q=%E5%AE%BD%E8%A1%A8%E6%A0%BC",
    ):
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") == PHONE, path
    page.goto(live_server.url + item.get_absolute_url())
    table = page.locator(".document-body table")
    assert table.evaluate("t => t.scrollWidth > t.clientWidth")  # the table scrolls, not the page

    # The head's statistics page, table 二 第（一）项 included, on the same phone.
    normative_register_set(agency=cast.agency, complete_from=2020, actor=None)
    client = Client()
    client.force_login(cast.head)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(live_server.url + "/staff/publications/agencies/NB-FGW/statistics/")
    assert page.locator("#item20-1 table").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") == PHONE
    context.close()
