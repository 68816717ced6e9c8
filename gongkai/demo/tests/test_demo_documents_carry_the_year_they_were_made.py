"""A document number's year (〔2026〕) and a revision's year in a title are the year the document was
made: the demo's dates count back from today, so its numbers and titles must follow them."""

from __future__ import annotations

import re
from datetime import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from gongkai.applications.tests.factories import SHANGHAI
from gongkai.publications.models import Publication

pytestmark = pytest.mark.django_db

YEAR_IN_NUMBER = re.compile(r"〔(\d{4})〕")
REVISION_YEAR = re.compile(r"（(\d{4})年修订）")


def test_the_demos_numbers_and_revisions_carry_the_year_each_document_was_made() -> None:
    with time_machine.travel(datetime(2029, 3, 2, 9, tzinfo=SHANGHAI), tick=False):
        call_command("demo", stdout=StringIO(), stderr=StringIO())
    checked = 0
    for item in Publication.objects.exclude(made_on=None):
        for pattern, text in ((YEAR_IN_NUMBER, item.doc_number), (REVISION_YEAR, item.title)):
            found = pattern.search(text)
            if found and item.made_on is not None:
                assert int(found.group(1)) == item.made_on.year, (item.title, item.doc_number)
                checked += 1
    assert checked >= 3  # the two normative documents' numbers and the revision's title at least
