"""A yearly-figures file is a few hundred bytes: an upload above the cap (256 KB) is refused with a page
that says the file is too large — never "no file chosen" — and nothing is saved; a request announcing
more than the cap is refused before it is read; a user who may not act for the body is refused before
the upload is read."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gongkai.reports.annual.figures_csv import MAX_BYTES
from gongkai.reports.models import YearlyFigure
from gongkai.reports.tests.annual_workflow_factories import make_cast
from gongkai.workbench.tests.factories import client_for

pytestmark = pytest.mark.django_db
NOW = datetime(2025, 1, 10, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
IMPORT = reverse("annual:figures_import", args=["NB-FGW", 2024])
ROW = b"item20_5.licensing.decisions,1\n"


def csv_of(size: int) -> SimpleUploadedFile:
    rows = b"key,value\n" + ROW * (size // len(ROW) + 1)
    return SimpleUploadedFile("figures.csv", rows, content_type="text/csv")


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("size", [MAX_BYTES + 1024, 11 * 1024 * 1024], ids=["just over", "megabytes"])
def test_a_file_over_the_cap_is_refused_as_too_large(size: int) -> None:
    cast = make_cast()
    response = client_for(cast.staff).post(IMPORT, {"file": csv_of(size)})
    page = response.content.decode()
    assert response.status_code in (400, 413)
    assert f"不超过 {MAX_BYTES // 1024} KB" in page or f"超过 {MAX_BYTES // 1024} KB" in page
    assert "请选择要导入的文件" not in page
    assert not YearlyFigure.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_someone_else_is_refused_whatever_the_file() -> None:
    cast = make_cast()
    response = client_for(cast.supervisor).post(IMPORT, {"file": csv_of(11 * 1024 * 1024)})
    assert response.status_code in (403, 404)
    assert not YearlyFigure.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_the_upload_still_needs_the_csrf_token() -> None:
    cast = make_cast()
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.staff)
    response = client.post(IMPORT, {"file": csv_of(100)})
    assert response.status_code == 403
    assert not YearlyFigure.objects.exists()
