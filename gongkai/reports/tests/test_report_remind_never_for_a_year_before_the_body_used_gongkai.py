"""`gongkai report remind` reminds a body of its report on last year only when it makes its reports in
Gongkai from that year on (`Agency.reports_from`): a body entered later reported that year before it used
Gongkai, and is not reminded of it."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command

from gongkai.agencies.models import Agency, Membership
from gongkai.agencies.services import agency_add, membership_grant, user_create

pytestmark = pytest.mark.django_db


def body_with_staff(code: str, reports_from: int) -> Agency:
    agency = agency_add(code=code, name=f"象山县{code}局", reports_from=2019)
    Agency.objects.filter(pk=agency.pk).update(reports_from=reports_from)
    user = user_create(username=f"{code}-staff", password="pw-for-tests", email=f"{code}@example.cn")
    membership_grant(user=user, agency=agency, role=Membership.Role.STAFF)
    return agency


def test_only_a_body_reporting_here_that_year_is_reminded(capsys: pytest.CaptureFixture[str]) -> None:
    body_with_staff("OLD", 2019)
    body_with_staff("SINCE", 2024)
    body_with_staff("NEW", 2025)  # entered in 2025: its report on 2024 was made before it used Gongkai
    call_command("report", "remind", "--date", "2025-01-21")
    out = capsys.readouterr().out
    assert "OLD\t" in out and "SINCE\t" in out and "NEW\t" not in out
    assert sorted(message.to for message in mail.outbox) == [["OLD@example.cn"], ["SINCE@example.cn"]]
