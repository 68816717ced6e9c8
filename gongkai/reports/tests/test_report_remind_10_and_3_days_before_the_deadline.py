"""`gongkai report remind` (for cron, daily) e-mails each body's staff and head when its report on last
year is not yet published, 10 and 3 days before its deadline (a day cron missed is caught up the next
day), never after the deadline, never once the report is published (in Gongkai or elsewhere), never for
a body covered by another; a second run the same day sends nothing; --dry-run neither sends nor claims;
a failed send gives the claim back."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from pytest_django.fixtures import Settings

from gongkai.agencies.models import Agency, Membership
from gongkai.agencies.services import membership_grant, user_create
from gongkai.reports.annual.remind import reminder_due
from gongkai.reports.models import AnnualReport, AnnualReportReminder, CoveredBody
from gongkai.reports.tests.aggregation_factories import (
    County,
    import_report,
    make_county,
    publish,
    zero_cells,
)

pytestmark = pytest.mark.django_db
Role = Membership.Role


def staff(county: County) -> County:
    """E-mail addresses for 财政局's staff and head, and for the county government's staff."""
    for username, agency, role in (
        ("cz-wang", county.finance, Role.STAFF),
        ("cz-li", county.finance, Role.HEAD),
        ("xs-zhao", county.government, Role.STAFF),
    ):
        user = user_create(username=username, password="pw-for-tests", email=f"{username}@example.cn")
        membership_grant(user=user, agency=agency, role=role)
    noreply = user_create(username="cz-supervisor", password="pw-for-tests", email="sup@example.cn")
    membership_grant(user=noreply, agency=county.finance, role=Role.SUPERVISOR)  # not staff: not reminded
    return county


def remind(capsys: pytest.CaptureFixture[str], day: str, *args: str) -> str:
    call_command("report", "remind", "--date", day, *args)
    return capsys.readouterr().out


def recipients() -> list[list[str]]:
    return sorted(message.to for message in mail.outbox)


@pytest.mark.parametrize(("days_left", "due"), [(11, None), (10, 10), (4, 10), (3, 3), (0, 3), (-1, None)])
def test_which_reminder_is_due(days_left: int, due: int | None) -> None:
    assert reminder_due(days_left) == due


def test_ten_and_three_days_before_and_not_in_between(capsys: pytest.CaptureFixture[str]) -> None:
    staff(make_county())
    assert "涉及 0 个机关" in remind(capsys, "2025-01-20")  # 11 days before 31 January
    out = remind(capsys, "2025-01-21")
    assert recipients() == [["cz-li@example.cn"], ["cz-wang@example.cn"]]
    assert (
        "XS-CZ\t象山县财政局\t2024年度报告尚未开始编写，截止 2025-01-31（还有 10 天）\t已发送给 cz-li、cz-wang"
        in out
    )
    assert "XS-GA\t象山县公安局" in out and "无收件人" in out
    assert "XS\t" not in out  # the county government's deadline is 20 February
    message = mail.outbox[0]
    assert (
        message.subject
        == "【年度报告发布提醒】象山县财政局2024年度政府信息公开工作年度报告还有10天截止（1月31日）"
    )
    assert "2025年1月31日" in message.body and "/staff/" in message.body
    assert "涉及 0 个机关" in remind(capsys, "2025-01-22")
    assert len(mail.outbox) == 2
    AnnualReport.objects.create(agency=county_finance(), year=2024, format="2021", state="submitted")
    out = remind(capsys, "2025-01-28")
    assert "已提交审核，截止 2025-01-31（还有 3 天）" in out
    assert len(mail.outbox) == 4
    assert "涉及 0 个机关" in remind(capsys, "2025-01-31")  # the deadline day: the 3-day reminder was sent
    assert "涉及 0 个机关" in remind(capsys, "2025-02-01")  # after the deadline: the dashboard's business


def county_finance() -> Agency:

    return Agency.objects.get(code="XS-CZ")


def test_a_day_cron_missed_is_caught_up_and_the_deadline_day_still_reminds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    staff(make_county())
    remind(capsys, "2025-01-24")  # 7 days before: the 10-day reminder, late
    assert len(mail.outbox) == 2
    out = remind(capsys, "2025-01-31")  # the 3-day reminder, on the day itself
    assert "今天截止" in out and len(mail.outbox) == 4
    assert "今天截止" in mail.outbox[-1].subject
    assert AnnualReportReminder.objects.filter(agency__code="XS-CZ").count() == 2


def test_the_government_is_reminded_before_20_february(capsys: pytest.CaptureFixture[str]) -> None:
    staff(make_county())
    out = remind(capsys, "2025-02-10")
    assert (
        "XS\t象山县人民政府\t2024年度报告尚未开始编写，截止 2025-02-20（还有 10 天）\t已发送给 xs-zhao" in out
    )


def test_no_reminder_once_published_here_or_elsewhere_or_for_a_covered_body(
    capsys: pytest.CaptureFixture[str],
) -> None:
    county = staff(make_county())
    publish(county.finance, 2024, User.objects.get(username="cz-wang"), published_on=date(2025, 1, 15))
    import_report(county.police, 2024, zero_cells())
    CoveredBody.objects.create(agency=county.town, year=2024, covered_by=county.police)
    out = remind(capsys, "2025-01-21")
    assert [line.split("\t")[0] for line in out.splitlines()[:-1]] == ["XS-GA-JJ"]
    assert mail.outbox == []


def test_a_second_run_the_same_day_sends_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    staff(make_county())
    remind(capsys, "2025-01-21")
    out = remind(capsys, "2025-01-21")
    assert len(mail.outbox) == 2
    assert (
        "XS-CZ\t象山县财政局\t2024年度报告尚未开始编写，截止 2025-01-31（还有 10 天）\t今日已发送过，跳过"
        in out
    )
    assert "已发送 0 个，今日已发过 4 个" in out  # 财政局, and the three bodies nobody could be told about
    assert AnnualReportReminder.objects.count() == 4


def test_a_dry_run_neither_sends_nor_claims(capsys: pytest.CaptureFixture[str]) -> None:
    staff(make_county())
    out = remind(capsys, "2025-01-21", "--dry-run")
    assert "将发送给 cz-li、cz-wang" in out and "将发送 1 个" in out
    assert mail.outbox == [] and not AnnualReportReminder.objects.exists()


def test_a_failed_send_gives_the_claim_back(capsys: pytest.CaptureFixture[str], settings: Settings) -> None:
    staff(make_county())
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    out = remind(capsys, "2025-01-21")
    assert "发送失败 1 个" in out and not AnnualReportReminder.objects.filter(agency__code="XS-CZ").exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    remind(capsys, "2025-01-22")
    assert len(mail.outbox) == 2


def test_a_malformed_date_is_a_usage_error() -> None:
    with pytest.raises(CommandError) as raised:
        call_command("report", "remind", "--date", "21/1/2025")
    assert raised.value.returncode == 2
    assert "日期格式应为 YYYY-MM-DD" in str(raised.value)
