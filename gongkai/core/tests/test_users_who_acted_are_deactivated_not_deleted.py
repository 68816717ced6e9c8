"""Who did what survives: a user who has acted cannot be deleted (in /admin/ or anywhere else), only
deactivated; a mistaken user who never acted may be deleted; every change of users and roles is in the
audit log with who made it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.db.models import ProtectedError
from django.test import Client

from gongkai.agencies.models import Membership
from gongkai.applications.models import ApplicationEvent
from gongkai.applications.tests.factories import make_cast, register
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db


def admin_client() -> tuple[Client, User]:
    admin = User.objects.create_superuser("root", "root@example.cn", "x")
    client = Client()
    client.force_login(admin)
    return client, admin


def test_deleting_a_user_who_acted_is_refused_and_the_actor_stays() -> None:
    cast = make_cast()
    application = register(cast, None)
    with pytest.raises(ProtectedError):
        cast.staff.delete()
    event = ApplicationEvent.objects.get(application=application, kind="registered")
    assert event.actor == cast.staff


def test_the_admin_offers_no_deletion_of_a_user_who_acted_but_deactivation() -> None:
    cast = make_cast()
    register(cast, None)
    client, admin = admin_client()
    assert client.get(f"/admin/auth/user/{cast.staff.pk}/delete/").status_code == 403
    assert client.post(f"/admin/auth/user/{cast.staff.pk}/delete/", {"post": "yes"}).status_code == 403
    page = client.get(f"/admin/auth/user/{cast.staff.pk}/change/").content.decode()
    assert "不能删除" in page and "申请办理记录" in page
    assert "delete_selected" not in client.get("/admin/auth/user/").content.decode()

    response = client.post(
        "/admin/auth/user/", {"action": "deactivate", "_selected_action": [cast.staff.pk]}, follow=True
    )
    assert "已停用 1 个用户" in response.content.decode()
    cast.staff.refresh_from_db()
    assert not cast.staff.is_active
    entry = AuditLog.objects.get(action="user_deactivate")
    assert entry.actor == admin and entry.object_id == str(cast.staff.pk)
    assert not Client().login(username="wang", password="x")


def test_a_user_who_never_acted_may_be_deleted_and_the_deletion_is_logged() -> None:
    cast = make_cast()
    mistaken = User.objects.create_user("typo-user", password="x")
    Membership.objects.create(user=mistaken, agency=cast.agency, role=Membership.Role.STAFF)
    client, admin = admin_client()
    response = client.post(f"/admin/auth/user/{mistaken.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not User.objects.filter(username="typo-user").exists()
    entry = AuditLog.objects.get(action="user_delete")
    assert entry.actor == admin and "typo-user" in entry.message


def test_granting_and_revoking_a_role_in_the_admin_is_logged() -> None:
    cast = make_cast()
    newcomer = User.objects.create_user("newcomer", password="x")
    client, admin = admin_client()
    response = client.post(
        "/admin/agencies/membership/add/",
        {"user": newcomer.pk, "agency": cast.agency.pk, "role": Membership.Role.HEAD},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=newcomer)
    grant = AuditLog.objects.get(action="membership_grant")
    assert grant.actor == admin and grant.agency == cast.agency and "newcomer" in grant.message
    client.post(f"/admin/agencies/membership/{membership.pk}/delete/", {"post": "yes"})
    revoke = AuditLog.objects.get(action="membership_revoke")
    assert revoke.actor == admin and "newcomer" in revoke.message


def test_changing_a_user_in_the_admin_is_logged_with_what_changed() -> None:
    make_cast()
    target = User.objects.create_user("chen", password="x", email="old@example.cn")
    client, admin = admin_client()
    page = client.get(f"/admin/auth/user/{target.pk}/change/")
    assert page.status_code == 200
    form = {
        "username": "chen",
        "first_name": "陈",
        "last_name": "",
        "email": "new@example.cn",
        "is_active": "on",
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "2026-01-05",
        "date_joined_1": "09:00:00",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    response = client.post(f"/admin/auth/user/{target.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditLog.objects.get(action="user_change")
    assert entry.actor == admin and "chen" in entry.message
    assert "电子邮件" in entry.message or "email" in entry.message.lower()
