from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from gongkai.appeals.tests.factories import make_agency
from gongkai.reports.counts import yearly_counts

pytestmark = pytest.mark.django_db


def test_a_year_in_the_old_statistics_format_cannot_be_generated() -> None:
    with pytest.raises(ValidationError) as raised:
        yearly_counts(make_agency(), 2018)
    assert "2019" in raised.value.messages[0]
