"""The notices as the applicant and staff see them: the printable page and the applicant's status page,
reduced to their text, to compare with the `Notice` that notices.py words (the templates add nothing)."""

from __future__ import annotations

import html
import re

from django.contrib.auth.models import User
from django.test import Client
from django.utils.html import strip_tags

from gongkai.applications.models import Application, ApplicationEvent
from gongkai.applications.notices import Notice


def _text(fragment: str) -> str:
    """The words of an HTML fragment, whitespace removed (line breaks and indents are layout)."""
    return "".join(html.unescape(strip_tags(fragment)).split())


def words(notice: Notice) -> str:
    return "".join(notice.text.split())


def printed(staff: User, event: ApplicationEvent) -> str:
    """The text of the notice on the workbench's printable page."""
    client = Client()
    client.force_login(staff)
    page = client.get(f"/staff/applications/{event.application_id}/notices/{event.pk}/").content.decode()
    sheet = re.search(r'<article class="notice-sheet">(.*?)</article>', page, re.S)
    assert sheet is not None, page
    return _text(sheet.group(1))


def on_status_page(application: Application, query_code: str, kind: str) -> str:
    """The text of the notice of `kind` on the status page the applicant opens with number and code."""
    page = (
        Client()
        .post("/status/", {"number": application.number, "query_code": query_code}, follow=True)
        .content.decode()
    )
    section = re.search(
        rf'<section class="panel notice-sheet" id="notice-{kind}">(.*?)</section>', page, re.S
    )
    assert section is not None, page
    return _text(section.group(1))
