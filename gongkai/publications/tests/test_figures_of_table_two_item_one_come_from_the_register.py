"""Table 二 第（一）项 from the register of normative documents: the 2021 cells (repealed counting expired,
in force at 31 December) and the 2019 cells, for years from which the body marked its register complete;
None before (entered by hand)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from gongkai.publications.figures import normative_document_figures
from gongkai.publications.models import Kind, Publication, Status, Validity
from gongkai.publications.register import normative_register_set
from gongkai.publications.tests.factories import make_cast

pytestmark = pytest.mark.django_db


def item(
    agency: object,
    kind: str,
    made: date,
    published: date,
    validity: str = Validity.IN_FORCE,
    changed: date | None = None,
    status: str = Status.PUBLISHED,
    **extra: object,
) -> Publication:
    return Publication.objects.create(
        agency=agency,
        title="文件",
        kind=kind,
        made_on=made,
        published_on=published,
        validity=validity,
        validity_changed_on=changed,
        status=status,
        **extra,
    )  # type: ignore[misc]


def test_the_2021_and_2019_cells_from_the_records() -> None:
    cast = make_cast()
    a = cast.agency
    item(a, Kind.NORMATIVE, date(2022, 3, 1), date(2022, 3, 5))  # in force throughout
    item(a, Kind.NORMATIVE, date(2023, 5, 1), date(2023, 5, 3))  # issued 2023
    item(a, Kind.NORMATIVE, date(2023, 12, 30), date(2024, 1, 4))  # made 2023, published 2024
    item(
        a, Kind.NORMATIVE, date(2021, 1, 1), date(2021, 1, 2), Validity.EXPIRED, date(2023, 6, 30)
    )  # expired 2023
    item(
        a, Kind.NORMATIVE, date(2021, 1, 1), date(2021, 1, 2), Validity.REPEALED, date(2024, 2, 1)
    )  # repealed 2024
    item(a, Kind.REGULATION, date(2023, 8, 1), date(2023, 8, 2))
    item(a, Kind.DOCUMENT, date(2023, 8, 1), date(2023, 8, 2))  # not normative
    item(a, Kind.NORMATIVE, date(2023, 9, 1), date(2023, 9, 2), status=Status.DRAFT)  # never published
    item(a, Kind.NORMATIVE, date(2023, 9, 1), date(2023, 9, 2), status=Status.WITHDRAWN,
         withdrawn_at=datetime(2023, 9, 3, tzinfo=ZoneInfo("Asia/Shanghai")))  # fmt: skip
    other = item(cast.other, Kind.NORMATIVE, date(2023, 1, 1), date(2023, 1, 2))
    assert other.agency != a

    assert normative_document_figures(a, 2023, "2021") is None  # the register is not marked complete
    normative_register_set(agency=a, complete_from=2022, actor=None)
    assert normative_document_figures(a, 2021, "2021") is None  # before the register is complete

    cells = normative_document_figures(a, 2023, "2021")
    assert cells == {
        "item20_1.regulations.issued": 1,
        "item20_1.regulations.repealed": 0,
        "item20_1.regulations.in_force": 1,
        "item20_1.normative_documents.issued": 2,  # 2023-05 and the one made 2023-12-30, published in 2024
        "item20_1.normative_documents.repealed": 1,  # expired counts as repealed
        "item20_1.normative_documents.in_force": 4,  # 2022, 2023-05, 2023-12-30, and one repealed in 2024
    }
    assert normative_document_figures(a, 2024, "2021")["item20_1.normative_documents.repealed"] == 1  # type: ignore[index]
    assert normative_document_figures(a, 2024, "2021")["item20_1.normative_documents.issued"] == 0  # type: ignore[index]
    assert normative_document_figures(a, 2023, "2019") == {
        "item20_1.regulations.newly_made": 1,
        "item20_1.regulations.newly_published": 1,
        "item20_1.regulations.total_published": 1,
        "item20_1.normative_documents.newly_made": 2,
        "item20_1.normative_documents.newly_published": 1,
        "item20_1.normative_documents.total_published": 4,
    }
