"""The workbench report page of a body and year: the deadline, the steps the user may take now, the
findings of the last check with the cells they name highlighted in the tables, the prose (section 六's
fee sentence marked as generated), the full text, and the history of events. Readers who may not act
see it without the steps; the body's years are listed on their own page and on the workbench home."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from gongkai.reports.models import AnnualReport
from gongkai.reports.tests.annual_workflow_factories import make_cast, opened, ready, with_applications
from gongkai.workbench.tests.factories import client_for

pytestmark = pytest.mark.django_db
NOW = datetime(2025, 1, 10, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
URL = reverse("annual:report", args=["NB-FGW", 2024])


@time_machine.travel(NOW, tick=False)
def test_before_opening_staff_see_a_preview_and_the_open_button() -> None:
    cast = make_cast()
    page = client_for(cast.staff).get(URL)
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="open-report"' in html and "距发布截止还有21天" in html  # 31 January (条例第四十九条)
    assert "（一）主动公开情况" in html  # what opening would draft
    assert not AnnualReport.objects.exists()  # looking opens nothing

    response = client_for(cast.staff).post(reverse("annual:open", args=["NB-FGW", 2024]))
    assert response.status_code == 302 and AnnualReport.objects.get().state == "draft"


@time_machine.travel(NOW, tick=False)
def test_a_draft_shows_its_findings_with_the_blank_cells_marked() -> None:
    cast = make_cast()
    with_applications(cast)
    opened(cast, today=NOW.date())  # no figures entered: table 二 blank, section 五 empty
    html = client_for(cast.staff).get(URL).content.decode()
    assert "单元格空白或缺失" in html and "内容空缺" in html
    assert 'data-key="item20_5.licensing.decisions"' in html
    assert "cell-warning" in html  # the blank cells the warning names
    assert 'id="edit-prose"' in html and 'id="enter-figures"' in html
    assert 'id="step-submit"' in html
    assert "本年度未收取政府信息公开信息处理费" in html and "按本机关的收费记录生成" in html
    assert "创建草稿" in html  # the history


@time_machine.travel(NOW, tick=False)
def test_the_steps_shown_follow_the_state_and_the_role() -> None:
    cast = make_cast()
    report = ready(cast, today=NOW.date())
    staff, head = client_for(cast.staff), client_for(cast.head)
    staff.post(reverse("annual:step", args=["NB-FGW", 2024, "submit"]))
    report.refresh_from_db()
    assert report.state == "submitted"
    assert 'id="step-approve"' not in staff.get(URL).content.decode()
    html = head.get(URL).content.decode()
    assert 'id="step-approve"' in html and 'id="step-return"' in html
    supervisor_html = client_for(cast.supervisor).get(URL).content.decode()
    assert "只有查看权限" in supervisor_html and 'id="step-return"' not in supervisor_html


@time_machine.travel(NOW, tick=False)
def test_a_step_refused_by_state_is_shown_on_the_page() -> None:
    cast = make_cast()
    ready(cast, today=NOW.date())
    response = client_for(cast.head).post(reverse("annual:step", args=["NB-FGW", 2024, "approve"]))
    assert response.status_code == 400
    assert "只有已提交审核的报告可以批准" in response.content.decode()


@time_machine.travel(NOW, tick=False)
def test_submitting_with_warnings_needs_the_box_ticked() -> None:
    cast = make_cast()
    opened(cast, today=NOW.date())
    step = reverse("annual:step", args=["NB-FGW", 2024, "submit"])
    response = client_for(cast.staff).post(step)
    assert response.status_code == 400 and "请逐项核实" in response.content.decode()
    response = client_for(cast.staff).post(step, {"submit-acknowledge_warnings": "on"})
    assert response.status_code == 302
    assert AnnualReport.objects.get().state == "submitted"


@time_machine.travel(NOW, tick=False)
def test_the_years_page_and_the_home_list_the_bodys_reports() -> None:
    cast = make_cast()
    opened(cast, today=NOW.date())
    html = client_for(cast.staff).get(reverse("annual:years", args=["NB-FGW"])).content.decode()
    assert 'id="year-2025"' in html and 'id="year-2024"' in html and 'id="year-2019"' in html
    assert "草稿（年度未结束）" not in html.split('id="year-2024"')[1].split("</tr>")[0]
    home = client_for(cast.staff).get(reverse("workbench:home")).content.decode()
    assert "2024年度报告" in home and "距发布截止还有21天" in home


@time_machine.travel(NOW, tick=False)
def test_the_draft_downloads_as_a_docx_marked_as_a_draft() -> None:
    import io
    from urllib.parse import quote

    from docx import Document

    cast = make_cast()
    opened(cast, today=NOW.date())
    response = client_for(cast.supervisor).get(reverse("annual:draft_file", args=["NB-FGW", 2024, "docx"]))
    assert response.status_code == 200
    assert quote("（草稿）.docx") in response["Content-Disposition"]
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "草稿" in text and "一、总体情况" in text
    assert (
        client_for(cast.outsider).get(reverse("annual:draft_file", args=["NB-FGW", 2024, "pdf"])).status_code
        == 404
    )
    assert (
        client_for(cast.staff).get(reverse("annual:draft_file", args=["NB-FGW", 2024, "exe"])).status_code
        == 404
    )


@time_machine.travel(NOW, tick=False)
def test_a_governments_report_page_links_to_what_it_sums() -> None:
    from gongkai.applications.tests.factories import make_agency, make_user

    county = make_agency("XS", "象山县人民政府", kind="government")
    staff = make_user("xs", county, "staff")
    from gongkai.reports.annual import services

    services.annual_report_open(actor=staff, agency=county, year=2024)
    html = client_for(staff).get(reverse("annual:report", args=["XS", 2024])).content.decode()
    assert reverse("reports:annual_coverage", args=["XS", 2024]) in html
