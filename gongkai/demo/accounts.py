"""The demo's bodies and accounts: 宁波市人民政府 with three departments, and 象山县人民政府 below it with two
departments and two townships; a user for each role, all with the one password printed for everyone."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User

from gongkai.agencies.models import Agency, Membership
from gongkai.agencies.services import membership_grant, user_create
from gongkai.core.audit import audit_record

ROOT = "NB"
PASSWORD = "gongkai-demo"  # noqa: S105 (every demo user's, printed for all to use; never for real data)

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
