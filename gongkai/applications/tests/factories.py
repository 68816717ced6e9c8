"""Bodies, people and applications for the applications tests: plain functions.

The cast, in every test that needs them:
- 宁波市发展和改革委员会 (NB-FGW) under 宁波市人民政府 (NB);
- 小王 (wang) is its staff, 李主任 (li) the head of its disclosure office;
- 赵 (zhao) is staff of another body (NB-JYJ) and has no business with NB-FGW's applications;
- 钱 (qian) works for the supervising office (NB) and may read, never act.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User

from gongkai.agencies.models import Agency, Membership
from gongkai.applications.intake import split_applicant
from gongkai.applications.models import Application
from gongkai.applications.services import application_register

SHANGHAI = ZoneInfo("Asia/Shanghai")
Role = Membership.Role

# A natural person's particulars, complete under 条例第二十九条.
PERSON: dict[str, str] = {
    "applicant_type": "natural_person",
    "applicant_name": "张三",
    "applicant_id_type": "resident_id",
    "applicant_id_number": "11010519491231002X",
    "phone": "13800138000",
    "email": "zhangsan@example.cn",
    "address": "宁波市海曙区解放南路1号",
    "description": "2024年宁波市重点建设项目计划的批准文件",
    "requested_form": "electronic",
    "delivery_method": "email",
}

# A company's particulars: a name, its credit code and a contact person.
COMPANY: dict[str, str] = {
    "applicant_type": "commercial_enterprise",
    "applicant_name": "宁波甬江建设有限公司",
    "applicant_id_type": "credit_code",
    "applicant_id_number": "91330200MA2AXXXX1F",
    "contact_person": "李四",
    "phone": "0574-87654321",
    "description": "甬江大桥工程环境影响评价批复",
    "requested_form": "paper",
    "delivery_method": "post",
    "address": "宁波市江北区人民路2号",
}


@dataclass
class Cast:
    agency: Agency
    staff: User
    head: User
    outsider: User
    supervisor: User


def make_agency(
    code: str, name: str, parent: Agency | None = None, kind: str = Agency.Kind.DEPARTMENT
) -> Agency:
    return Agency.objects.create(code=code, name=name, parent=parent, kind=kind)


def make_user(username: str, agency: Agency, role: str) -> User:
    user = User.objects.create_user(username=username, password="x", email=f"{username}@example.cn")
    Membership.objects.create(user=user, agency=agency, role=role)
    return user


def make_cast() -> Cast:
    city = make_agency("NB", "宁波市人民政府", kind=Agency.Kind.GOVERNMENT)
    agency = make_agency("NB-FGW", "宁波市发展和改革委员会", parent=city)
    other = make_agency("NB-JYJ", "宁波市教育局", parent=city)
    return Cast(
        agency=agency,
        staff=make_user("wang", agency, Role.STAFF),
        head=make_user("li", agency, Role.HEAD),
        outsider=make_user("zhao", other, Role.STAFF),
        supervisor=make_user("qian", city, Role.SUPERVISOR),
    )


def service_arguments(fields: dict[str, Any]) -> dict[str, Any]:
    """A test's mixture of applicant's particulars and other arguments, as an intake service takes them."""
    applicant, rest = split_applicant(fields)
    return {**rest, "applicant": applicant}


def register(cast: Cast, received_on: date | None, **overrides: Any) -> Application:
    """An application handed in person on `received_on` by 张三 (or as `overrides` say; None leaves
    receipt to be confirmed, for channels that allow it)."""
    fields: dict[str, Any] = {**PERSON, "channel": "in_person", "received_on": received_on}
    fields.update(overrides)
    return application_register(actor=cast.staff, agency=cast.agency, **service_arguments(fields)).application
