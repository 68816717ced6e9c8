"""A body's list of cases longer than a page shows page links that keep the list's filters."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from gongkai.appeals.models import CaseKind
from gongkai.appeals.services import appeal_case_register
from gongkai.workbench import appeals_views
from gongkai.workbench.tests.factories import client_for, make_cast

pytestmark = pytest.mark.django_db


@time_machine.travel("2025-06-16 10:00 +0800", tick=False)
def test_a_long_list_links_to_the_next_and_last_pages_with_its_filters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(appeals_views, "PAGE_SIZE", 1)  # two cases make two pages
    cast = make_cast()
    for number, filed_on in (
        ("甬政复〔2025〕40号", date(2025, 6, 10)),
        ("甬政复〔2025〕41号", date(2025, 6, 12)),
    ):
        appeal_case_register(
            agency=cast.agency,
            kind=CaseKind.RECONSIDERATION,
            filed_on=filed_on,
            case_number=number,
            actor=cast.staff,
        )
    client = client_for(cast.staff)
    first = client.get("/staff/agencies/NB-FGW/appeals/", {"kind": CaseKind.RECONSIDERATION}).content.decode()
    assert "第 1 / 2 页" in first
    assert f'?kind={CaseKind.RECONSIDERATION}&amp;page=2">下一页</a>' in first
    assert '<span class="disabled">上一页</span>' in first
    second = client.get(
        "/staff/agencies/NB-FGW/appeals/", {"kind": CaseKind.RECONSIDERATION, "page": "2"}
    ).content.decode()
    assert "第 2 / 2 页" in second
    assert '<span class="disabled">下一页</span>' in second
