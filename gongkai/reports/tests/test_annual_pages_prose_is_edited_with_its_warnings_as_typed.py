"""The edit page: 一, 五 (and a government's 工作考核、社会评议和责任追究结果情况) and 六 beneath the fee
sentence; the warnings on the prose follow the text as it is typed (htmx asks the check page, which saves
nothing); an oversized section gets a Chinese error and nothing is saved; "re-draft from the figures"
replaces the overview; a report not in draft — a published one above all — cannot be edited, and the
attempt is logged."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from gongkai.core.models import AuditLog
from gongkai.reports.annual import services
from gongkai.reports.tests.annual_workflow_factories import (
    PROBLEMS,
    make_cast,
    opened,
    ready,
    with_applications,
)
from gongkai.workbench.tests.factories import client_for

pytestmark = pytest.mark.django_db
NOW = datetime(2025, 1, 10, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
EDIT = reverse("annual:edit", args=["NB-FGW", 2024])
CHECK = reverse("annual:edit_check", args=["NB-FGW", 2024])


@time_machine.travel(NOW, tick=False)
def test_the_edit_page_shows_the_sections_and_the_fee_sentence() -> None:
    cast = make_cast()
    opened(cast, today=NOW.date())
    html = client_for(cast.staff).get(EDIT).content.decode()
    assert 'name="overview"' in html and 'name="problems"' in html and 'name="other_matters"' in html
    assert 'name="assessment"' not in html  # a department's report
    assert "本年度未收取政府信息公开信息处理费" in html
    assert f'hx-post="{CHECK}"' in html
    assert "内容空缺" in html  # section 五 empty, shown before any typing


@time_machine.travel(NOW, tick=False)
def test_the_live_check_follows_the_text_and_saves_nothing() -> None:
    cast = make_cast()
    with_applications(cast)
    report = opened(cast, today=NOW.date())
    client = client_for(cast.staff)
    html = client.post(CHECK, {"overview": report.overview, "problems": "无"}).content.decode()
    assert "内容空缺" in html and "没有实际内容" in html
    wrong = report.overview.replace("新收政府信息公开申请4件", "新收政府信息公开申请99件")
    html = client.post(CHECK, {"overview": wrong, "problems": PROBLEMS}).content.decode()
    assert "正文与统计表不一致" in html and "内容空缺" not in html
    html = client.post(CHECK, {"overview": "长" * 1200, "problems": PROBLEMS}).content.decode()
    assert "总体情况篇幅" in html
    report.refresh_from_db()
    assert report.problems == ""


@time_machine.travel(NOW, tick=False)
def test_saving_records_the_change_and_an_oversized_section_is_refused() -> None:
    cast = make_cast()
    report = opened(cast, today=NOW.date())
    client = client_for(cast.staff)
    response = client.post(
        EDIT, {"overview": report.overview, "problems": "很" * 10_001, "other_matters": ""}
    )
    assert response.status_code == 400
    assert "存在的主要问题及改进情况不能超过10000字（现有10001字）" in response.content.decode()
    report.refresh_from_db()
    assert report.problems == ""
    response = client.post(EDIT, {"overview": report.overview, "problems": PROBLEMS, "other_matters": ""})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.problems == PROBLEMS
    assert report.events.filter(kind="edited").count() == 1


@time_machine.travel(NOW, tick=False)
def test_redraft_replaces_the_overview_from_the_figures() -> None:
    cast = make_cast()
    report = opened(cast, today=NOW.date())
    services.annual_report_edit(actor=cast.staff, report=report, overview="自己写的。")
    response = client_for(cast.staff).post(reverse("annual:redraft", args=["NB-FGW", 2024]))
    assert response.status_code == 302 and response["Location"] == EDIT
    report.refresh_from_db()
    assert report.overview.startswith("（一）主动公开情况")


@time_machine.travel(NOW, tick=False)
def test_a_government_has_the_assessment_field_and_its_warning() -> None:
    from gongkai.applications.tests.factories import make_agency, make_user

    county = make_agency("XS", "象山县人民政府", kind="government")
    staff = make_user("xs", county, "staff")
    services.annual_report_open(actor=staff, agency=county, year=2024)
    html = client_for(staff).get(reverse("annual:edit", args=["XS", 2024])).content.decode()
    assert 'name="assessment"' in html
    assert "工作考核、社会评议和责任追究结果情况（条例第五十条），尚未填写" in html


@time_machine.travel(NOW, tick=False)
def test_a_submitted_report_cannot_be_edited_and_the_attempt_is_logged() -> None:
    cast = make_cast()
    report = ready(cast, today=NOW.date())
    services.annual_report_submit(actor=cast.staff, report=report)
    client = client_for(cast.staff)
    response = client.get(EDIT, follow=True)
    assert "已提交审核，不能修改" in response.content.decode()
    response = client.post(EDIT, {"overview": "改", "problems": "改", "other_matters": ""})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.overview != "改"
    assert AuditLog.objects.filter(action="annual_report_edit", outcome="refused").count() == 2


@time_machine.travel(NOW, tick=False)
def test_a_supervisor_reads_the_report_but_cannot_edit_it() -> None:
    cast = make_cast()
    opened(cast, today=NOW.date())
    client = client_for(cast.supervisor)
    assert client.get(reverse("annual:report", args=["NB-FGW", 2024])).status_code == 200
    assert client.get(EDIT).status_code == 403
    assert client.post(reverse("annual:open", args=["NB-FGW", 2024])).status_code == 403
    assert AuditLog.objects.filter(
        action="annual_report_edit", outcome="refused", actor=cast.supervisor
    ).exists()
