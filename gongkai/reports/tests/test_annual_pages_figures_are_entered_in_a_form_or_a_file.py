"""The figures page: a field for every figure of the year's format with the template's labels and units;
a bad field gets its own Chinese error and nothing is saved; the CSV upload saves every row or none and
lists each bad row with its line; the download is the file the import reads; computed figures are
read-only; a report past draft cannot have its figures changed."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.core.models import AuditLog
from gongkai.reports.annual import figures as figures_module
from gongkai.reports.annual import services
from gongkai.reports.annual.figures import figure_keys
from gongkai.reports.annual_forms import field_name
from gongkai.reports.models import YearlyFigure
from gongkai.reports.tests.annual_workflow_factories import make_cast, ready
from gongkai.workbench.tests.factories import client_for

pytestmark = pytest.mark.django_db
NOW = datetime(2025, 1, 10, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
FIGURES = reverse("annual:figures", args=["NB-FGW", 2024])
IMPORT = reverse("annual:figures_import", args=["NB-FGW", 2024])
EXPORT = reverse("annual:figures_export", args=["NB-FGW", 2024])


def form_data(**values: str) -> dict[str, Any]:
    data = {field_name(key): "" for key in figure_keys("2021")}
    data.update({field_name(key.replace("__", ".")): value for key, value in values.items()})
    return data


@time_machine.travel(NOW, tick=False)
def test_the_form_has_every_figure_with_its_label_and_unit() -> None:
    cast = make_cast()
    html = client_for(cast.staff).get(FIGURES).content.decode()
    for key in figure_keys("2021"):
        assert f'name="{field_name(key)}"' in html
    assert "第二十条第（五）项" in html and "本年处理决定数量" in html and "行政许可" in html
    assert "万元" in html and "件" in html
    html_2019 = client_for(cast.staff).get(reverse("annual:figures", args=["NB-FGW", 2020])).content.decode()
    assert "政府集中采购" in html_2019 and "本年增/减" in html_2019


@time_machine.travel(NOW, tick=False)
def test_bad_fields_get_their_own_errors_and_nothing_is_saved() -> None:
    cast = make_cast()
    data = form_data(
        item20_5__licensing__decisions="120",
        item20_6__penalty__decisions="八",
        item20_8__fees__amount_10k_yuan="1.123456",
        item20_6__coercion__decisions="9" * 40,
    )
    response = client_for(cast.staff).post(FIGURES, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "“八”不是数字" in html and "最多保留4位小数" in html and "过长" in html
    assert not YearlyFigure.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_good_figures_are_saved_and_empty_ones_stay_blank() -> None:
    cast = make_cast()
    data = form_data(item20_5__licensing__decisions="1,200", item20_8__fees__amount_10k_yuan="0.5")
    response = client_for(cast.staff).post(FIGURES, data)
    assert response.status_code == 302
    assert dict(YearlyFigure.objects.values_list("key", "value")) == {
        "item20_5.licensing.decisions": Decimal(1200),
        "item20_8.fees.amount_10k_yuan": Decimal("0.5"),
    }


@time_machine.travel(NOW, tick=False)
def test_an_uploaded_file_with_bad_rows_saves_nothing_and_lists_them() -> None:
    cast = make_cast()
    bad = b"\xef\xbb\xbfkey,value\nitem20_5.licensing.decisions,1\nitem20_5.licensing.decisions,2\nfoo,1\n"
    response = client_for(cast.staff).post(IMPORT, {"file": SimpleUploadedFile("f.csv", bad, "text/csv")})
    html = response.content.decode()
    assert response.status_code == 400
    assert "文件中有 2 行有误" in html and "第 3 行" in html and "第 4 行" in html
    assert not YearlyFigure.objects.exists()
    good = b"key,value\nitem20_5.licensing.decisions,7\n"
    response = client_for(cast.staff).post(IMPORT, {"file": SimpleUploadedFile("f.csv", good, "text/csv")})
    assert response.status_code == 302
    assert YearlyFigure.objects.get().value == 7


@time_machine.travel(NOW, tick=False)
def test_the_download_is_the_file_the_import_reads() -> None:
    cast = make_cast()
    services.yearly_figures_save(
        actor=cast.staff, agency=cast.agency, year=2024, values={"item20_5.licensing.decisions": 3}
    )
    response = client_for(cast.supervisor).get(EXPORT)  # a reader may download
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbfkey,value\r\n")
    assert b"item20_5.licensing.decisions,3\r\n" in response.content
    again = client_for(cast.staff).post(
        IMPORT, {"file": SimpleUploadedFile("again.csv", response.content, "text/csv")}, follow=True
    )
    assert "其中 0 项有变化" in again.content.decode()


@time_machine.travel(NOW, tick=False)
def test_computed_figures_are_shown_read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    cast = make_cast()
    monkeypatch.setattr(
        figures_module,
        "_normative_document_provider",
        lambda: lambda a, y, f: {"item20_1.normative_documents.in_force": 30},
    )
    html = client_for(cast.staff).get(FIGURES).content.decode()
    field = html.split(f'name="{field_name("item20_1.normative_documents.in_force")}"')[1].split(">")[0]
    assert "disabled" in field and 'value="30"' in field
    data = form_data(item20_1__normative_documents__in_force="99", item20_5__licensing__decisions="1")
    assert client_for(cast.staff).post(FIGURES, data).status_code == 302
    assert dict(YearlyFigure.objects.values_list("key", "value")) == {"item20_5.licensing.decisions": 1}


@time_machine.travel(NOW, tick=False)
def test_figures_of_a_submitted_report_cannot_be_changed() -> None:
    cast = make_cast()
    report = ready(cast, today=NOW.date())
    services.annual_report_submit(actor=cast.staff, report=report)
    html = client_for(cast.staff).get(FIGURES).content.decode()
    assert "年度数据不能修改" in html and 'id="save-figures"' not in html
    response = client_for(cast.staff).post(FIGURES, form_data(item20_5__licensing__decisions="1"))
    assert response.status_code == 400 and "不能修改年度数据" in response.content.decode()
    assert YearlyFigure.objects.get(key="item20_5.licensing.decisions").value == 120
    assert AuditLog.objects.filter(action="yearly_figures_save", outcome="refused").exists()


@time_machine.travel(NOW, tick=False)
def test_a_2019_format_change_may_be_negative_but_a_count_may_not() -> None:
    cast = make_cast()
    url = reverse("annual:figures", args=["NB-FGW", 2020])
    data = {field_name(key): "" for key in figure_keys("2019")}
    data[field_name("item20_5.licensing.change")] = "-3"
    data[field_name("item20_5.licensing.prev_year_items")] = "-1"
    response = client_for(cast.staff).post(url, data)
    assert response.status_code == 400 and "不能为负数" in response.content.decode()
    assert "减少填负数" in response.content.decode()
    data[field_name("item20_5.licensing.prev_year_items")] = "40"
    assert client_for(cast.staff).post(url, data).status_code == 302
    assert YearlyFigure.objects.get(key="item20_5.licensing.change").value == -3
