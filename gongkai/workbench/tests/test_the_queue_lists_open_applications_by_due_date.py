"""The queue: a body's open applications by due date, overdue and due-soon marked from today's date;
filters by status, deadline state, channel and year; search; pages; a constant number of queries."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.applications import services
from gongkai.applications.intake import ApplicantDetails
from gongkai.workbench.tests.factories import PERSON, client_for, make_cast, register

pytestmark = pytest.mark.django_db

# 2025-04-01: 03-31 has passed; 04-08 is the 5th working day after it (04-04 清明 is off).
TODAY = "2025-04-01 09:00 +0800"


def listed(html: str) -> list[str]:
    return re.findall(r'<a href="/staff/applications/\d+/">([^<]+)</a>', html)


@time_machine.travel(TODAY, tick=False)
def test_open_applications_are_listed_by_due_date_with_their_deadline_state_marked() -> None:
    cast = make_cast()
    later = register(cast, date(2025, 3, 24))  # due 04-22
    overdue = register(cast, date(2025, 3, 3))  # due 03-31
    soon = register(cast, date(2025, 3, 10))  # due 04-08
    done = register(cast, date(2025, 3, 4))
    services.application_draft_reply(actor=cast.staff, application=done, result="disclosed")
    services.application_sign_reply(actor=cast.head, application=done, replied_on=date(2025, 3, 20))
    html = client_for(cast.staff).get("/staff/agencies/NB-FGW/applications/").content.decode()
    assert listed(html) == [overdue.number, soon.number, later.number]
    states = {
        number: state
        for state, number in re.findall(
            r'<tr class="row-(\w+)">\s*<td class="nowrap"><a href="[^"]+">([^<]+)</a>', html
        )
    }
    assert states == {overdue.number: "overdue", soon.number: "due_soon", later.number: "ok"}
    assert "已逾期" in html and "即将到期" in html


@time_machine.travel(TODAY, tick=False)
def test_the_filters_narrow_the_queue() -> None:
    cast = make_cast()
    overdue = register(cast, date(2025, 3, 3))
    letter = register(cast, date(2025, 3, 24), channel="letter", letter_kind="registered")
    old = register(cast, date(2024, 12, 2))
    online = services.application_submit_online(
        agency=cast.agency, applicant=ApplicantDetails(**PERSON)
    ).application
    client = client_for(cast.staff)

    def queue(query: str) -> list[str]:
        return listed(client.get(f"/staff/agencies/NB-FGW/applications/?{query}").content.decode())

    assert queue("state=overdue") == [old.number, overdue.number]
    assert queue("channel=letter") == [letter.number]
    assert queue("year=2024") == [old.number]
    assert queue("status=pending_receipt") == [online.number]
    assert queue(f"q={letter.number}") == [letter.number]
    assert queue("q=不存在的内容") == []
    # A value the filter does not know is dropped, not an error.
    assert len(queue("channel=pigeon&year=abc")) == 4


@time_machine.travel(TODAY, tick=False)
def test_closed_applications_are_shown_on_request() -> None:
    cast = make_cast()
    open_one = register(cast, date(2025, 3, 3))
    done = register(cast, date(2025, 3, 4))
    services.application_withdraw(actor=cast.staff, application=done, withdrawn_on=date(2025, 3, 5))
    client = client_for(cast.staff)
    assert listed(client.get("/staff/agencies/NB-FGW/applications/?status=closed").content.decode()) == [
        done.number
    ]
    assert listed(client.get("/staff/agencies/NB-FGW/applications/?status=all").content.decode()) == [
        open_one.number,
        done.number,
    ]


@time_machine.travel(TODAY, tick=False)
def test_the_queue_is_paginated_with_a_constant_number_of_queries() -> None:
    cast = make_cast()
    for day in range(3, 8):
        register(cast, date(2025, 3, day))
    client = client_for(cast.staff)
    client.get("/staff/agencies/NB-FGW/applications/")
    with CaptureQueriesContext(connection) as few:
        client.get("/staff/agencies/NB-FGW/applications/?page=1")
    for day in range(10, 15):
        register(cast, date(2025, 3, day))
    with CaptureQueriesContext(connection) as more:
        client.get("/staff/agencies/NB-FGW/applications/?page=1")
    assert len(more.captured_queries) == len(few.captured_queries)


@time_machine.travel(TODAY, tick=False)
def test_htmx_filtering_gets_only_the_list_and_plain_filtering_the_whole_page() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    client = client_for(cast.staff)
    partial = client.get("/staff/agencies/NB-FGW/applications/?state=overdue", headers={"HX-Request": "true"})
    assert application.number in partial.content.decode()
    assert "<html" not in partial.content.decode()
    assert "<html" in client.get("/staff/agencies/NB-FGW/applications/?state=overdue").content.decode()
