"""条例第二十六条: an item is published within 20 working days of being made or changed; one published later
(or still unpublished past that day) is flagged on the workbench and counted in the year's statistics."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from gongkai.publications.models import Publication
from gongkai.publications.selectors import year_counts
from gongkai.publications.tests.factories import draft, make_cast, publish
from gongkai.publications.timeliness import is_late, publish_by

pytestmark = pytest.mark.django_db


def test_the_period_runs_twenty_working_days_from_the_later_of_made_and_changed() -> None:
    item = Publication(made_on=date(2025, 9, 22))
    assert publish_by(item) == date(2025, 10, 24)  # 10-01..08 are holidays; 09-28 and 10-11 are make-up days
    item.changed_on = date(2025, 11, 3)
    assert publish_by(item) == date(2025, 12, 1)
    assert not is_late(Publication(made_on=None), date(2030, 1, 1))


def test_late_items_are_flagged_on_the_workbench_and_counted() -> None:
    cast = make_cast()
    on_time = publish(
        cast, draft(cast, title="按时发布", made_on=date(2025, 3, 3)), published_on=date(2025, 3, 20)
    )
    late = publish(
        cast, draft(cast, title="逾期发布", made_on=date(2025, 3, 3)), published_on=date(2025, 4, 30)
    )
    waiting = draft(cast, title="超期未发布", made_on=date(2025, 1, 2))
    counts = year_counts(cast.agency, 2025, date(2025, 12, 31))
    assert counts.total == 2 and counts.late == 1
    assert not is_late(on_time, date(2025, 12, 31)) and is_late(late, date(2025, 12, 31))
    client = Client()
    client.force_login(cast.staff)
    page = client.get("/staff/publications/agencies/NB-FGW/").content.decode()
    assert page.count("逾期发布</span>") == 1 and "已超时限" in page
    assert waiting.title in page
