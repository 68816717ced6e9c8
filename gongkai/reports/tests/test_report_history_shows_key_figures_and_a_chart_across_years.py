"""A body's history lists its stored reports by year with the key figures (from the old table as from the
new formats), and draws them across the years as inline SVG made on the server."""

from __future__ import annotations

import pytest

from gongkai.reports.tests.audit_web_factories import (
    as_year,
    client_for,
    cls,
    html,
    make_cast,
    seed_bytes,
    store,
    text_of,
)

pytestmark = pytest.mark.django_db
COLUMNS = [
    "年度",
    "格式",
    "本年新收申请",
    "办理结果总计",
    "结转下年度",
    "行政复议",
    "行政诉讼",
    "予以公开占比",
]


def rows_of(page: object) -> dict[str, dict[str, str]]:
    [table] = page.xpath(f"//table[{cls('history')}]")  # type: ignore[attr-defined]
    header = [text_of(th) for th in table.xpath(".//thead//th")]
    rows = [dict(zip(header, (text_of(td) for td in tr), strict=True)) for tr in table.xpath(".//tbody/tr")]
    return {row["年度"]: row for row in rows}


def test_two_years_of_a_body_with_their_key_figures() -> None:
    cast = make_cast()
    store(cast.staff, cast.cixi, seed_bytes("000"), seed_bytes("002"))
    response = client_for(cast.supervisor).get("/staff/reports/agencies/NB-CX/history/")
    assert response.status_code == 200
    rows = rows_of(html(response))
    assert list(rows) == ["2018", "2023"]
    # 2018, old table: 收到申请数 60, 申请答复数 60, no carried-over row, 同意公开 17 of 60 replies.
    # The format by its name, with its code as a small tag.
    assert [rows["2018"][column] for column in COLUMNS] == [
        "2018",
        "旧统计表（2019年以前） 2008",
        "60",
        "60",
        "—",
        "0",
        "1",
        "28%",
    ]
    # 2023: 一 103, 三（七）103, 四 0, 复议 1, 诉讼 7 + 1, 予以公开 15 of 103.
    assert [rows["2023"][column] for column in COLUMNS] == [
        "2023",
        "国办公开办函〔2021〕30号格式 2021",
        "103",
        "103",
        "0",
        "1",
        "8",
        "15%",
    ]


def test_the_chart_is_inline_svg_with_a_point_per_year_and_figure() -> None:
    cast = make_cast()
    store(cast.staff, cast.cixi, as_year("002", 2022, "2022.txt"), seed_bytes("002"))
    page = html(client_for(cast.staff).get("/staff/reports/agencies/NB-CX/history/"))
    charts = page.xpath("//*[local-name()='svg']")
    assert len(charts) == 2
    counts = charts[0]
    assert [
        text_of(t) for t in counts.xpath(".//*[local-name()='text'][@class='tick'][contains(., '年')]")
    ] == [
        "2022年",
        "2023年",
    ]
    titles = [text_of(t) for t in counts.xpath(".//*[local-name()='circle']/*[local-name()='title']")]
    assert "本年新收申请 2023年：103" in titles
    assert "行政诉讼 2022年：8" in titles
    assert len(counts.xpath(".//*[local-name()='polyline']")) == 5
    assert "予以公开占比 2023年：15%" in [text_of(t) for t in charts[1].xpath(".//*[local-name()='title']")]
    assert not page.xpath("//script[not(@src)]")  # drawn on the server, no script


def test_a_body_without_stored_reports_says_so() -> None:
    cast = make_cast()
    response = client_for(cast.staff).get("/staff/reports/agencies/NB-CX/history/")
    assert response.status_code == 200
    assert "慈溪市人民政府办公室还没有已保存的年度报告。" in response.content.decode()
