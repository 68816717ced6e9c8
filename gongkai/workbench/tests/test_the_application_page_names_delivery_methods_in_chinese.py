from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications import services
from gongkai.applications.models import EventKind
from gongkai.workbench.tests.factories import client_for, make_cast, register

pytestmark = pytest.mark.django_db


def test_a_recorded_delivery_shows_its_method_in_chinese() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3))
    services.application_request_correction(
        actor=cast.staff,
        application=application,
        notified_on=date(2025, 3, 4),
        items="请写明文号",
        period_workdays=10,
    )
    notice = application.events.get(kind=EventKind.CORRECTION_REQUESTED)
    services.application_record_delivery(
        actor=cast.staff,
        application=application,
        notice_event_id=notice.pk,
        method="in_person",
        delivered_on=date(2025, 3, 4),
        proof="申请人签收",
    )
    page = client_for(cast.staff).get(f"/staff/applications/{application.pk}/").content.decode()
    assert "直接送达：申请人签收" in page
    assert "in_person：" not in page
