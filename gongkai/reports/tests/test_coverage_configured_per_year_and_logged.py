"""A supervising office sets what a government's report sums on a year — its members (or back to the
default set), a copy of last year's set, bodies covered by another body's report — on the coverage page;
every change is in the audit log with the set before and after, and a change that would count a body
twice, lose it, or change what a published report holds is refused with a clear Chinese message."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.agencies.models import Membership
from gongkai.agencies.services import agency_add
from gongkai.appeals.tests.factories import make_user
from gongkai.core.models import AuditLog
from gongkai.reports.annual import coverage
from gongkai.reports.annual.aggregation import aggregation_members
from gongkai.reports.models import AggregationMember, CoveredBody
from gongkai.reports.tests.aggregation_factories import County, make_county, publish
from gongkai.reports.tests.audit_web_factories import client_for

pytestmark = pytest.mark.django_db
PAGE = "/staff/reports/supervision/XS/2024/coverage/"


@pytest.fixture(autouse=True)
def february() -> object:
    with time_machine.travel(date(2025, 2, 10), tick=False):
        yield


def codes(county: County, year: int = 2024) -> list[str]:
    return [body.code for body in aggregation_members(county.government, year)]


def setup() -> tuple[County, User]:
    county = make_county()
    supervisor = make_user(county.government, Membership.Role.SUPERVISOR, username="supervisor")
    return county, supervisor


def test_the_page_shows_the_default_set_and_the_bodies_left_out() -> None:
    _, supervisor = setup()
    page = client_for(supervisor).get(PAGE).content.decode()
    assert "纳入汇总的机关（4个，默认范围）" in page
    assert "未纳入汇总、也未标记由其他机关报告的机关：象山县公安局交通警察大队" in page


def test_choosing_members_then_back_to_the_default_is_logged() -> None:
    county, supervisor = setup()
    client = client_for(supervisor)
    chosen = [county.government.pk, county.police.pk, county.grandchild.pk]

    response = client.post(f"{PAGE}members/", {"members": chosen})

    assert response.status_code == 302
    assert codes(county) == ["XS", "XS-GA", "XS-GA-JJ"]
    assert codes(county, 2023) == ["XS", "XS-CZ", "XS-GA", "XS-DX"]
    log = AuditLog.objects.get(action="aggregation_members_set")
    assert log.actor == supervisor and log.agency == county.government
    assert log.detail == {"year": 2024, "before": [], "after": ["XS", "XS-GA", "XS-GA-JJ"]}

    client.post(f"{PAGE}members/", {"members": chosen, "default": "1"})
    assert not AggregationMember.objects.exists()
    assert codes(county) == ["XS", "XS-CZ", "XS-GA", "XS-DX"]
    last = AuditLog.objects.filter(action="aggregation_members_set").first()
    assert last is not None and last.detail["after"] == [] and "恢复默认" in last.message


def test_a_covered_body_cannot_also_be_a_member() -> None:
    county, supervisor = setup()
    CoveredBody.objects.create(agency=county.grandchild, year=2024, covered_by=county.police)
    response = client_for(supervisor).post(
        f"{PAGE}members/", {"members": [county.government.pk, county.grandchild.pk]}
    )
    assert response.status_code == 400
    assert "象山县公安局交通警察大队（由象山县公安局报告）" in response.content.decode()
    assert not AggregationMember.objects.exists()


def test_marking_and_unmarking_a_covered_body_is_logged() -> None:
    county, supervisor = setup()
    client = client_for(supervisor)

    client.post(f"{PAGE}covered/", {"agency": county.finance.pk, "covered_by": county.government.pk})

    assert CoveredBody.objects.get().covered_by == county.government
    assert codes(county) == ["XS", "XS-GA", "XS-DX"]
    client.post(f"{PAGE}covered/XS-CZ/remove/")
    assert not CoveredBody.objects.exists()
    details = [log.detail for log in AuditLog.objects.filter(action="covered_body_set").order_by("at", "id")]
    assert details == [
        {"year": 2024, "before": None, "after": "XS"},
        {"year": 2024, "before": "XS", "after": None},
    ]


@pytest.mark.parametrize(
    ("agency", "covered_by", "message"),
    [
        ("finance", "finance", "不能由其自身报告"),
        ("government", "finance", "是人民政府，其年度报告须由本机关发布"),
        ("finance", "grandchild", "本身由其他机关报告，不能再报告其他机关"),
        ("police", "finance", "还报告着其他机关"),
        ("town", "finance", "象山县财政局已发布2024年度报告"),
    ],
)
def test_markings_that_would_count_a_body_twice_or_lose_it_are_refused(
    agency: str, covered_by: str, message: str
) -> None:
    county, supervisor = setup()
    CoveredBody.objects.create(agency=county.grandchild, year=2024, covered_by=county.police)
    if "已发布" in message:
        publish(county.finance, 2024, county.staff)
    response = client_for(supervisor).post(
        f"{PAGE}covered/",
        {"agency": getattr(county, agency).pk, "covered_by": getattr(county, covered_by).pk},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert CoveredBody.objects.count() == 1


def test_copying_last_year_s_set_and_coverings() -> None:
    county, supervisor = setup()
    for member in (county.government, county.police):
        AggregationMember.objects.create(government=county.government, year=2023, member=member)
    CoveredBody.objects.create(agency=county.grandchild, year=2023, covered_by=county.police)
    AggregationMember.objects.create(government=county.government, year=2024, member=county.town)

    response = client_for(supervisor).post(f"{PAGE}copy/", follow=True)

    assert "已按2023年度设置：2个纳入汇总的机关" in response.content.decode()
    assert codes(county) == ["XS", "XS-GA"]
    assert CoveredBody.objects.get(year=2024).covered_by == county.police
    log = AuditLog.objects.get(action="aggregation_members_copy")
    assert log.detail["before"] == ["XS-DX"] and log.detail["covered_after"] == {"XS-GA-JJ": "XS-GA"}


def test_the_services_check_the_role_themselves_and_log_refusals() -> None:
    county, _ = setup()
    with pytest.raises(PermissionDenied):
        coverage.aggregation_members_set(
            actor=county.staff, government=county.government, year=2024, members=[]
        )
    with pytest.raises(PermissionDenied):
        coverage.covered_body_set(
            actor=county.staff, agency=county.grandchild, year=2024, covered_by=county.police
        )
    assert AuditLog.objects.filter(outcome=AuditLog.Outcome.REFUSED).count() == 2
    admin = make_user(county.finance, Membership.Role.ADMIN, username="admin")
    with pytest.raises(ValidationError, match="不是人民政府"):
        coverage.aggregation_members_set(actor=admin, government=county.police, year=2024, members=[])
    with pytest.raises(ValidationError, match="只生成2019年度及以后"):
        coverage.aggregation_members_set(actor=admin, government=county.government, year=2018, members=[])


def test_forged_ids_and_bodies_outside_the_region_are_refused() -> None:
    county, supervisor = setup()
    client = client_for(supervisor)
    other = agency_add(code="NB", name="宁波市某局")
    response = client.post(f"{PAGE}members/", {"members": [other.pk, 999999]})
    assert response.status_code == 400 and not AggregationMember.objects.exists()
    response = client.post(f"{PAGE}covered/", {"agency": other.pk, "covered_by": county.police.pk})
    assert response.status_code == 400 and not CoveredBody.objects.exists()
    assert client.post("/staff/reports/supervision/XS/2024/coverage/covered/NB/remove/").status_code == 404
    assert (
        client.get("/staff/reports/supervision/XS-CZ/2024/coverage/").status_code == 404
    )  # not a government
    assert client.get("/staff/reports/supervision/XS/2018/coverage/").status_code == 404
