"""The annual report's cast and steps for the workflow, figures and page tests.

The cast is the workbench's (`applications.tests.factories.make_cast`): 小王 (wang) staff and 李主任 (li)
head of 宁波市发展和改革委员会 (NB-FGW, a department of 宁波市人民政府 NB); 赵 (zhao) staff of another body;
钱 (qian) of the supervising office. Reports are on 2024, worked on in January 2025 (deadline 31 January).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from gongkai.agencies.models import Agency
from gongkai.appeals.tests.factories import make_application
from gongkai.applications.tests.factories import Cast
from gongkai.applications.tests.factories import make_cast as make_workbench_cast
from gongkai.publications.models import Kind, Publication, Status, Validity
from gongkai.publications.register import normative_register_set
from gongkai.reports.annual import services
from gongkai.reports.models import AnnualReport

__all__ = ["Cast", "files_not_rendered", "make_cast"]

YEAR = 2024
JANUARY = date(2025, 1, 10)  # before the deadline of a department's report on 2024
PROBLEMS = (
    "一是依申请公开答复文书的说理还不够充分，个别答复对不予公开的依据阐述简略。"
    "二是政府信息管理的动态更新不够及时。下一步，本机关将制定答复文书范本，逐件说明法律依据，"
    "并建立主动公开目录的季度核查机制。"
)
# Every figure of table 二 (2021 format), so that no blank_cell warning is left.
FIGURES_2021: dict[str, Any] = {
    "item20_1.regulations.issued": 0,
    "item20_1.regulations.repealed": 0,
    "item20_1.regulations.in_force": 0,
    "item20_1.normative_documents.issued": 3,
    "item20_1.normative_documents.repealed": 1,
    "item20_1.normative_documents.in_force": 12,
    "item20_5.licensing.decisions": 120,
    "item20_6.penalty.decisions": 8,
    "item20_6.coercion.decisions": 0,
    "item20_8.fees.amount_10k_yuan": 0,
}


def make_cast() -> Cast:
    """The workbench's cast, its bodies making their annual reports in Gongkai since 2019."""
    cast = make_workbench_cast()
    Agency.objects.update(reports_from=2019)
    cast.agency.refresh_from_db()
    return cast


def with_applications(cast: Cast, year: int = YEAR) -> None:
    """A few applications received and answered in the year, one still open at its end."""
    for day in (3, 10, 20):
        make_application(cast.agency, received_on=date(year, 3, day), closed_on=date(year, 4, day))
    make_application(cast.agency, received_on=date(year, 12, 20))


def opened(cast: Cast, year: int = YEAR, today: date = JANUARY) -> AnnualReport:
    return services.annual_report_open(actor=cast.staff, agency=cast.agency, year=year, today=today)


def ready(cast: Cast, year: int = YEAR, today: date = JANUARY) -> AnnualReport:
    """An opened report with its figures entered and section 五 written: no error, no warning."""
    services.yearly_figures_save(
        actor=cast.staff, agency=cast.agency, year=year, values=FIGURES_2021, today=today
    )
    report = opened(cast, year, today)
    services.annual_report_edit(actor=cast.staff, report=report, problems=PROBLEMS, today=today)
    report.refresh_from_db()
    return report


def approved(cast: Cast, year: int = YEAR, today: date = JANUARY) -> AnnualReport:
    report = ready(cast, year, today)
    services.annual_report_submit(actor=cast.staff, report=report, acknowledge_warnings=True, today=today)
    services.annual_report_approve(actor=cast.head, report=report, today=today)
    report.refresh_from_db()
    return report


@pytest.fixture
def files_not_rendered(monkeypatch: pytest.MonkeyPatch) -> None:
    """Publishing without rendering the DOCX and PDF (a few seconds each): for tests of what publishing
    and reading versions do with them. The files themselves are tested by the renderers' tests, the
    publishing test (`test_annual_workflow_publishing_freezes_a_version`) and the browser test, which
    render them for real."""
    from gongkai.reports.annual import publication

    monkeypatch.setattr(publication, "report_docx", lambda content: b"PK\x03\x04 " + content.title.encode())
    monkeypatch.setattr(publication, "report_pdf", lambda content: b"%PDF-1.7 " + content.title.encode())


def keep_register(agency: Any) -> None:
    """The body's register of normative documents, complete from 2024: 26 documents in force since 2020,
    4 made in 2024, 2 of 2020 that expired or were repealed in 2024 (the 2021 format's cells: issued 4,
    repealed 2, in force 30); no 规章."""
    items: list[tuple[date, Validity, date | None]] = [(date(2020, 3, 1), Validity.IN_FORCE, None)] * 26
    items += [(date(2024, 4, 1), Validity.IN_FORCE, None)] * 4
    items += [(date(2020, 3, 1), Validity.EXPIRED, date(2024, 6, 30))]
    items += [(date(2020, 3, 1), Validity.REPEALED, date(2024, 9, 1))]
    Publication.objects.bulk_create(
        Publication(
            agency=agency,
            title=f"规范性文件{n}",
            kind=Kind.NORMATIVE,
            made_on=made,
            published_on=made + timedelta(days=5),
            validity=validity,
            validity_changed_on=changed,
            status=Status.PUBLISHED,
        )
        for n, (made, validity, changed) in enumerate(items)
    )
    normative_register_set(agency=agency, complete_from=YEAR, actor=None)
