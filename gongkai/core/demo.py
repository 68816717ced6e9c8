"""Demo data for `gongkai demo`: a believable year of work in a few seconds.

宁波市人民政府 with three departments, and 象山县人民政府 below it with two departments and two townships;
a user for each role; a year of applications at 象山县自然资源和规划局 and 宁波市自然资源和规划局 in every
state, made through the application services (so events, deadlines and notices are real) with dates
counted back from today; a few reconsideration and litigation cases; and the annual reports on the year
just ended in every state of their way to publication (`demo_reports`).

Run on every start by `scripts/run.sh`, so it is idempotent: once the demo's bodies exist nothing is
changed, and a database that already holds other bodies is left alone. Everything is made in one
transaction: a failure leaves nothing behind. The applicants and their particulars are fictional.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from gongkai.agencies.models import Agency, Membership
from gongkai.agencies.services import agency_add, membership_grant, user_create
from gongkai.appeals.models import CaseKind, Outcome
from gongkai.appeals.services import appeal_case_decide, appeal_case_register
from gongkai.applications import services
from gongkai.applications.intake import ApplicantDetails
from gongkai.applications.models import Application, NoticeDelivery, Result
from gongkai.core.audit import audit_record
from gongkai.core.demo_reports import load_demo_reports
from gongkai.core.models import AuditLog
from gongkai.publications.demo import load_demo_publications
from gongkai.workdays.calendar import add_workdays, is_workday

ROOT = "NB"
PASSWORD = "gongkai-demo"  # noqa: S105 (every demo user's, printed for all to use; never for real data)
SHANGHAI = ZoneInfo("Asia/Shanghai")
SEED = 20190515  # the 2019 条例's first day: the same "random" year on every machine
YEAR_OF_WORKDAYS = 260

G, D, T = Agency.Kind.GOVERNMENT, Agency.Kind.DEPARTMENT, Agency.Kind.TOWNSHIP
PREFECTURE, COUNTY, TOWNSHIP = Agency.Level.PREFECTURE, Agency.Level.COUNTY, Agency.Level.TOWNSHIP

# (code, name, parent, kind, level)
BODIES = [
    ("NB", "宁波市人民政府", None, G, PREFECTURE),
    ("NB-BGT", "宁波市人民政府办公厅", "NB", D, PREFECTURE),
    ("NB-ZRZY", "宁波市自然资源和规划局", "NB", D, PREFECTURE),
    ("NB-ZJJ", "宁波市住房和城乡建设局", "NB", D, PREFECTURE),
    ("XS", "象山县人民政府", "NB", G, COUNTY),
    ("XS-ZRZY", "象山县自然资源和规划局", "XS", D, COUNTY),
    ("XS-SCJG", "象山县市场监督管理局", "XS", D, COUNTY),
    ("XS-DX", "象山县丹西街道办事处", "XS", T, TOWNSHIP),
    ("XS-SP", "象山县石浦镇人民政府", "XS", T, TOWNSHIP),
]

Role = Membership.Role


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    role: str
    agency: str
    note: str = ""


USERS = [
    DemoUser("admin", "系统管理员", Role.ADMIN, "NB", "管理机关、用户、节假日；可进入 /admin/"),
    DemoUser("xs-staff", "林静", Role.STAFF, "XS-ZRZY", "登记、办理申请，拟写答复"),
    DemoUser("xs-head", "周海波", Role.HEAD, "XS-ZRZY", "批准延期、签发答复，批准发布主动公开信息和年度报告"),
    DemoUser("xs-reviewer", "郑晓红", Role.REVIEWER, "XS-ZRZY", "主动公开信息发布前的保密审查"),
    DemoUser("nb-staff", "陈晓燕", Role.STAFF, "NB-ZRZY", "登记、办理申请，拟写答复"),
    DemoUser("nb-head", "王建国", Role.HEAD, "NB-ZRZY", "批准延期、签发答复"),
    DemoUser("xs-gov-staff", "吴丽", Role.STAFF, "XS", "县政府办公室：编制全县汇总的年度报告"),
    DemoUser("xs-gov-head", "孙建华", Role.HEAD, "XS", "县政府办公室负责人：批准全县年度报告"),
    DemoUser("supervisor", "黄志明", Role.SUPERVISOR, "NB", "查看全市各机关的申请、期限和报告（只读）"),
]

SURNAMES = "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "涛",
    "明",
    "超",
    "秀英",
    "海燕",
    "建华",
    "志强",
]
STREETS = [
    "丹东街道天安路",
    "丹西街道靖南大街",
    "石浦镇金山路",
    "西周镇凤凰路",
    "爵溪街道振兴路",
    "大徐镇大徐村",
]
COMPANIES = [
    ("commercial_enterprise", "象山海韵水产有限公司", "91330225MA2H4K7L3Y"),
    ("commercial_enterprise", "宁波港城房地产开发有限公司", "91330200MA2CJ8TQ5X"),
    ("legal_service_org", "浙江甬象律师事务所", "31330000MD0241776G"),
    ("research_institution", "宁波海洋经济研究院", "12330200MB1H00936K"),
]
# What people ask a natural resources and planning bureau for.
REQUESTS = [
    "{village}集体土地征收的批准文件及征地补偿安置方案",
    "{village}地块国有建设用地使用权出让合同及附件",
    "{year}年度象山县土地利用年度计划",
    "{village}农房建设用地审批的批准文件",
    "象山县国土空间总体规划（2021—2035年）批准文件",
    "{village}一带海域使用权审批情况",
    "{village}宅基地确权登记的公示材料",
    "石浦渔港古城保护规划的批复文件",
    "{village}违法用地行政处罚决定书",
    "{year}年度矿产资源开采许可审批结果",
]
VILLAGES = [
    "丹城村",
    "东门村",
    "番西村",
    "昌国村",
    "墙头村",
    "新桥村",
    "涂茨村",
    "高塘村",
    "鹤浦村",
    "晓塘村",
]
REASONS: dict[str, str] = {
    Result.PARTIALLY_DISCLOSED: "所申请信息中的被征收户姓名、身份证号码属于个人隐私，公开会损害第三方合法权益，已作区分处理，不予公开该部分。",
    Result.WITHHELD_THIRD_PARTY: "所申请信息涉及第三方商业秘密，经书面征求第三方意见，第三方不同意公开且理由合理。",
    Result.WITHHELD_PROCESS_INFO: "所申请信息为规划编制过程中的讨论稿、征求意见稿，属于过程性信息。",
    Result.OTHER_OTHER: "",
}


@dataclass
class Staff:
    staff: User
    head: User


@dataclass
class Loaded:
    """What the sign-in help prints: the sample application the status page can open."""

    sample_agency: str = ""
    sample_number: str = ""
    sample_query_code: str = ""
    counts: dict[str, int] = field(default_factory=dict)


def demo_present() -> bool:
    return Agency.objects.filter(code=ROOT, name=BODIES[0][1]).exists()


def other_data_present() -> bool:
    return Agency.objects.exists() and not demo_present()


def workdays_before(today: date, count: int) -> list[date]:
    """The `count` working days before today, latest first: [1st before, 2nd before, …]."""
    days: list[date] = []
    day = today
    while len(days) < count:
        day -= timedelta(days=1)
        if is_workday(day):
            days.append(day)
    return days


def resident_id(rng: random.Random) -> str:
    """A well-formed 居民身份证号码 (GB 11643) of 象山县, born 1955–2000, with its check character."""
    born = date(1955, 1, 1) + timedelta(days=rng.randrange(45 * 365))
    body = f"330225{born:%Y%m%d}{rng.randrange(1000):03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]
    return body + check


class Builder:
    """Makes the applications of one body through the services, as its staff and head would."""

    def __init__(
        self, agency: Agency, people: Staff, today: date, past_workdays: list[date], rng: random.Random
    ) -> None:
        self.agency, self.people, self.today, self.rng = agency, people, today, rng
        self.past_workdays = past_workdays
        self.counts: dict[str, int] = {}

    def back(self, n: int) -> date:
        """The n-th working day before today."""
        return self.past_workdays[n - 1]

    def particulars(self, *, company: bool = False) -> dict[str, Any]:
        rng = self.rng
        village = rng.choice(VILLAGES)
        description = rng.choice(REQUESTS).format(village=village, year=self.today.year - 1)
        delivery = rng.choice(["post", "pickup", "online", "on_site"])
        form = "paper" if delivery in ("post", "pickup") else rng.choice(["paper", "electronic"])
        address = f"浙江省宁波市象山县{rng.choice(STREETS)}{rng.randrange(1, 300)}号"
        if company:
            kind, name, code = rng.choice(COMPANIES)
            return {
                "applicant_type": kind,
                "applicant_name": name,
                "applicant_id_type": "credit_code",
                "applicant_id_number": code,
                "contact_person": rng.choice(SURNAMES) + rng.choice(GIVEN),
                "phone": f"0574-65{rng.randrange(100000, 999999)}",
                "address": address,
                "postcode": "315700",
                "description": description,
                "requested_form": form,
                "delivery_method": delivery,
            }
        return {
            "applicant_type": "natural_person",
            "applicant_name": rng.choice(SURNAMES) + rng.choice(GIVEN),
            "applicant_id_type": "resident_id",
            "applicant_id_number": resident_id(rng),
            "phone": f"13{rng.randrange(5, 10)}{rng.randrange(10_000_000, 99_999_999)}",
            "address": address,
            "postcode": "315700",
            "description": description,
            "requested_form": form,
            "delivery_method": delivery,
        }

    def receive(self, on: date, *, channel: str = "", company: bool = False) -> tuple[Application, str]:
        """An application received on `on` by a channel of the 条例第三十一条."""
        channel = channel or self.rng.choice(["in_person", "in_person", "letter", "online"])
        fields = self.particulars(company=company)
        if channel == "online":
            # Submitted the evening before; staff confirm with the applicant the next working day.
            evening = datetime.combine(workdays_before(on, 1)[0], time(20, 15), tzinfo=SHANGHAI)
            created = services.application_submit_online(
                agency=self.agency, submitted_at=evening, applicant=ApplicantDetails(**fields)
            )
            services.application_confirm_receipt(
                actor=self.people.staff, application=created.application, received_on=on
            )
            return created.application, created.query_code
        extra: dict[str, Any] = {"letter_kind": "registered"} if channel == "letter" else {}
        created = services.application_register(
            actor=self.people.staff,
            agency=self.agency,
            channel=channel,
            received_on=on,
            applicant=ApplicantDetails(**fields),
            **extra,
        )
        return created.application, created.query_code

    def reply(self, application: Application, result: str, on: date, *, deliver: bool = True) -> None:
        services.application_draft_reply(
            actor=self.people.staff, application=application, result=result, reasons=REASONS.get(result, "")
        )
        event = services.application_sign_reply(
            actor=self.people.head, application=application, replied_on=on
        )
        if deliver:
            post = application.delivery_method == "post"
            services.application_record_delivery(
                actor=self.people.staff,
                application=application,
                notice_event_id=event.pk,
                method=NoticeDelivery.POST if post else NoticeDelivery.IN_PERSON,
                delivered_on=min(self.today, on + timedelta(days=2 if post else 0)),
                proof=f"EMS {self.rng.randrange(10**12, 10**13)}" if post else "申请人签收回执",
            )
        self.count(result)

    def count(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1

    def closed_year(self, how_many: int) -> None:
        """Applications received over the past year and answered in 5–18 working days."""
        results = [
            Result.DISCLOSED,
            Result.DISCLOSED,
            Result.DISCLOSED,
            Result.PARTIALLY_DISCLOSED,
            Result.UNAVAILABLE_NOT_HELD,
            Result.UNAVAILABLE_NOT_HELD,
            Result.UNAVAILABLE_NEEDS_CREATION,
            Result.WITHHELD_PROCESS_INFO,
            Result.NOT_PROCESSED_DUPLICATE,
            Result.NOT_PROCESSED_PETITION,
        ]
        for index in range(how_many):
            # Spread over the year, the oldest first, leaving the last six weeks to the open ones.
            received = self.back(30 + (how_many - index) * 220 // how_many)
            application, _ = self.receive(received, company=self.rng.random() < 0.25)
            self.reply(
                application, self.rng.choice(results), add_workdays(received, self.rng.randint(5, 18)).date
            )


def build_xs(builder: Builder) -> Loaded:
    """象山县自然资源和规划局: every state an application can be in, and the sample for the status page."""
    b, staff, head = builder, builder.people.staff, builder.people.head
    b.closed_year(16)

    # Closed after a correction: 补正后仍不明确 (条例第三十条), only possible after a correction.
    application, _ = b.receive(b.back(120))
    services.application_request_correction(
        actor=staff,
        application=application,
        notified_on=b.back(118),
        items="请写明所需批准文件的文号或地块位置。",
        period_workdays=10,
    )
    services.application_receive_correction(actor=staff, application=application, received_on=b.back(112))
    b.reply(application, Result.UNAVAILABLE_UNCLEAR, b.back(100))

    # No correction in time: 视为放弃申请 (report row 三（六）1).
    application, _ = b.receive(b.back(90))
    services.application_request_correction(
        actor=staff,
        application=application,
        notified_on=b.back(88),
        items="请提供申请人身份证明复印件。",
        period_workdays=10,
    )
    services.application_lapse_correction(actor=staff, application=application, on=b.back(70))
    b.count(Result.OTHER_NO_CORRECTION)

    # A third party consulted, then withheld (条例第三十二条): the consultation time is not counted.
    consulted, _ = b.receive(b.back(80), company=True)
    services.application_start_consultation(
        actor=staff, application=consulted, sent_on=b.back(75), party="宁波港城房地产开发有限公司"
    )
    services.application_end_consultation(
        actor=staff, application=consulted, answered_on=b.back(66), outcome="objected"
    )
    b.reply(consulted, Result.WITHHELD_THIRD_PARTY, b.back(60))

    # Extended with the head's consent (条例第三十三条第二款), answered within the longer period.
    application, _ = b.receive(b.back(64))
    services.application_extend(
        actor=head,
        application=application,
        workdays=15,
        approved_on=b.back(47),
        notified_on=b.back(46),
        reason="所申请信息涉及多个年度的档案，需要调取和审核。",
    )
    b.reply(application, Result.PARTIALLY_DISCLOSED, b.back(36))

    # A fee notice left unpaid (国办函〔2020〕109号): ends as row 三（六）2.
    application, _ = b.receive(b.back(62), company=True)
    services.application_notify_fee(
        actor=staff, application=application, method="by_volume", pages=150, notified_on=b.back(58)
    )
    services.application_lapse_fee(actor=staff, application=application, on=b.back(30))
    b.count(Result.OTHER_FEE_UNPAID)

    # Withdrawn by the applicant (row 三（六）3).
    application, _ = b.receive(b.back(40))
    services.application_withdraw(actor=staff, application=application, withdrawn_on=b.back(37))
    b.count("withdrawn")

    # Answered late: the record shows it.
    late, _ = b.receive(b.back(50))
    b.reply(late, Result.DISCLOSED, b.back(27))

    # Open, in every state, relative to today.
    b.receive(b.back(2), channel="in_person")  # plenty of time
    b.receive(b.back(6), channel="letter")
    b.receive(b.back(16), channel="in_person")  # due within 5 working days
    b.receive(b.back(22), channel="in_person")  # overdue
    pending = services.application_submit_online(
        agency=b.agency,
        submitted_at=timezone.now() - timedelta(hours=3),
        applicant=ApplicantDetails(**b.particulars()),
    )
    assert pending.application.received_on is None  # 待确认收到 (条例第三十一条)
    application, _ = b.receive(b.back(9), channel="online")
    services.application_start_consultation(
        actor=staff, application=application, sent_on=b.back(5), party="象山海韵水产有限公司"
    )
    application, _ = b.receive(b.back(7), channel="letter", company=True)
    services.application_notify_fee(
        actor=staff, application=application, method="by_volume", pages=120, notified_on=b.back(2)
    )
    application, _ = b.receive(b.back(21), channel="in_person")
    services.application_extend(
        actor=head,
        application=application,
        workdays=15,
        approved_on=b.back(3),
        notified_on=b.back(3),
        reason="需要征询县农业农村局意见并调取历年档案。",
    )
    application, _ = b.receive(b.back(12), channel="in_person")
    services.application_request_correction(
        actor=staff,
        application=application,
        notified_on=b.back(10),
        items="请明确所需信息对应的年份。",
        period_workdays=10,
    )
    services.application_receive_correction(actor=staff, application=application, received_on=b.back(6))

    # The sample: awaiting a correction the applicant can submit on the status page.
    sample, code = b.receive(b.back(4), channel="in_person")
    services.application_request_correction(
        actor=staff,
        application=sample,
        notified_on=b.back(2),
        items="请写明所需文件的名称、文号或者形成时间，便于查找。",
        period_workdays=10,
    )

    # Reconsideration and litigation about this body's replies (table 四).
    upheld = appeal_case_register(
        agency=b.agency,
        kind=CaseKind.RECONSIDERATION,
        application=consulted,
        actor=staff,
        filed_on=b.back(50),
        copy_received_on=b.back(48),
        response_submitted_on=b.back(42),
        case_number=f"象政复〔{b.back(50).year}〕{b.rng.randrange(10, 99)}号",
        authority="象山县人民政府",
    )
    appeal_case_decide(case=upheld, outcome=Outcome.UPHELD, decided_on=b.back(20), actor=staff)
    appeal_case_register(
        agency=b.agency,
        kind=CaseKind.LITIGATION_DIRECT,
        application=late,
        actor=staff,
        filed_on=b.back(15),
        copy_received_on=b.back(12),
        case_number=f"（{b.back(15).year}）浙0225行初{b.rng.randrange(100, 999)}号",
        authority="象山县人民法院",
    )
    return Loaded(
        sample_agency=b.agency.name, sample_number=sample.number, sample_query_code=code, counts=b.counts
    )


def build_nb(builder: Builder) -> None:
    """宁波市自然资源和规划局: a quieter year, with one overdue case for the supervising office to see."""
    b = builder
    b.closed_year(6)
    b.receive(b.back(3), channel="online")
    b.receive(b.back(24), channel="in_person")  # overdue
    application, _ = b.receive(b.back(45))
    b.reply(application, Result.UNAVAILABLE_NOT_HELD, b.back(30))
    appeal_case_register(
        agency=b.agency,
        kind=CaseKind.RECONSIDERATION,
        application=application,
        actor=b.people.staff,
        filed_on=b.back(8),
        copy_received_on=b.back(6),
        authority="宁波市人民政府",
        case_number=f"甬政复〔{b.back(8).year}〕{b.rng.randrange(100, 999)}号",
    )


def build_last_year(builder: Builder, how_many: int) -> None:
    """Applications received and answered in the year just ended: the figures of the body's annual report
    on it (`demo_reports`), whatever the day the demo is loaded."""
    builder.closed_year(how_many)


def make_users() -> dict[str, User]:
    users = {}
    for demo in USERS:
        user = user_create(
            username=demo.username,
            password=PASSWORD,
            full_name=demo.full_name,
            email=f"{demo.username}@demo.example.cn",
        )
        agency = Agency.objects.get(code=demo.agency)
        membership_grant(user=user, agency=agency, role=demo.role)
        if demo.role == Role.ADMIN:
            # Django's admin site (bodies, users, calendar) needs the staff and superuser flags.
            User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
            audit_record(
                action="user_grant_admin_site", obj=user, message=f"演示数据：{user.username} 可进入管理后台"
            )
        users[demo.username] = user
    return users


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
