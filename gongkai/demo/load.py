"""Demo data for `gongkai demo`: a believable year of work in a few seconds.

宁波市人民政府 with three departments, and 象山县人民政府 below it with two departments and two townships;
a user for each role; a year of applications at 象山县自然资源和规划局 and 宁波市自然资源和规划局 in every
state, made through the application services (so events, deadlines and notices are real) with dates
counted back from today; a few reconsideration and litigation cases; and the annual reports on the year
just ended in every state of their way to publication. Each part has its module in this app: the bodies
and accounts (`accounts`), the applicants (`particulars`), the applications and cases (`applications`), the
items of proactive disclosure (`publications`), the annual reports (`reports`); this one loads them in order.

Run on every start by `scripts/run.sh`, so it is idempotent: once the demo's bodies exist nothing is
changed, and a database that already holds other bodies is left alone. Everything is made in one
transaction: a failure leaves nothing behind. The applicants and their particulars are fictional.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.agencies.services import agency_add
from gongkai.core.audit import audit_record
from gongkai.core.models import AuditLog
from gongkai.demo.accounts import BODIES, PASSWORD, ROOT, USERS, Role, make_users
from gongkai.demo.applications import (
    Builder,
    Loaded,
    Staff,
    build_last_year,
    build_nb,
    build_xs,
    workdays_before,
)
from gongkai.demo.publications import load_demo_publications
from gongkai.demo.reports import load_demo_reports

SEED = 20190515  # the 2019 条例's first day: the same "random" year on every machine
YEAR_OF_WORKDAYS = 260


def demo_present() -> bool:
    return Agency.objects.filter(code=ROOT, name=BODIES[0][1]).exists()


def other_data_present() -> bool:
    return Agency.objects.exists() and not demo_present()


def demo_load(today: date | None = None) -> Loaded:
    """Create the demo's bodies, users, applications and cases, all or nothing."""
    today = today or timezone.localdate()
    rng = random.Random(SEED)
    # A year and a bit: the oldest application is received some 250 working days ago.
    past = workdays_before(today, YEAR_OF_WORKDAYS)
    with transaction.atomic():
        for code, name, parent, kind, level in BODIES:
            agency_add(code=code, name=name, parent_code=parent, kind=kind, level=level)
        users = make_users()
        xs = Builder(
            Agency.objects.get(code="XS-ZRZY"), Staff(users["xs-staff"], users["xs-head"]), today, past, rng
        )
        loaded = build_xs(xs)
        load_demo_publications(xs.agency, users["xs-staff"], users["xs-reviewer"], users["xs-head"], today)
        nb = Builder(
            Agency.objects.get(code="NB-ZRZY"), Staff(users["nb-staff"], users["nb-head"]), today, past, rng
        )
        build_nb(nb)
        last_year = workdays_before(date(today.year, 1, 1), YEAR_OF_WORKDAYS)
        build_last_year(Builder(nb.agency, nb.people, today, last_year, rng), 12)
        build_last_year(Builder(xs.agency, xs.people, today, last_year, rng), 8)
        load_demo_reports(users, today)
        audit_record(
            action="demo_load",
            message="加载演示数据",
            # The sample's query code is kept here, the one place it exists, so that every later run can
            # print it again: demo data, as public as the demo passwords.
            detail={
                "sample_agency": loaded.sample_agency,
                "sample_number": loaded.sample_number,
                "sample_query_code": loaded.sample_query_code,
            },
        )
    return loaded


def loaded_sample() -> Loaded:
    """The sample application of the demo loaded earlier (empty when its record is gone)."""
    record = AuditLog.objects.filter(action="demo_load").order_by("-at", "-id").first()
    detail: dict[str, Any] = record.detail if record else {}
    return Loaded(
        sample_agency=str(detail.get("sample_agency", "")),
        sample_number=str(detail.get("sample_number", "")),
        sample_query_code=str(detail.get("sample_query_code", "")),
    )


def sign_in_help(loaded: Loaded, site: str | None = None) -> str:
    """How to sign in as each role, with links to `site` (the address served; default GONGKAI_SITE_URL)."""
    site = (site or settings.SITE_URL).rstrip("/")
    agencies = {code: name for code, name, *_ in BODIES}
    lines = [
        "公开 Gongkai 演示数据",
        "",
        f"  公众门户：{site}/",
        f"  政府信息公开专栏：{site}/disclosure/XS-ZRZY/",
        f"  年度报告栏目：{site}/reports/（宁波市自然资源和规划局、象山县人民政府已发布上一年度报告）",
        f"  工作台登录：{site}/staff/login/",
        f"  管理后台：{site}/admin/",
        f"  接口文档：{site}/api/docs",
        "",
        f"  演示账号（密码均为 {PASSWORD}）：",
    ]
    for demo in USERS:
        label = Role(demo.role).label
        lines.append(f"    {label}\t{demo.username}\t{demo.full_name}，{agencies[demo.agency]}：{demo.note}")
    lines += [
        "",
        "  上一年度的年度报告：",
        f"    xs-staff、xs-head：{site}/staff/annual-reports/agencies/XS-ZRZY/（已提交，待负责人批准）",
        f"    supervisor：{site}/staff/reports/supervision/NB/（全市各机关的报告状态、检查结果和主要数据）",
    ]
    if loaded.sample_number:
        lines += [
            "",
            f"  申请人查询办理进度：{site}/status/",
            f"    受理编号 {loaded.sample_number}，查询码 {loaded.sample_query_code}（{loaded.sample_agency}，待补正，可在线提交补正）",
        ]
    return "\n".join(lines)
