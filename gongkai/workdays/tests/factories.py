"""Users for the calendar's tests: plain functions."""

from __future__ import annotations

from django.contrib.auth.models import User

from gongkai.agencies.models import Agency, Membership


def make_user(username: str = "someone", *, is_staff: bool = False) -> User:
    return User.objects.create_user(username=username, password="x", is_staff=is_staff)


def make_admin(username: str = "admin") -> User:
    """A 系统管理员 by role (not a Django superuser), with access to the Django admin."""
    user = make_user(username, is_staff=True)
    agency, _ = Agency.objects.get_or_create(code="NB", defaults={"name": "宁波市人民政府"})
    Membership.objects.create(user=user, agency=agency, role=Membership.Role.ADMIN)
    return user


def make_staff(username: str = "staff") -> User:
    """信息公开工作人员 of one body: may handle applications, not the calendar."""
    user = make_user(username, is_staff=True)
    agency, _ = Agency.objects.get_or_create(code="NB", defaults={"name": "宁波市人民政府"})
    Membership.objects.create(user=user, agency=agency, role=Membership.Role.STAFF)
    return user
