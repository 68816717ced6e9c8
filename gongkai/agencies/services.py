"""Changes to bodies and memberships."""

from __future__ import annotations

import re

from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from gongkai.agencies.models import Agency, Membership
from gongkai.core.audit import audit_record

CODE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
# 条例 (2019) annual reports: the first year of the formats Gongkai generates.
FIRST_REPORT_YEAR = 2019


@transaction.atomic
def agency_add(
    *,
    code: str,
    name: str,
    parent_code: str | None = None,
    kind: str = Agency.Kind.DEPARTMENT,
    level: str = Agency.Level.COUNTY,
    reports_from: int | None = None,
    actor: User | None = None,
) -> Agency:
    """Add a body under its parent. A duplicate code or an unknown parent is rejected. `reports_from`:
    the first year whose annual report it makes in Gongkai (default: this year)."""
    code = code.strip()
    name = name.strip()
    if not CODE_PATTERN.match(code):
        raise ValidationError(f"机关代码只能由字母、数字、“-”和“_”组成，长度 1–32：{code!r}")
    if not name:
        raise ValidationError("机关名称不能为空。")
    if kind not in Agency.Kind.values:
        raise ValidationError(f"未知的机关类型：{kind}")
    if level not in Agency.Level.values:
        raise ValidationError(f"未知的机关层级：{level}")
    this_year = timezone.localdate().year
    if reports_from is not None and not FIRST_REPORT_YEAR <= reports_from <= this_year:
        raise ValidationError(f"年度报告起始年度应在 {FIRST_REPORT_YEAR}–{this_year} 之间：{reports_from}")
    if Agency.objects.filter(code=code).exists():
        raise ValidationError(f"机关代码已存在：{code}")
    parent = None
    if parent_code:
        parent = Agency.objects.filter(code=parent_code).first()
        if parent is None:
            raise ValidationError(f"上级机关不存在：{parent_code}")
    agency = Agency.objects.create(
        code=code, name=name, parent=parent, kind=kind, level=level, reports_from=reports_from or this_year
    )
    audit_record(action="agency_add", actor=actor, agency=agency, obj=agency, message=f"新增机关 {agency}")
    return agency


@transaction.atomic
def membership_grant(*, user: User, agency: Agency, role: str, actor: User | None = None) -> Membership:
    if role not in Membership.Role.values:
        raise ValidationError(f"未知的角色：{role}")
    membership, created = Membership.objects.get_or_create(user=user, agency=agency, role=role)
    if role == Membership.Role.ADMIN and not (user.is_staff and user.is_superuser):
        # 系统管理员 manage bodies, users, roles and the calendar in /admin/, which needs these flags.
        User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
        user.is_staff = user.is_superuser = True
        audit_record(
            action="user_grant_admin_site",
            actor=actor,
            obj=user,
            message=f"{user} 可进入管理后台（系统管理员）",
        )
    if created:
        audit_record(
            action="membership_grant",
            actor=actor,
            agency=agency,
            obj=membership,
            message=f"授予 {user} 在{agency.name}的角色：{membership.get_role_display()}",
        )
    return membership


PASSWORD_PROBLEMS = {
    "password_too_short": "密码太短，至少需要 {min_length} 个字符",
    "password_too_common": "密码太常见，容易被猜中，请换一个",
    "password_entirely_numeric": "密码不能全是数字",
    "password_too_similar": "密码与用户名或电子邮箱太相似，请换一个",
}


def password_problem(error: ValidationError) -> str:
    """A password validator's complaint in Chinese, whatever language the validator speaks."""
    template = PASSWORD_PROBLEMS.get(error.code or "")
    if template is None:
        return "；".join(error.messages)
    return template.format(**(error.params or {})) + "。"


@transaction.atomic
def user_create(*, username: str, password: str, full_name: str = "", email: str = "") -> User:
    if not username.strip():
        raise ValidationError("用户名不能为空。")
    if User.objects.filter(username=username).exists():
        raise ValidationError(f"用户名已存在：{username}")
    email = email.strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(f"电子邮箱格式不正确：{email}") from None
    try:
        validate_password(password, User(username=username, email=email))
    except ValidationError as error:
        raise ValidationError([password_problem(problem) for problem in error.error_list]) from None
    user = User.objects.create_user(username=username, password=password, email=email)
    if full_name:
        user.first_name = full_name
        user.save(update_fields=["first_name"])
    audit_record(action="user_create", obj=user, message=f"新增用户 {username}")
    return user
