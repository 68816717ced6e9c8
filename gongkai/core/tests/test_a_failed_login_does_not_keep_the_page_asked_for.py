"""A staff member whose session ended while the queue was searched by an applicant's ID number signs in
again and mistypes the password: the record of the failure (django-axes, shown to administrators) does not
keep the page asked for (`next`), which held the ID number."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.test import Client

from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db

ID_NUMBER = "330203199001011234"


def test_the_next_page_with_a_search_is_masked_in_the_failure_record() -> None:
    User.objects.create_user("wang", password="a-Long-enough-passphrase-2026")
    asked = f"/staff/agencies/NB-FGW/applications/?q={ID_NUMBER}"
    client = Client()
    response = client.post(
        f"/staff/login/?next={asked}", {"username": "wang", "password": "wrong", "next": asked}
    )
    assert response.status_code == 200
    attempt = AccessAttempt.objects.get()
    assert ID_NUMBER not in attempt.get_data and ID_NUMBER not in attempt.post_data
    assert not any(ID_NUMBER in str(log.__dict__) for log in AuditLog.objects.all())
