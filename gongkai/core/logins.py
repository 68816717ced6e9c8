"""Staff sign-in: failed logins counted and locked out by django-axes, and every failure, lockout and
sign-in written to the audit log.

After `AXES_FAILURE_LIMIT` failures within the cool-off time the account is locked, and so is the address
the failures came from (an attacker who tries many accounts from one address, or one account from many
addresses, is stopped either way); the page then says so in Chinese, and the right password is refused
too until the cool-off time has passed. An administrator can unlock at once (`gongkai axes_reset_username
NAME`, or by deleting the access attempts in /admin/).
"""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.core.audit import audit_record
from gongkai.core.proxy import client_address

LOCKED_OUT = (
    "登录失败次数过多（连续 {limit} 次），该账户或本机地址已被暂时锁定，请 {minutes} 分钟后再试。"
    "如需立即解锁，请联系系统管理员。"
)


def lockout_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return LOCKED_OUT.format(limit=settings.AXES_FAILURE_LIMIT, minutes=minutes)


class LockoutBackend(AxesStandaloneBackend):  # type: ignore[misc]  # django-axes ships no types
    """django-axes's check before the password is: a locked-out account or address is refused.

    A sign-in without a request comes from code on the server (a command, a test), not from someone
    guessing at the login page: it is left to the next backend."""

    def authenticate(self, request: HttpRequest | None, *args: Any, **kwargs: Any) -> None:
        if request is None:
            return None
        super().authenticate(request, *args, **kwargs)  # returns nothing, or raises for a locked-out sign-in
        return None


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """The login page again, saying why it refuses (429 Too Many Requests)."""
    context = {"locked_out": lockout_message(), "next": request.POST.get("next", "")}
    return render(request, "workbench/login.html", context, status=429)


def _detail(request: HttpRequest | None, username: str) -> dict[str, str]:
    detail = {"username": username[:150]}
    if request is not None:
        detail["address"] = client_address(request)
        detail["path"] = request.path
    return detail


@receiver(user_login_failed)
def _log_failure(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    username = str(credentials.get("username", ""))
    locked = bool(request is not None and getattr(request, "axes_locked_out", False))
    audit_record(
        action="login_failed",
        refused=True,
        message=f"登录失败：用户名“{username[:150]}”"
        + ("（已锁定，未核对密码）" if locked else "（用户名或密码错误）"),
        detail=_detail(request, username),
    )


@receiver(user_locked_out)
def _log_lockout(
    sender: Any, request: HttpRequest | None = None, username: str | None = None, **kwargs: Any
) -> None:
    audit_record(
        action="login_locked_out",
        refused=True,
        message=f"登录失败次数过多，锁定用户名“{(username or '')[:150]}”及其来源地址"
        f" {settings.AXES_COOLOFF_TIME.total_seconds() // 60:.0f} 分钟",
        detail=_detail(request, username or ""),
    )


@receiver(user_logged_in)
def _log_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is None or not hasattr(request, "session"):
        return
    audit_record(
        action="login",
        actor=user,
        message=f"{user.get_username()} 登录",
        detail=_detail(request, user.get_username()),
    )


@receiver(user_logged_out)
def _log_logout(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is None or user is None:
        return
    audit_record(
        action="logout",
        actor=user,
        message=f"{user.get_username()} 退出登录",
        detail=_detail(request, user.get_username()),
    )
