"""A report page of another body, like one of a body or year that does not exist, is the 404 page: it
names no body, and the refusal is logged. Years before 2019 and years not yet begun have no page."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from gongkai.core.models import AuditLog
from gongkai.reports.models import AnnualReport
from gongkai.reports.tests.annual_workflow_factories import make_cast, opened
from gongkai.workbench.tests.factories import client_for

pytestmark = pytest.mark.django_db
NOW = datetime(2025, 1, 10, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    "name",
    ["report", "edit", "figures", "figures_export", "years"],
)
def test_another_bodys_pages_are_404_without_its_name(name: str) -> None:
    cast = make_cast()
    opened(cast, today=NOW.date())
    args = ["NB-FGW"] if name == "years" else ["NB-FGW", 2024]
    response = client_for(cast.outsider).get(reverse(f"annual:{name}", args=args))
    assert response.status_code == 404
    assert "宁波市发展和改革委员会" not in response.content.decode()
    assert AuditLog.objects.filter(actor=cast.outsider, outcome="refused", agency=cast.agency).exists()


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("step", ["submit", "approve", "publish", "return", "correct"])
def test_another_bodys_steps_are_404_and_change_nothing(step: str) -> None:
    cast = make_cast()
    report = opened(cast, today=NOW.date())
    response = client_for(cast.outsider).post(
        reverse("annual:step", args=["NB-FGW", 2024, step]), {"return-reason": "x"}
    )
    assert response.status_code == 404
    report.refresh_from_db()
    assert report.state == AnnualReport.State.DRAFT


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("code", "year"), [("NOPE", 2024), ("NB-FGW", 2018), ("NB-FGW", 2026), ("NB-FGW", 99999)]
)
def test_unknown_bodies_and_years_out_of_range_are_404(code: str, year: int) -> None:
    cast = make_cast()
    assert client_for(cast.staff).get(reverse("annual:report", args=[code, year])).status_code == 404


@time_machine.travel(NOW, tick=False)
def test_an_unknown_step_is_404() -> None:
    cast = make_cast()
    opened(cast, today=NOW.date())
    assert (
        client_for(cast.staff).post(reverse("annual:step", args=["NB-FGW", 2024, "delete"])).status_code
        == 404
    )


def test_signed_out_visitors_are_sent_to_the_login_page() -> None:
    make_cast()
    from django.test import Client

    response = Client().get(reverse("annual:report", args=["NB-FGW", 2024]))
    assert response.status_code == 302 and "/staff/login/" in response["Location"]
