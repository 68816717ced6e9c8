"""SQLite has one writer at a time: a submission that still cannot get the lock after the busy timeout is
answered "busy, retry" — a 503 with Retry-After, in Chinese, JSON for the API — never a 500. And a
register import makes everything ready before it takes the lock, then only inserts."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.db import OperationalError, connection
from django.test import Client

from gongkai.api.tests.factories import bearer, make_token
from gongkai.applications import register, services
from gongkai.applications.register import CHUNK
from gongkai.portal.tests.factories import APPLY_FORM
from gongkai.workbench.tests.factories import make_cast

pytestmark = pytest.mark.django_db


def locked(*args: Any, **kwargs: Any) -> Any:
    raise OperationalError("database is locked")


def test_the_online_form_says_busy_and_when_to_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    cast = make_cast()
    monkeypatch.setattr(services, "application_submit_online", locked)
    response = Client(raise_request_exception=False).post(f"/apply/{cast.agency.code}/", APPLY_FORM)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "系统正忙" in response.content.decode() and "重试" in response.content.decode()


def test_the_api_says_busy_in_json(monkeypatch: pytest.MonkeyPatch) -> None:
    cast = make_cast()
    _, raw = make_token(cast.agency)
    monkeypatch.setattr(services, "application_submit_online", locked)
    payload = {
        "applicant_type": "natural_person",
        "applicant_name": "张三",
        "applicant_id_number": "11010519491231002X",
        "phone": "13800138000",
        "description": "某文件",
        "requested_form": "electronic",
        "delivery_method": "email",
    }
    response = Client(raise_request_exception=False).post(
        f"/api/agencies/{cast.agency.code}/applications",
        payload,
        content_type="application/json",
        headers=bearer(raw),
    )
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "系统正忙" in response.json()["detail"]


def test_other_database_errors_stay_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    cast = make_cast()

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise OperationalError("disk I/O error")

    monkeypatch.setattr(services, "application_submit_online", broken)
    response = Client(raise_request_exception=False).post(f"/apply/{cast.agency.code}/", APPLY_FORM)
    assert response.status_code == 500


@pytest.mark.django_db(transaction=True)  # real transactions: the import's own is the only one
def test_an_import_checks_and_computes_everything_before_it_takes_the_lock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cast = make_cast()
    seen: dict[str, list[bool]] = {"deadline": [], "insert": []}
    compute = register.compute_deadline
    insert = register._insert

    def watched_deadline(*args: Any, **kwargs: Any) -> Any:
        seen["deadline"].append(connection.in_atomic_block)
        return compute(*args, **kwargs)

    def watched_insert(*args: Any, **kwargs: Any) -> Any:
        seen["insert"].append(connection.in_atomic_block)
        return insert(*args, **kwargs)

    monkeypatch.setattr(register, "compute_deadline", watched_deadline)
    monkeypatch.setattr(register, "_insert", watched_insert)
    rows = ["受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果"]
    rows += [f"A-{n},自然人,2025-03-{1 + n % 28:02d},网络,某文件,," for n in range(CHUNK + 300)]
    upload = io.BytesIO("\n".join(rows).encode())
    upload.name = "台账.csv"
    assert not connection.in_atomic_block
    result = register.import_register(agency=cast.agency, file=upload, actor=cast.staff)
    assert result.imported == CHUNK + 300  # two chunks: both inserted inside the one transaction
    assert seen["deadline"] and set(seen["deadline"]) == {False}
    assert seen["insert"] and set(seen["insert"]) == {True}
