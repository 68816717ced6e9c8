"""A supervising office's overview: every body of its subtree with its open, due-soon and overdue
counts (aggregate queries, derived from today's date), each linking to that body's queue."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine

from gongkai.workbench.tests.factories import client_for, make_agency, make_cast, make_user, register

pytestmark = pytest.mark.django_db


def counts(html: str, name: str) -> list[str]:
    row = re.search(rf"<td[^>]*>{name}</td>(.*?)</tr>", html, re.S)
    assert row is not None, name
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r'<td class="num">(.*?)</td>', row.group(1))
    ]


@time_machine.travel("2025-04-01 09:00 +0800", tick=False)
def test_each_body_of_the_subtree_has_its_counts() -> None:
    cast = make_cast()
    register(cast, date(2025, 3, 3))  # overdue
    register(cast, date(2025, 3, 10))  # due soon
    register(cast, date(2025, 3, 24))  # ok
    html = client_for(cast.supervisor).get("/staff/agencies/NB/overview/").content.decode()
    assert counts(html, "宁波市发展和改革委员会") == ["3", "1", "1"]
    assert counts(html, "宁波市教育局") == ["0", "0", "0"]
    assert "/staff/agencies/NB-FGW/applications/?state=overdue" in html


def test_a_body_outside_the_subtree_is_not_shown_and_its_overview_is_refused() -> None:
    cast = make_cast()
    elsewhere = make_agency("HZ", "杭州市人民政府")
    make_user("hz", elsewhere, "supervisor")
    html = client_for(cast.supervisor).get("/staff/agencies/NB/overview/").content.decode()
    assert "杭州市人民政府" not in html
    assert client_for(cast.supervisor).get("/staff/agencies/HZ/overview/").status_code == 403
