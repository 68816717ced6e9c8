"""A supervising office's appeal page lists, per body of its subtree, the pending cases, the answers
still owed and those overdue (derived from the deadlines, never stored)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import time_machine

from gongkai.appeals.models import CaseKind, Outcome
from gongkai.appeals.services import appeal_case_decide, appeal_case_register
from gongkai.workbench.tests.factories import client_for, make_cast, make_user

pytestmark = pytest.mark.django_db

NOW = "2025-06-16 10:00 +0800"


@time_machine.travel(NOW, tick=False)
def test_each_body_of_the_subtree_has_its_pending_owed_and_overdue_counts() -> None:
    cast = make_cast()
    register: dict[str, Any] = {"agency": cast.agency, "actor": cast.staff}
    appeal_case_register(kind=CaseKind.RECONSIDERATION, filed_on=date(2025, 6, 9), **register)
    appeal_case_register(  # owed, due 2025-06-04: overdue
        kind=CaseKind.LITIGATION_DIRECT,
        filed_on=date(2025, 5, 12),
        copy_received_on=date(2025, 5, 20),
        **register,
    )
    appeal_case_register(  # owed, due 2025-06-27
        kind=CaseKind.RECONSIDERATION,
        filed_on=date(2025, 6, 12),
        copy_received_on=date(2025, 6, 13),
        **register,
    )
    decided = appeal_case_register(kind=CaseKind.RECONSIDERATION, filed_on=date(2025, 1, 6), **register)
    appeal_case_decide(case=decided, outcome=Outcome.UPHELD, decided_on=date(2025, 3, 3), actor=cast.staff)
    education = cast.outsider.memberships.get().agency
    appeal_case_register(
        agency=education, kind=CaseKind.RECONSIDERATION, filed_on=date(2025, 6, 3), actor=cast.outsider
    )

    response = client_for(cast.supervisor).get("/staff/agencies/NB/appeals/")

    assert response.status_code == 200
    lines = {
        line.agency.code: (line.pending, line.owed, line.overdue) for line in response.context["subtree"]
    }
    assert lines == {"NB": (0, 0, 0), "NB-FGW": (3, 2, 1), "NB-JYJ": (1, 0, 0)}
    page = response.content.decode()
    assert 'id="subtree-appeals"' in page
    assert 'href="/staff/agencies/NB-FGW/appeals/"' in page


@time_machine.travel(NOW, tick=False)
def test_a_body_without_bodies_below_it_has_no_subtree_table() -> None:
    cast = make_cast()
    staff = make_user("sun", cast.agency, "staff")
    response = client_for(staff).get("/staff/agencies/NB-FGW/appeals/")
    assert response.context["subtree"] == []
    assert 'id="subtree-appeals"' not in response.content.decode()
