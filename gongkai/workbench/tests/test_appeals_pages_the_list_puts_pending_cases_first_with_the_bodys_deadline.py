"""A body's list of 行政复议 and 行政诉讼 cases: pending cases first, by the deadline of the answer the
body still owes (《行政复议法》第四十八条、第八十八条: 10 working days from the copy; 《行政诉讼法》第六十七条:
15 days), marked overdue or due soon; then decided cases. Each row shows its kind, linked application
and outcome."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import time_machine

from gongkai.appeals.models import AppealCase, CaseKind, Outcome
from gongkai.appeals.services import appeal_case_decide, appeal_case_register
from gongkai.workbench.tests.factories import Cast, client_for, make_cast, register

pytestmark = pytest.mark.django_db

NOW = "2025-06-16 10:00 +0800"  # a Monday


def case(cast: Cast, kind: str, filed_on: date, **fields: Any) -> AppealCase:
    return appeal_case_register(agency=cast.agency, kind=kind, filed_on=filed_on, actor=cast.staff, **fields)


@time_machine.travel(NOW, tick=False)
def test_pending_cases_come_first_by_the_deadline_of_the_answer_owed() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    decided = case(cast, CaseKind.LITIGATION_DIRECT, date(2025, 1, 10), case_number="（2025）浙0203行初1号")
    appeal_case_decide(case=decided, outcome=Outcome.UPHELD, decided_on=date(2025, 4, 1), actor=cast.staff)
    no_copy = case(cast, CaseKind.RECONSIDERATION, date(2025, 6, 10), case_number="甬政复〔2025〕40号")
    # 10 working days after 2025-06-13: due 2025-06-27, more than 5 working days away.
    in_time = case(
        cast,
        CaseKind.RECONSIDERATION,
        date(2025, 6, 12),
        copy_received_on=date(2025, 6, 13),
        case_number="甬政复〔2025〕41号",
    )
    # 10 working days after 2025-06-03 (after the 端午节 holiday): due 2025-06-17, tomorrow.
    due_soon = case(
        cast,
        CaseKind.RECONSIDERATION,
        date(2025, 5, 28),
        copy_received_on=date(2025, 6, 3),
        application=application,
        case_number="甬政复〔2025〕33号",
        authority="宁波市人民政府",
    )
    # 15 days after 2025-05-20: due 2025-06-04, passed without a defence.
    overdue = case(
        cast,
        CaseKind.LITIGATION_DIRECT,
        date(2025, 5, 12),
        copy_received_on=date(2025, 5, 20),
        case_number="（2025）浙0203行初88号",
    )

    response = client_for(cast.staff).get("/staff/agencies/NB-FGW/appeals/")

    assert response.status_code == 200
    rows = response.context["page"].object_list
    assert [row.case.pk for row in rows] == [overdue.pk, due_soon.pk, in_time.pk, no_copy.pk, decided.pk]
    assert [row.state for row in rows] == ["overdue", "due_soon", "ok", None, None]
    assert [row.deadline.due_date if row.deadline else None for row in rows[:3]] == [
        date(2025, 6, 4),
        date(2025, 6, 17),
        date(2025, 6, 27),
    ]
    page = response.content.decode()
    assert (
        page.index("（2025）浙0203行初88号")
        < page.index("甬政复〔2025〕33号")
        < page.index("（2025）浙0203行初1号")
    )
    assert "已逾期" in page and "即将到期" in page and "待收到副本" in page
    assert "行政诉讼（未经复议直接起诉）" in page and "宁波市人民政府" in page
    assert f'href="/staff/applications/{application.pk}/"' in page
    assert "维持" in page and "2025-04-01" in page
    assert "尚未审结 <strong>4</strong> 件" in page


@time_machine.travel(NOW, tick=False)
def test_an_answer_submitted_after_the_deadline_is_marked_late_and_no_longer_owed() -> None:
    cast = make_cast()
    late = case(
        cast,
        CaseKind.LITIGATION_DIRECT,
        date(2025, 5, 12),
        copy_received_on=date(2025, 5, 20),
        response_submitted_on=date(2025, 6, 5),
    )
    response = client_for(cast.staff).get("/staff/agencies/NB-FGW/appeals/")
    [row] = response.context["page"].object_list
    assert row.case.pk == late.pk
    assert (row.state, row.late) == (None, True)
    page = response.content.decode()
    assert "2025-06-05 已答辩" in page and "逾期提交" in page
    assert "已逾期" not in page


@time_machine.travel(NOW, tick=False)
def test_the_filters_choose_kind_result_and_year() -> None:
    cast = make_cast()
    reconsideration = case(cast, CaseKind.RECONSIDERATION, date(2025, 2, 3))
    lawsuit = case(cast, CaseKind.LITIGATION_DIRECT, date(2024, 11, 4))
    appeal_case_decide(case=lawsuit, outcome=Outcome.CORRECTED, decided_on=date(2025, 3, 3), actor=cast.staff)
    client = client_for(cast.staff)

    def listed(query: str) -> list[int]:
        response = client.get(f"/staff/agencies/NB-FGW/appeals/?{query}")
        return [row.case.pk for row in response.context["page"].object_list]

    assert listed("kind=reconsideration") == [reconsideration.pk]
    assert listed("status=decided") == [lawsuit.pk]
    assert listed("status=pending") == [reconsideration.pk]
    assert listed("year=2024") == [lawsuit.pk]
    # A bad filter value is dropped, not an error.
    assert listed("year=abc&kind=nonsense") == [reconsideration.pk, lawsuit.pk]
