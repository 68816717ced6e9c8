"""A report covers the whole year (统计期限至12月31日): before the year ends `report build` makes one only
when asked for a draft (--draft), marked as such in every output; a year still to come likewise; a year
given in two digits is a usage error."""

from __future__ import annotations

import json
from datetime import datetime
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.appeals.tests.factories import make_agency
from gongkai.reports.tests.annual_render_factories import docx_document

pytestmark = pytest.mark.django_db
JUNE_2024 = datetime(2024, 6, 15, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def build(*args: str) -> str:
    out = StringIO()
    call_command("report", "build", "--agency", "XS-ZRZY", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@time_machine.travel(JUNE_2024, tick=False)
@pytest.mark.parametrize("year", ["2024", "2025"])
def test_without_draft_a_year_not_ended_is_refused(year: str) -> None:
    make_agency()
    with pytest.raises(CommandError) as raised:
        build("--year", year)
    assert raised.value.returncode == 1
    assert "只能生成草稿" in str(raised.value) and "--draft" in str(raised.value)


@time_machine.travel(JUNE_2024, tick=False)
def test_with_draft_it_is_built_and_marked_as_a_draft(tmp_path: Path) -> None:
    make_agency()
    report = json.loads(build("--year", "2024", "--draft"))
    assert report["draft"] is True and report["state"] == "draft" and report["year_ended"] is False
    target = tmp_path / "draft.docx"
    build("--year", "2024", "--draft", "--to", "docx", "-o", str(target))
    document = docx_document(target.read_bytes())
    assert document.paragraphs[0].text == "草稿（未发布）"
    assert document.paragraphs[1].text.startswith("2024年度尚未结束，本草稿于2024年6月15日生成")
    headers = (
        "".join(document.sections[0].header._element.itertext()) + document.sections[0].header._element.xml
    )
    assert 'string="草稿"' in headers  # the watermark behind every page


@time_machine.travel(JUNE_2024, tick=False)
def test_the_year_just_ended_needs_no_draft_flag() -> None:
    make_agency()
    assert json.loads(build("--year", "2023"))["year_ended"] is True


@pytest.mark.parametrize("year", ["25", "2O23", "20233"])
def test_a_year_not_in_four_digits_is_a_usage_error(year: str) -> None:
    make_agency()
    with pytest.raises(CommandError) as raised:
        build("--year", year)
    assert raised.value.returncode == 2
    assert "四位数字" in str(raised.value)
