"""The reply quotes the request without its own closing stop ("…方案。”。" doubled it), and the notices
are listed by their titles (答复书, not the step 签发答复); after a correction the page shows the request as
first made beside the corrected one."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications import services
from gongkai.applications.notices import notice_for_event
from gongkai.workbench.tests.factories import client_for, make_cast, register

pytestmark = pytest.mark.django_db


def test_the_quoted_request_ends_once() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3), description="某村征地补偿安置方案。")
    services.application_draft_reply(actor=cast.staff, application=application, result="disclosed")
    event = services.application_sign_reply(
        actor=cast.head, application=application, replied_on=date(2025, 3, 20)
    )
    text = "".join(notice_for_event(event).body)
    assert "申请获取“某村征地补偿安置方案”。" in text and "。”。" not in text
    page = client_for(cast.staff).get(f"/staff/applications/{application.pk}/").content.decode()
    assert "政府信息公开申请答复书" in page and "<td>签发答复</td>" not in page


def test_the_request_as_first_made_is_shown_beside_the_corrected_one() -> None:
    cast = make_cast()
    application = register(cast, date(2025, 3, 3), description="那个文件")
    services.application_request_correction(
        actor=cast.staff,
        application=application,
        notified_on=date(2025, 3, 4),
        items="请写明文号",
        period_workdays=10,
    )
    services.application_receive_correction(
        actor=cast.staff,
        application=application,
        received_on=date(2025, 3, 6),
        description="甬发改〔2024〕12号文件",
    )
    page = client_for(cast.staff).get(f"/staff/applications/{application.pk}/").content.decode()
    assert "甬发改〔2024〕12号文件" in page
    assert "补正前的申请内容" in page and "那个文件" in page
