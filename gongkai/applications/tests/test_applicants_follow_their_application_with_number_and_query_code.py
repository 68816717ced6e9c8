"""An applicant sees their application with its number and query code, and nothing without both. The
code is random, shown once, and stored only as a digest."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications.intake import ApplicantDetails
from gongkai.applications.models import Application, Source
from gongkai.applications.numbering import QUERY_CODE_LENGTH
from gongkai.applications.selectors import applicant_progress, get_application_for_applicant
from gongkai.applications.services import application_register, application_submit_online
from gongkai.applications.tests.factories import PERSON, make_agency, make_cast, make_user

pytestmark = pytest.mark.django_db


def test_the_number_and_the_query_code_together_find_the_application() -> None:
    cast = make_cast()
    application, code = application_submit_online(agency=cast.agency, applicant=ApplicantDetails(**PERSON))
    assert len(code) == QUERY_CODE_LENGTH
    assert get_application_for_applicant(application.number, code) == application
    # As typed from paper: lower case, spaces, a hyphen.
    assert (
        get_application_for_applicant(f" {application.number} ", f"{code[:6].lower()}-{code[6:]} ")
        == application
    )


def test_the_query_code_is_not_stored_in_clear() -> None:
    cast = make_cast()
    application, code = application_submit_online(agency=cast.agency, applicant=ApplicantDetails(**PERSON))
    stored = Application.objects.get(pk=application.pk).query_code
    assert code not in stored
    assert len(stored) == 64


def test_a_wrong_code_or_a_wrong_number_finds_nothing() -> None:
    cast = make_cast()
    application, code = application_submit_online(agency=cast.agency, applicant=ApplicantDetails(**PERSON))
    other, other_code = application_submit_online(agency=cast.agency, applicant=ApplicantDetails(**PERSON))
    assert get_application_for_applicant(application.number, other_code) is None
    assert get_application_for_applicant(other.number, code) is None
    assert get_application_for_applicant(application.number, "") is None
    assert get_application_for_applicant("", code) is None


def test_each_application_gets_its_own_code() -> None:
    cast = make_cast()
    codes = {
        application_submit_online(agency=cast.agency, applicant=ApplicantDetails(**PERSON)).query_code
        for _ in range(20)
    }
    assert len(codes) == 20


def test_the_same_number_at_another_body_does_not_open_this_application() -> None:
    cast = make_cast()
    other = make_agency("NB-CZJ", "宁波市财政局")
    make_user("sun", other, "staff")
    mine, my_code = application_submit_online(agency=cast.agency, applicant=ApplicantDetails(**PERSON))
    theirs, their_code = application_submit_online(agency=other, applicant=ApplicantDetails(**PERSON))
    assert mine.number == theirs.number
    assert get_application_for_applicant(mine.number, my_code) == mine
    assert get_application_for_applicant(mine.number, their_code) == theirs


def test_an_imported_application_without_a_code_cannot_be_opened() -> None:
    cast = make_cast()
    Application.objects.create(
        agency=cast.agency,
        number="甬发改公开〔2024〕1号",
        source=Source.IMPORT,
        applicant_type="natural_person",
        description="台账导入",
        channel="letter",
        received_on=date(2024, 5, 6),
    )
    assert get_application_for_applicant("甬发改公开〔2024〕1号", "") is None
    assert get_application_for_applicant("甬发改公开〔2024〕1号", "AAAAAAAAAAAA") is None


def test_staff_intake_also_gives_a_code_to_hand_to_the_applicant() -> None:
    cast = make_cast()
    created = application_register(
        actor=cast.staff,
        agency=cast.agency,
        channel="in_person",
        received_on=date(2025, 3, 3),
        applicant=ApplicantDetails(**PERSON),
    )
    assert (
        get_application_for_applicant(created.application.number, created.query_code) == created.application
    )


def test_the_progress_an_applicant_sees_names_no_one() -> None:
    cast = make_cast()
    created = application_register(
        actor=cast.staff,
        agency=cast.agency,
        channel="in_person",
        received_on=date(2025, 3, 3),
        applicant=ApplicantDetails(**PERSON),
    )
    steps = applicant_progress(created.application)
    assert [(step.date, step.label) for step in steps] == [(date(2025, 3, 3), "登记申请")]
