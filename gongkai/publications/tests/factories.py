"""Bodies, people and items for the publications tests: plain functions.

The cast: 宁波市发展和改革委员会 (NB-FGW) under 宁波市人民政府 (NB); 小王 (wang) its staff, 孙 (sun) its
reviewer (保密审查), 李主任 (li) the head of its disclosure office; 赵 (zhao) staff of another body (NB-JYJ);
钱 (qian) of the supervising office (NB).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from gongkai.agencies.models import Agency, Membership
from gongkai.applications.tests.factories import make_agency, make_user
from gongkai.publications import services
from gongkai.publications.importer import Importer, ImportResult
from gongkai.publications.models import Publication
from gongkai.publications.samples import Sample

Role = Membership.Role
__all__ = [
    "Cast",
    "as_line",
    "category",
    "draft",
    "load_lines",
    "make_agency",
    "make_cast",
    "make_user",
    "publish",
]


@dataclass
class Cast:
    city: Agency
    agency: Agency
    other: Agency
    staff: User
    reviewer: User
    head: User
    outsider: User
    supervisor: User


def make_cast() -> Cast:
    city = make_agency("NB", "宁波市人民政府", kind=Agency.Kind.GOVERNMENT)
    agency = make_agency("NB-FGW", "宁波市发展和改革委员会", parent=city)
    other = make_agency("NB-JYJ", "宁波市教育局", parent=city)
    return Cast(
        city=city,
        agency=agency,
        other=other,
        staff=make_user("wang", agency, Role.STAFF),
        reviewer=make_user("sun", agency, Role.REVIEWER),
        head=make_user("li", agency, Role.HEAD),
        outsider=make_user("zhao", other, Role.STAFF),
        supervisor=make_user("qian", city, Role.SUPERVISOR),
    )


def category(agency: Agency, name: str) -> Any:
    return agency.categories.get(name=name)


def draft(cast: Cast, **values: Any) -> Publication:
    defaults: dict[str, Any] = {
        "title": "宁波市发展和改革委员会关于印发2024年重点建设项目计划的通知",
        "doc_number": "甬发改投资〔2024〕12号",
        "made_on": timezone.localdate(),
        "category": category(cast.agency, "其他文件"),
        "body": "各区县（市）发展改革局：\n现将2024年宁波市重点建设项目计划印发给你们，请认真贯彻执行。",
    }
    defaults.update(values)
    return services.publication_create(actor=cast.staff, agency=cast.agency, **defaults)


def publish(cast: Cast, publication: Publication, published_on: date | None = None) -> Publication:
    """Submit, review and approve: the whole 三审 path."""
    services.publication_submit(actor=cast.staff, publication=publication)
    services.publication_review(actor=cast.reviewer, publication=publication)
    return services.publication_approve(actor=cast.head, publication=publication, published_on=published_on)


def as_line(sample: Sample) -> dict[str, Any]:
    line: dict[str, Any] = {
        "title": sample.title,
        "published": sample.published.isoformat(),
        "made": sample.made.isoformat(),
        "doc_number": sample.doc_number,
        "body": sample.body,
        "category": sample.category,
        "kind": sample.kind,
    }
    if sample.validity:
        line["validity"] = sample.validity
        if sample.validity != "in_force":
            line["validity_changed"] = sample.published.isoformat()
    return line


def load_lines(agency: Agency, lines: Iterable[dict[str, Any]], batch: int = 1000) -> ImportResult:
    """Import items (as lines of the import file) without a file."""
    from pathlib import Path

    importer = Importer(agency, Path("."), timezone.localdate())
    rows = []
    for number, line in enumerate(lines, start=1):
        rows.append(importer.check(number, json.dumps(line, ensure_ascii=False)))
        if len(rows) >= batch:
            importer.save(rows)
            rows = []
    importer.save(rows)
    return importer.result
