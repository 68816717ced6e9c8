"""A NUL character (\\x00, %00, \\u0000) anywhere in a request is refused with a 400 and a clear message —
on PostgreSQL, which stores no NUL, it used to end as a 500 deep in a query: the public status API, a
body's code in a URL, a staff page's filter, a cookie, a form; a register whose cells hold NUL is
rejected row by row."""

from __future__ import annotations

import io
import json
from urllib.parse import urlencode

import pytest
from django.test import Client

from gongkai.applications.models import Application
from gongkai.applications.register import RegisterRejected, import_register
from gongkai.portal.tests.factories import APPLY_FORM
from gongkai.workbench.tests.factories import client_for, make_cast

pytestmark = pytest.mark.django_db

MESSAGE = "请求中含有空字符"


def test_the_status_api_refuses_nul_in_json_with_a_json_400() -> None:
    make_cast()
    for body in (
        json.dumps({"number": "2025-0001\u0000", "query_code": "ABCDEFGH2345"}),
        '{"number": "2025-0001\x00", "query_code": "ABCDEFGH2345"}',
    ):
        response = Client().post("/api/status", body, content_type="application/json")
        assert response.status_code == 400
        assert MESSAGE in response.json()["detail"]
    # An escaped backslash followed by "u0000" is text, not NUL: looked up as usual.
    text = json.dumps({"number": "2025\\u0000", "query_code": "ABCDEFGH2345"})
    assert Client().post("/api/status", text, content_type="application/json").status_code == 404


def test_a_body_code_with_nul_in_a_public_or_staff_url_is_a_400() -> None:
    cast = make_cast()
    assert Client().get("/apply/X%00/").status_code == 400
    page = Client().get("/apply/NB-FGW%00/").content.decode()
    assert MESSAGE in page
    staff = client_for(cast.staff)
    assert staff.get("/staff/agencies/NB-FGW%00/applications/").status_code == 400
    assert staff.get("/staff/agencies/NB-FGW/applications/?q=%00abc").status_code == 400
    assert staff.get("/staff/reports/agencies/NB%00/history/").status_code == 400


def test_nul_in_a_cookie_or_a_form_is_a_400_and_saves_nothing() -> None:
    cast = make_cast()
    client = Client()
    client.cookies["sessionid"] = "abc\x00def0123456789"
    assert client.get("/status/").status_code == 400
    form = urlencode({**APPLY_FORM, "description": "某文件\x00"})  # as a browser posts the form
    response = Client().post(
        f"/apply/{cast.agency.code}/", form, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400 and MESSAGE in response.content.decode()
    # Sent as multipart, the form's own check refuses it.
    response = Client().post(f"/apply/{cast.agency.code}/", {**APPLY_FORM, "description": "某文件\x00"})
    assert "空字符" in response.content.decode()
    assert not Application.objects.exists()


def test_a_register_with_nul_in_a_cell_is_rejected_row_by_row() -> None:
    cast = make_cast()
    text = "受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果\nA-1,自然人,2025-03-03,网络,某\x00文件,,\n"
    upload = io.BytesIO(text.encode())
    upload.name = "台账.csv"
    with pytest.raises(RegisterRejected) as rejected:
        import_register(agency=cast.agency, file=upload, actor=cast.staff)
    assert [str(error) for error in rejected.value.row_errors] == [
        "第 2 行：含有空字符（NUL），文件可能已损坏"
    ]
    assert not Application.objects.exists()
