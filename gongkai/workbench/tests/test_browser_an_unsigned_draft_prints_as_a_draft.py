"""An unsigned draft reply can never be delivered by mistake: its page, its print and any PDF made from it
carry 草稿（未签发）, on every page; the signed reply carries no such mark. Printed to PDF by Debian's Chromium
and read back with pdfplumber."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pdfplumber
import pytest

from gongkai.applications import services
from gongkai.workbench.tests.browser import browser
from gongkai.workbench.tests.factories import make_cast, register

__all__ = ["browser"]  # the fixture
pytestmark = [pytest.mark.browser, pytest.mark.slow]
MARK = "草稿（未签发）"
LONG_REASONS = "所申请信息中涉及第三方商业秘密的部分不予公开。" * 60  # a reply of two pages or more


def pdf_pages(browser: Any, base: str, username: str, path: str) -> list[str]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "/staff/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "x")
    with page.expect_navigation():
        page.click("button[type=submit]")
    page.goto(base + path)
    pdf = page.pdf(format="A4")
    context.close()
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [(p.extract_text() or "") for p in document.pages]


@pytest.mark.django_db(transaction=True)
def test_the_draft_is_marked_on_every_printed_page_and_the_signed_reply_is_not(
    browser: Any, live_server: Any
) -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    draft = services.application_draft_reply(
        actor=cast.staff, application=application, result="partially_disclosed", reasons=LONG_REASONS
    )
    pages = pdf_pages(
        browser, live_server.url, "wang", f"/staff/applications/{application.pk}/notices/{draft.pk}/"
    )
    assert len(pages) >= 2
    assert all(MARK in text for text in pages), pages

    signed = services.application_sign_reply(
        actor=cast.head, application=application, replied_on=date(2025, 3, 20)
    )
    pages = pdf_pages(
        browser, live_server.url, "wang", f"/staff/applications/{application.pk}/notices/{signed.pk}/"
    )
    assert not any(MARK in text for text in pages)
    assert "政府信息公开申请答复书" in pages[0]
