"""Bodies, people and uploads for the tests of the audit pages: plain functions.

The cast: 慈溪市人民政府办公室 (NB-CX) and 宁波市象山县人民政府办公室 (NB-XS) under 宁波市人民政府 (NB);
小陈 (chen) is NB-CX's staff, 钱 (qian) works for the supervising office NB, 赵 (zhao) is staff of NB-XS and
has no business with NB-CX's reports. The reports are the real seeds: 000 (慈溪 2018, old table),
002 (慈溪 2023, format 2021), 003 (象山 2020, format 2019), 001 and 004 (old table).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse, HttpResponseBase
from django.test import Client

from gongkai.agencies.models import Agency, Membership

SEEDS = Path(__file__).resolve().parent / "seeds"
Role = Membership.Role


@dataclass
class Cast:
    city: Agency
    cixi: Agency
    xiangshan: Agency
    staff: User
    supervisor: User
    outsider: User


def make_user(username: str, agency: Agency, role: str, full_name: str = "") -> User:
    user = User.objects.create_user(username=username, password="x", first_name=full_name)
    Membership.objects.create(user=user, agency=agency, role=role)
    return user


def make_cast() -> Cast:
    city = Agency.objects.create(
        code="NB", name="宁波市人民政府", kind=Agency.Kind.GOVERNMENT, level=Agency.Level.PREFECTURE
    )
    cixi = Agency.objects.create(code="NB-CX", name="慈溪市人民政府办公室", parent=city)
    xiangshan = Agency.objects.create(code="NB-XS", name="宁波市象山县人民政府办公室", parent=city)
    return Cast(
        city=city,
        cixi=cixi,
        xiangshan=xiangshan,
        staff=make_user("chen", cixi, Role.STAFF, "小陈"),
        supervisor=make_user("qian", city, Role.SUPERVISOR, "钱"),
        outsider=make_user("zhao", xiangshan, Role.STAFF, "赵"),
    )


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def seed_bytes(prefix: str) -> tuple[str, bytes]:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.name, path.read_bytes()


def as_year(prefix: str, year: int, name: str) -> tuple[str, bytes]:
    """Seed `prefix` as if it were the report of `year`: every mention of its own year changed."""
    _, data = seed_bytes(prefix)
    own = {"000": "2018", "001": "2018", "002": "2023", "003": "2020", "004": "2017"}[prefix]
    return name, data.decode("utf-8").replace(own, str(year)).encode("utf-8")


def upload(
    client: Client,
    files: list[tuple[str, bytes]],
    *,
    agency: str = "",
    mode: str = "store",
    replace: bool = False,
    follow: bool = False,
) -> HttpResponse:
    data: dict[str, Any] = {
        "report_files": [SimpleUploadedFile(name, content) for name, content in files],
        "agency": agency,
        "mode": mode,
    }
    if replace:
        data["replace"] = "on"
    response = client.post("/staff/reports/upload/", data, follow=follow)
    assert isinstance(response, HttpResponse)  # a page, not a streamed file
    return response


def store(actor: User, agency: Agency, *files: tuple[str, bytes]) -> list[Any]:
    """The files stored as the body's reports, through the upload service the page uses."""
    from gongkai.reports.services import published_reports_upload

    audited = published_reports_upload(actor=actor, agency=agency, files=list(files))
    return [item.stored for item in audited]


def findings_naming(report: Any, key: str, rule: str | None = None) -> list[Any]:
    """The report's findings that name the cell `key` (JSON lookups differ between SQLite and PostgreSQL)."""
    return [
        f for f in report.findings.order_by("position") if key in f.keys and (rule is None or f.rule == rule)
    ]


def html(response: HttpResponseBase) -> Any:
    """The page as an lxml tree, to look at with XPath."""
    import lxml.html  # type: ignore[import-untyped]

    assert isinstance(response, HttpResponse)  # a page, not a streamed file
    return lxml.html.fromstring(response.content.decode())


def cls(name: str) -> str:
    """An XPath test for one class among an element's classes."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def text_of(element: Any) -> str:
    return " ".join(element.text_content().split())
