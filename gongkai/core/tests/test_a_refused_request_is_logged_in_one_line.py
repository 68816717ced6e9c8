"""A refused request (403) is logged in one line with its reason — no traceback that makes an expected
refusal look like a crash; a real error still has its traceback."""

from __future__ import annotations

import logging

import pytest

from gongkai.core.logs import OneLineRefusals
from gongkai.workbench.tests.factories import client_for, make_cast

pytestmark = pytest.mark.django_db


def test_a_403_is_one_line_with_its_reason(caplog: pytest.LogCaptureFixture) -> None:
    cast = make_cast()
    caplog.handler.addFilter(OneLineRefusals())
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client_for(cast.outsider).get("/staff/agencies/NB-FGW/applications/").status_code == 403
    [record] = [r for r in caplog.records if r.name == "django.request"]
    line = caplog.handler.format(record)
    assert "\n" not in line and "Traceback" not in line
    assert "/staff/agencies/NB-FGW/applications/" in line and "无权查看宁波市发展和改革委员会" in line


def test_a_real_error_keeps_its_traceback() -> None:
    error = RuntimeError("boom")
    record = logging.LogRecord(
        "django.request",
        logging.ERROR,
        "",
        0,
        "Internal Server Error: %s",
        ("/x",),
        (RuntimeError, error, None),
    )
    record.status_code = 500
    assert OneLineRefusals().filter(record) and record.exc_info is not None
