from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.agencies.models import Membership
from gongkai.agencies.services import agency_add, membership_grant, user_create
from gongkai.applications.models import Application, ApplicationEvent
from gongkai.applications.register import import_register
from gongkai.applications.register_export import export_register
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db

CSV = (
    "受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果\nA-1,自然人,2025-03-03,网络,某文件,,\n"
)


def _user(agency, role: str, username: str):  # type: ignore[no-untyped-def]
    user = user_create(username=username, password="pw-for-tests")
    membership_grant(user=user, agency=agency, role=role)
    return user


def test_staff_of_the_body_may_import_and_are_recorded_as_the_actor() -> None:
    agency = agency_add(code="XS-ZRZY", name="象山县自然资源和规划局")
    staff = _user(agency, Membership.Role.STAFF, "wang")
    import_register(agency=agency, file=io.BytesIO(CSV.encode()), actor=staff)
    assert ApplicationEvent.objects.get().actor == staff
    assert AuditLog.objects.get(action="register_import").actor == staff


def test_a_supervisor_may_export_but_not_import_and_the_refusal_is_logged(tmp_path) -> None:  # type: ignore[no-untyped-def]
    government = agency_add(code="XS", name="象山县人民政府")
    agency = agency_add(code="XS-ZRZY", name="象山县自然资源和规划局", parent_code="XS")
    supervisor = _user(government, Membership.Role.SUPERVISOR, "zhao")
    with pytest.raises(PermissionDenied):
        import_register(agency=agency, file=io.BytesIO(CSV.encode()), actor=supervisor)
    assert not Application.objects.exists()
    refusal = AuditLog.objects.get(action="register_import")
    assert refusal.outcome == AuditLog.Outcome.REFUSED
    assert export_register(agency=agency, target=tmp_path / "x.xlsx", actor=supervisor) == 0


def test_staff_of_another_body_may_not_export() -> None:
    agency = agency_add(code="XS-ZRZY", name="象山县自然资源和规划局")
    outsider = _user(agency_add(code="XS-JYJ", name="象山县教育局"), Membership.Role.STAFF, "li")
    with pytest.raises(PermissionDenied):
        export_register(agency=agency, target=io.BytesIO(), actor=outsider)
    assert AuditLog.objects.get(action="register_export").outcome == AuditLog.Outcome.REFUSED
