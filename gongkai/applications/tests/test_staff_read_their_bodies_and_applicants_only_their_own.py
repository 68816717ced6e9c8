"""Staff read the applications of their own body (and a supervising office those below it); anyone else
is refused, and the refusal logged."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.applications.selectors import get_application_for_staff
from gongkai.applications.tests.factories import Cast, make_cast, register
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast() -> Cast:
    return make_cast()


def test_staff_head_and_supervisor_read_it(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    for user in (cast.staff, cast.head, cast.supervisor):
        assert get_application_for_staff(user, application.pk) == application


def test_staff_of_another_body_are_refused_and_logged(cast: Cast) -> None:
    application = register(cast, date(2025, 3, 3))
    with pytest.raises(PermissionDenied, match="无权查看"):
        get_application_for_staff(cast.outsider, application.pk)
    refusal = AuditLog.objects.get(action="application_read")
    assert (refusal.outcome, refusal.actor) == (AuditLog.Outcome.REFUSED, cast.outsider)
