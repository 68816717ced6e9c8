"""Each row of the dashboard page (written by the `dashboard_rows` tag, not a template loop) escapes what
it prints, and links its own body: the imported report's audit, else the body's history, and for a
government its coverage on the year; a body covered by another shows — for its figures, never a blank."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from gongkai.agencies.models import Agency, Membership
from gongkai.appeals.tests.factories import make_user
from gongkai.reports.models import CoveredBody, PublishedReport
from gongkai.reports.tests.aggregation_factories import import_report, make_county, zero_cells
from gongkai.reports.tests.audit_web_factories import client_for

pytestmark = pytest.mark.django_db


def row(page: str, name: str) -> str:
    return page.split(name, 1)[1].split("</tr>", 1)[0]


@time_machine.travel(date(2025, 2, 10), tick=False)
def test_rows_escape_names_and_link_each_body() -> None:
    county = make_county()
    Agency.objects.filter(pk=county.grandchild.pk).update(name='交警<大队>&"测试"')
    import_report(county.police, 2024, zero_cells(), published_on=date(2025, 2, 3))
    CoveredBody.objects.create(agency=county.town, year=2024, covered_by=county.government)
    supervisor = make_user(county.government, Membership.Role.SUPERVISOR, username="supervisor")

    page = client_for(supervisor).get(reverse("reports:annual_dashboard", args=["XS"])).content.decode()

    assert "交警&lt;大队&gt;&amp;&quot;测试&quot;" in page and "交警<大队>" not in page
    imported = PublishedReport.objects.get(agency=county.police, year=2024)
    assert f'href="{reverse("reports:report", args=[imported.pk])}">审核结果' in row(page, "象山县公安局<")
    history = reverse("reports:history", args=["XS-CZ"])
    assert f'href="{history}">历年报告' in row(page, "象山县财政局<")
    government = row(page, "象山县人民政府<")
    assert f'href="{reverse("reports:annual_coverage", args=["XS", 2024])}">汇总范围' in government
    town = row(page, "象山县丹西街道办事处<")
    assert "由象山县人民政府报告" in town
    assert town.count('<td class="num">—<span class="was" title="上年">') == 6  # five figures and the share
