"""Who may read and act for which body.

Alice is staff of 慈溪 办公室; Bob heads it; Carol supervises 慈溪 (its whole subtree); Dan is staff of 余姚;
Eve has no role anywhere.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from gongkai.agencies import permissions
from gongkai.agencies.models import Agency, Membership
from gongkai.agencies.services import agency_add, membership_grant

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> dict[str, object]:
    agency_add(code="NB", name="宁波市人民政府", kind="government", level="prefecture")
    cixi = agency_add(code="CX", name="慈溪市人民政府", parent_code="NB", kind="government")
    office = agency_add(code="CX-BGS", name="慈溪市人民政府办公室", parent_code="CX")
    yuyao = agency_add(code="YY", name="余姚市人民政府", parent_code="NB", kind="government")
    people = {
        name: User.objects.create_user(name, password="x") for name in ["alice", "bob", "carol", "dan", "eve"]
    }
    membership_grant(user=people["alice"], agency=office, role=Membership.Role.STAFF)
    membership_grant(user=people["bob"], agency=office, role=Membership.Role.HEAD)
    membership_grant(user=people["carol"], agency=cixi, role=Membership.Role.SUPERVISOR)
    membership_grant(user=people["dan"], agency=yuyao, role=Membership.Role.STAFF)
    return {"office": office, "cixi": cixi, "yuyao": yuyao, **people}


def test_staff_act_only_for_their_own_body(world: dict[str, Any]) -> None:
    assert permissions.can_act(world["alice"], world["office"])
    assert not permissions.can_act(world["dan"], world["office"])
    with pytest.raises(PermissionDenied):
        permissions.require_act(world["dan"], world["office"])


def test_only_the_head_approves(world: dict[str, Any]) -> None:
    assert permissions.is_head(world["bob"], world["office"])
    assert not permissions.is_head(world["alice"], world["office"])
    with pytest.raises(PermissionDenied):
        permissions.require_head(world["alice"], world["office"])


def test_a_supervisor_reads_its_subtree_but_does_not_act(world: dict[str, Any]) -> None:
    assert permissions.can_read(world["carol"], world["office"])
    assert not permissions.can_read(world["carol"], world["yuyao"])
    assert not permissions.can_act(world["carol"], world["office"])
    readable = set(permissions.readable_agencies(world["carol"]).values_list("code", flat=True))
    assert readable == {"CX", "CX-BGS"}


def test_someone_without_a_role_sees_nothing(world: dict[str, Any]) -> None:
    assert not permissions.can_read(world["eve"], world["office"])
    assert not permissions.readable_agencies(world["eve"]).exists()


def test_an_administrator_reads_every_body(world: dict[str, Any]) -> None:
    admin = User.objects.create_user("root", password="x")
    membership_grant(user=admin, agency=Agency.objects.get(code="NB"), role=Membership.Role.ADMIN)
    assert permissions.is_admin(admin)
    assert permissions.can_read(admin, world["yuyao"])
    assert permissions.readable_agencies(admin).count() == 4
