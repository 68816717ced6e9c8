from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

from gongkai.agencies.services import agency_add
from gongkai.applications.selectors import applications_queue

pytestmark = pytest.mark.django_db

REGISTER = (
    "受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果\n"
    "象自然〔2025〕001,自然人,2025-03-03,网络,某地块的出让合同,2025-03-20,予以公开\n"
    "象自然〔2025〕002,商业企业,2025-03-04,信函,某项目环评批复,,\n"
)


def _numbers(agency: object, q: str) -> list[str]:
    return [a.number for a in applications_queue([agency], q=q)]  # type: ignore[list-item]


def test_imported_applications_are_found_by_their_number_and_description(tmp_path: Path) -> None:
    agency = agency_add(code="XS-ZRZY", name="象山县自然资源和规划局")
    path = tmp_path / "register.csv"
    path.write_text(REGISTER, encoding="utf-8")
    call_command("applications", "import", str(path), "--agency", "XS-ZRZY")

    assert _numbers(agency, "出让合同") == ["象自然〔2025〕001"]
    assert _numbers(agency, "环评") == ["象自然〔2025〕002"]
    # The number in another kind of brackets is the same number (N(s) of the search).
    assert _numbers(agency, "象自然[2025]002") == ["象自然〔2025〕002"]
    assert _numbers(agency, "出让 环评") == []
