"""Applications received before 2019-05-15, when the revised 条例 came into force, run under the 2007
text: 15 working days (2007年条例第二十四条), an extension of at most 15."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from gongkai.applications.deadlines import REGIME_2007, REGIME_2019, compute_deadline
from gongkai.applications.services import application_extend
from gongkai.applications.tests.factories import Cast, make_cast, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def test_the_last_day_of_the_old_regulation_gives_fifteen_working_days(cast: Cast) -> None:
    deadline = compute_deadline(register(cast, date(2019, 5, 14)))
    assert deadline.regime is REGIME_2007
    assert deadline.due_date == date(2019, 6, 4)
    assert "2007年条例第二十四条：15个工作日 → 2019-06-04（周二）" in deadline.steps


def test_the_first_day_of_the_revised_regulation_gives_twenty(cast: Cast) -> None:
    deadline = compute_deadline(register(cast, date(2019, 5, 15)))
    assert deadline.regime is REGIME_2019
    assert deadline.due_date == date(2019, 6, 13)


def test_an_old_application_may_be_extended_by_fifteen_working_days_and_no_more(cast: Cast) -> None:
    application = register(cast, date(2019, 5, 14))
    with pytest.raises(ValidationError) as raised:
        application_extend(
            actor=cast.head,
            application=application,
            workdays=16,
            approved_on=date(2019, 5, 30),
            notified_on=date(2019, 5, 30),
            reason="需要调取档案",
        )
    assert "1至15个工作日" in raised.value.message_dict["workdays"][0]
    application_extend(
        actor=cast.head,
        application=application,
        workdays=15,
        approved_on=date(2019, 5, 30),
        notified_on=date(2019, 5, 30),
        reason="需要调取档案",
    )
    assert application.due_date == date(2019, 6, 26)
