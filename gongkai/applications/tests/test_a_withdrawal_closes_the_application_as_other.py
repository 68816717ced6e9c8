"""An applicant's withdrawal closes the application as 其他处理 (report row 三（六）3)."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications.models import EventKind, Result, Status
from gongkai.applications.services import ActionRefused, application_withdraw
from gongkai.applications.tests.factories import Cast, make_cast, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def test_a_withdrawn_application_is_closed_as_other(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    application_withdraw(
        actor=cast.staff, application=application, withdrawn_on=date(2025, 3, 6), note="申请人电话撤回"
    )
    assert (application.status, application.result, application.closed_on) == (
        Status.CLOSED,
        Result.OTHER_OTHER,
        date(2025, 3, 6),
    )
    event = application.events.get(kind=EventKind.WITHDRAWN)
    assert event.note == "申请人电话撤回"


def test_a_closed_application_cannot_be_withdrawn(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    application_withdraw(actor=cast.staff, application=application, withdrawn_on=date(2025, 3, 6))
    with pytest.raises(ActionRefused, match="已办结"):
        application_withdraw(actor=cast.staff, application=application, withdrawn_on=date(2025, 3, 7))
    application.refresh_from_db()
    assert application.closed_on == date(2025, 3, 6)
