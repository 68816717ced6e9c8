"""Table 二 第（一）项, checked against a hand count: a normative document made (成文) in December and published in
January is issued (本年制发) in the year it was made and in force from then, so that every year's figures
carry on from the last (上年现行有效 + 本年制发 − 本年废止 = 本年现行有效); before, it was issued in no year at
all while the next year counted it in force. A document repealed and one expired in the year count as
本年废止 (DESIGN.md); a year before the register is complete is not computed."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from gongkai.publications.figures import normative_document_figures
from gongkai.publications.models import Kind, Publication, Status, Validity
from gongkai.publications.register import normative_register_set
from gongkai.publications.tests.factories import make_cast

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")


def document(agency: object, made: date, published: date, **extra: object) -> Publication:
    values: dict[str, object] = {"validity": Validity.IN_FORCE, "status": Status.PUBLISHED, **extra}
    return Publication.objects.create(
        agency=agency, title="规范性文件", kind=Kind.NORMATIVE, made_on=made, published_on=published, **values
    )  # type: ignore[misc]


def cells(agency: object, year: int) -> dict[str, int]:
    found = normative_document_figures(agency, year, "2021")  # type: ignore[arg-type]
    assert found is not None
    return {key.rsplit(".", 1)[1]: value for key, value in found.items() if ".normative_documents." in key}


def test_a_document_made_in_december_and_published_in_january_is_issued_in_the_year_it_was_made() -> None:
    agency = make_cast().agency
    document(agency, date(2022, 4, 1), date(2022, 4, 8))  # in force since 2022
    document(agency, date(2022, 5, 1), date(2022, 5, 6), validity=Validity.REPEALED,
             validity_changed_on=date(2023, 3, 1))  # fmt: skip
    document(agency, date(2022, 6, 1), date(2022, 6, 2), validity=Validity.EXPIRED,
             validity_changed_on=date(2023, 6, 30))  # fmt: skip
    document(agency, date(2023, 7, 1), date(2023, 7, 3))  # made and published in 2023
    document(agency, date(2023, 12, 28), date(2024, 1, 5))  # made in 2023, published in 2024
    document(agency, date(2023, 12, 29), date(2024, 1, 8), status=Status.WITHDRAWN,
             withdrawn_at=datetime(2024, 1, 9, tzinfo=SHANGHAI))  # fmt: skip  # published in error
    document(agency, date(2024, 2, 1), date(2024, 2, 2))  # made and published in 2024
    normative_register_set(agency=agency, complete_from=2022, actor=None)

    assert normative_document_figures(agency, 2021, "2021") is None  # before the register is complete
    # By hand. 2022: three made, none ended. 2023: two made (July, 28 December), two ended (repealed in
    # March, expired in June), in force 3 + 2 − 2 = 3. 2024: one made, none ended, in force 3 + 1 = 4.
    assert cells(agency, 2022) == {"issued": 3, "repealed": 0, "in_force": 3}
    assert cells(agency, 2023) == {"issued": 2, "repealed": 2, "in_force": 3}
    assert cells(agency, 2024) == {"issued": 1, "repealed": 0, "in_force": 4}
    for year in (2023, 2024):
        last, this = cells(agency, year - 1), cells(agency, year)
        assert last["in_force"] + this["issued"] - this["repealed"] == this["in_force"]


def test_in_the_2019_format_it_is_made_in_its_year_and_published_in_the_next() -> None:
    agency = make_cast().agency
    document(agency, date(2019, 12, 30), date(2020, 1, 3))
    normative_register_set(agency=agency, complete_from=2019, actor=None)
    made_2019 = normative_document_figures(agency, 2019, "2019")
    made_2020 = normative_document_figures(agency, 2020, "2019")
    assert made_2019 is not None and made_2020 is not None
    assert made_2019["item20_1.normative_documents.newly_made"] == 1
    assert made_2019["item20_1.normative_documents.newly_published"] == 0
    assert made_2019["item20_1.normative_documents.total_published"] == 0
    assert made_2020["item20_1.normative_documents.newly_made"] == 0
    assert made_2020["item20_1.normative_documents.newly_published"] == 1
    assert made_2020["item20_1.normative_documents.total_published"] == 1
