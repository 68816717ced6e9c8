from __future__ import annotations

from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from gongkai.agencies.services import agency_add
from gongkai.applications.models import (
    ApplicantType,
    Application,
    ApplicationEvent,
    Channel,
    EventKind,
    Result,
    Source,
    Status,
)
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db

HEADER = "受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果"
ROWS = [
    "象自然〔2025〕001,自然人,2025-03-03,网络,某地块的出让合同,2025-03-20,予以公开",
    '象自然〔2025〕002,商业企业,2025-03-04,信函,"某项目环评批复，\n含附件",,',
]


def _write(tmp_path: Path, text: str, bom: bool) -> Path:
    path = tmp_path / "register.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


@pytest.mark.parametrize("bom", [True, False], ids=["with BOM", "without BOM"])
def test_a_utf8_csv_imports_every_row_and_says_how_many(tmp_path: Path, bom: bool) -> None:
    agency = agency_add(code="XS-ZRZY", name="象山县自然资源和规划局")
    path = _write(tmp_path, "\n".join([HEADER, *ROWS]) + "\n", bom)
    out = StringIO()
    call_command("applications", "import", str(path), "--agency", "XS-ZRZY", stdout=out)
    assert "已导入 2 件申请" in out.getvalue()

    closed = Application.objects.get(number="象自然〔2025〕001")
    assert closed.agency == agency
    assert (closed.status, closed.closed_on, closed.result) == (
        Status.CLOSED,
        date(2025, 3, 20),
        Result.DISCLOSED,
    )
    assert (closed.applicant_type, closed.channel) == (ApplicantType.NATURAL_PERSON, Channel.ONLINE)
    assert (closed.source, closed.sequence, closed.sequence_year) == (Source.IMPORT, None, None)

    open_one = Application.objects.get(number="象自然〔2025〕002")
    assert open_one.status == Status.IN_PROGRESS
    assert open_one.description == "某项目环评批复，\n含附件"
    assert open_one.received_on == date(2025, 3, 4)
    assert open_one.due_date is not None
    assert (open_one.closed_on, open_one.result) == (None, "")


def test_each_imported_application_gets_an_imported_event_and_the_import_is_logged(tmp_path: Path) -> None:
    agency_add(code="XS-ZRZY", name="象山县自然资源和规划局")
    path = _write(tmp_path, "\n".join([HEADER, *ROWS]), bom=False)
    call_command("applications", "import", str(path), "--agency", "XS-ZRZY", stdout=StringIO())
    events = ApplicationEvent.objects.filter(kind=EventKind.IMPORTED).order_by("application__number")
    assert [e.application.number for e in events] == ["象自然〔2025〕001", "象自然〔2025〕002"]
    assert events[0].effective_on == date(2025, 3, 3)
    assert events[0].data == {"file": "register.csv", "line": 2}
    assert events[1].data["line"] == 3
    assert events[0].after["result"] == Result.DISCLOSED
    log = AuditLog.objects.get(action="register_import")
    assert log.detail == {"file": "register.csv", "rows": 2, "closed": 1}


def test_blank_lines_are_skipped_and_columns_after_the_seven_are_ignored(tmp_path: Path) -> None:
    agency_add(code="XS-ZRZY", name="象山县自然资源和规划局")
    text = f"{HEADER},状态,答复期限\n\n{ROWS[0]},已办结,2025-03-31\n\n"
    call_command(
        "applications",
        "import",
        str(_write(tmp_path, text, bom=True)),
        "--agency",
        "XS-ZRZY",
        stdout=StringIO(),
    )
    assert Application.objects.count() == 1
