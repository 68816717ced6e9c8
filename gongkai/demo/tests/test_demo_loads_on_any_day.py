"""The demo counts its dates back from today, so it loads whatever the day: just after new year (its
year of applications spans two calendar years) and in a year whose holidays are not yet published."""

from __future__ import annotations

from datetime import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from gongkai.applications.models import Application, Status
from gongkai.applications.tests.factories import SHANGHAI

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "day",
    [datetime(2026, 1, 5, 9, tzinfo=SHANGHAI), datetime(2027, 6, 1, 9, tzinfo=SHANGHAI)],
    ids=["just after new year", "a year without published holidays"],
)
def test_the_demo_loads_every_state_on_any_day(day: datetime) -> None:
    with time_machine.travel(day, tick=False):
        call_command("demo", stdout=StringIO(), stderr=StringIO())
    assert set(Application.objects.values_list("status", flat=True)) == set(Status.values)
    years = set(Application.objects.values_list("sequence_year", flat=True))
    assert {day.year - 1, day.year} <= years
