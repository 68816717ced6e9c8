"""The demo's annual reports (年度报告) on the year just ended, so that each user meets the feature:

- 宁波市自然资源和规划局 (NB-ZRZY): published on time in January, with its DOCX and PDF, from a year of
  applications received and answered in that year and the yearly figures of table 二;
- 象山县自然资源和规划局 (XS-ZRZY): written and submitted by `xs-staff`, awaiting `xs-head`'s approval;
- 象山县市场监督管理局 (XS-SCJG): a draft whose yearly figures were imported from the command line;
- 象山县人民政府 (XS): the county's aggregated report, summing its office, departments and townships (with a
  table per body), published by the county government's office after the deadline of 20 February;
- 象山县丹西街道办事处 (XS-DX): covered by the county government's report;
- 宁波市住房和城乡建设局 (NB-ZJJ): publishes on its own site; the supervising office imported that report;
- 象山县石浦镇人民政府 (XS-SP): its figures imported, nothing more; 宁波市人民政府办公厅 (NB-BGT): nothing at all;
  both overdue once 31 January has passed.

Every step goes through the annual report's services, as the users would take it, dated as they would
have been (publication days no later than today). Two reports are published, so two PDFs are rendered:
the rest of the demo costs less than those.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.contrib.auth.models import User

from gongkai.agencies.models import Agency
from gongkai.reports.annual import coverage
from gongkai.reports.annual.content import build_content
from gongkai.reports.annual.figures import computed_figure_keys, figure_keys
from gongkai.reports.annual.services import (
    annual_report_approve,
    annual_report_edit,
    annual_report_open,
    annual_report_publish,
    annual_report_submit,
    yearly_figures_save,
)
from gongkai.reports.annual.text import report_text
from gongkai.reports.models import AnnualReport
from gongkai.reports.services import published_reports_upload

# Table 二's figures kept in other systems (2021 format), as a bureau would enter them.
FIGURES: dict[str, dict[str, int | Decimal]] = {
    "NB-ZRZY": {
        "item20_1.regulations.issued": 0,
        "item20_1.regulations.repealed": 0,
        "item20_1.regulations.in_force": 3,
        "item20_1.normative_documents.issued": 5,
        "item20_1.normative_documents.repealed": 2,
        "item20_1.normative_documents.in_force": 31,
        "item20_5.licensing.decisions": 1268,
        "item20_6.penalty.decisions": 214,
        "item20_6.coercion.decisions": 9,
        "item20_8.fees.amount_10k_yuan": Decimal("0"),
    },
    "XS-ZRZY": {
        "item20_5.licensing.decisions": 842,
        "item20_6.penalty.decisions": 96,
        "item20_6.coercion.decisions": 4,
        "item20_8.fees.amount_10k_yuan": Decimal("12.5600"),
    },
    "XS-SCJG": {
        "item20_1.regulations.issued": 0,
        "item20_1.regulations.repealed": 0,
        "item20_1.regulations.in_force": 0,
        "item20_1.normative_documents.issued": 2,
        "item20_1.normative_documents.repealed": 1,
        "item20_1.normative_documents.in_force": 11,
        "item20_5.licensing.decisions": 3105,
        "item20_6.penalty.decisions": 377,
        "item20_6.coercion.decisions": 41,
        "item20_8.fees.amount_10k_yuan": Decimal("0"),
    },
    "XS-SP": {
        "item20_1.regulations.issued": 0,
        "item20_1.regulations.repealed": 0,
        "item20_1.regulations.in_force": 0,
        "item20_1.normative_documents.issued": 1,
        "item20_1.normative_documents.repealed": 0,
        "item20_1.normative_documents.in_force": 4,
        "item20_5.licensing.decisions": 57,
        "item20_6.penalty.decisions": 12,
        "item20_6.coercion.decisions": 0,
        "item20_8.fees.amount_10k_yuan": Decimal("0"),
    },
    "NB-ZJJ": {
        "item20_1.regulations.issued": 0,
        "item20_1.regulations.repealed": 0,
        "item20_1.regulations.in_force": 2,
        "item20_1.normative_documents.issued": 7,
        "item20_1.normative_documents.repealed": 3,
        "item20_1.normative_documents.in_force": 26,
        "item20_5.licensing.decisions": 2210,
        "item20_6.penalty.decisions": 158,
        "item20_6.coercion.decisions": 6,
        "item20_8.fees.amount_10k_yuan": Decimal("0"),
    },
    "XS": {
        "item20_1.regulations.issued": 0,
        "item20_1.regulations.repealed": 0,
        "item20_1.regulations.in_force": 0,
        "item20_1.normative_documents.issued": 6,
        "item20_1.normative_documents.repealed": 3,
        "item20_1.normative_documents.in_force": 48,
        "item20_5.licensing.decisions": 0,
        "item20_6.penalty.decisions": 0,
        "item20_6.coercion.decisions": 0,
        "item20_8.fees.amount_10k_yuan": Decimal("0"),
    },
}
PROBLEMS = {
    "NB-ZRZY": (
        "一是依申请公开答复的说理还不够充分，个别答复对不予公开的理由阐述较为简单；二是主动公开信息的分类"
        "还不够细。下一步，我局将加强答复文书的审核，逐件说明法律依据和理由，并按照国土空间规划、"
        "自然资源确权登记等事项细化主动公开目录。"
    ),
    "XS-ZRZY": (
        "一是部分征地信息公开的时效性不强；二是工作人员对《条例》的理解还不够深入。下一步，我局将建立"
        "征地信息公开台账，按月更新，并组织开展专题培训。"
    ),
    "XS": (
        "一是部分乡镇（街道）政府信息公开专栏更新不及时；二是依申请公开办理质量有待提升。下一步，"
        "县政府办公室将加强对各乡镇（街道）和部门的指导，开展季度检查并通报结果。"
    ),
}
ASSESSMENT = (
    "县政府将政府信息公开工作纳入年度综合考核，对各部门和乡镇（街道）的公开专栏开展季度检查，"
    "年内未发生因政府信息公开工作不到位被追究责任的情况。"
)


def _enter_figures(actor: User | None, agency: Agency, year: int, source: str) -> AnnualReport:
    """The body's table 二 for the year, as staff enter it (the keys computed from records left out)."""
    computed = computed_figure_keys(agency, year)
    wanted = set(figure_keys("2021"))
    values = {
        key: value for key, value in FIGURES[agency.code].items() if key in wanted and key not in computed
    }
    return yearly_figures_save(actor=actor, agency=agency, year=year, values=values, source=source).report


def _publish(staff: User, head: User, agency: Agency, year: int, on: date) -> None:
    report = _enter_figures(staff, agency, year, "网页填报")
    annual_report_edit(
        actor=staff,
        report=report,
        problems=PROBLEMS[agency.code],
        assessment=ASSESSMENT if agency.kind == Agency.Kind.GOVERNMENT else None,
        today=on,
    )
    annual_report_submit(actor=staff, report=report, acknowledge_warnings=True, today=on)
    annual_report_approve(actor=head, report=report, note="同意发布。", today=on)
    annual_report_publish(actor=staff, report=report, today=on)


def _external_report(agency: Agency, year: int) -> bytes:
    """The body's report as published on its own site: the text Gongkai would make from its records."""
    content = build_content(agency, year, today=date(year + 1, 1, 25))
    content.cells.update(FIGURES[agency.code])
    content.state = AnnualReport.State.PUBLISHED
    return report_text(content).encode("utf-8")


def load_demo_reports(users: dict[str, User], today: date) -> None:
    """The reports on the year just ended, in the states listed above."""
    year = today.year - 1
    # The demo's records go back into the year just ended: its bodies make their reports in Gongkai
    # from that year on (the years before it are shown as not made here, never as overdue).
    Agency.objects.filter(reports_from__gt=year).update(reports_from=year)
    bodies = {agency.code: agency for agency in Agency.objects.all()}

    # Published on time, 20 January (or today, early in January).
    _publish(users["nb-staff"], users["nb-head"], bodies["NB-ZRZY"], year, min(today, date(year + 1, 1, 20)))

    # Written and submitted on 26 January; awaiting the head.
    staff, submitted_on = users["xs-staff"], min(today, date(year + 1, 1, 26))
    report = _enter_figures(staff, bodies["XS-ZRZY"], year, "网页填报")
    annual_report_edit(actor=staff, report=report, problems=PROBLEMS["XS-ZRZY"], today=submitted_on)
    annual_report_submit(actor=staff, report=report, acknowledge_warnings=True, today=submitted_on)

    # Drafts: figures imported from the command line (`gongkai report figures import`), no prose yet.
    _enter_figures(None, bodies["XS-SCJG"], year, "命令行导入")
    _enter_figures(None, bodies["XS-SP"], year, "命令行导入")

    # Covered by the county government's report, as its supervising office set it.
    coverage.covered_body_set(
        actor=users["supervisor"], agency=bodies["XS-DX"], year=year, covered_by=bodies["XS"]
    )

    # Published on the body's own site; the supervising office imported it.
    name = f"{bodies['NB-ZJJ'].name}{year}年政府信息公开工作年度报告.txt"
    published_reports_upload(
        actor=users["supervisor"],
        agency=bodies["NB-ZJJ"],
        files=[(name, _external_report(bodies["NB-ZJJ"], year))],
    )

    # The county's aggregated report, published four days after its deadline of 20 February.
    government = bodies["XS"]
    annual_report_open(actor=users["xs-gov-staff"], agency=government, year=year, today=today)
    _publish(users["xs-gov-staff"], users["xs-gov-head"], government, year, min(today, date(year + 1, 2, 24)))
