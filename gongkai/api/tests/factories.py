"""Plain factories for the API's tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
import time_machine
from django.contrib.auth.models import User

from gongkai.agencies.models import Agency, Membership
from gongkai.agencies.services import agency_add, membership_grant, user_create
from gongkai.api.models import ApiToken
from gongkai.api.tokens import api_token_create
from gongkai.applications.tests.factories import SHANGHAI


def make_agency(code: str = "XS-ZRZY", name: str = "象山县自然资源和规划局") -> Agency:
    return agency_add(code=code, name=name)


def make_token(agency: Agency, name: str = "浙江政务服务网") -> tuple[ApiToken, str]:
    return api_token_create(agency=agency, name=name)


def make_user(agency: Agency, role: str, username: str, email: str = "") -> User:
    user = user_create(username=username, password="pw-for-tests", email=email)
    membership_grant(user=user, agency=agency, role=role)
    return user


def bearer(raw: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {raw}"}


Role = Membership.Role


def published_item_urls() -> tuple[str, ...]:
    """A published item of NB-FGW (the publications' cast) and the public API's three answers about it: the
    list, a search, the item."""
    from gongkai.publications.tests.factories import draft, make_cast, publish

    cast = make_cast()
    item = publish(cast, draft(cast))
    return ("/api/publications", "/api/publications/search?q=重点", f"/api/publications/NB-FGW/{item.serial}")


@pytest.fixture
def monday() -> Iterator[None]:
    """A working Monday morning (2025-03-03, 10:00 in Shanghai), for applications submitted through the API."""
    with time_machine.travel(datetime(2025, 3, 3, 10, tzinfo=SHANGHAI), tick=False):
        yield
