"""The work of `gongkai api token create|list|revoke`: the bearer tokens that let a platform act for
one body (created and revoked by a system administrator, each change logged by `api.tokens`)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.api.models import ApiToken
from gongkai.api.tokens import api_token_create, api_token_revoke
from gongkai.core.cli import GongkaiCommand


def run_token(command: GongkaiCommand, options: dict[str, Any]) -> None:
    action = options["action"]
    if action == "list":
        _list_tokens(command, options)
        return
    agency = _agency(command, options["agency"])
    actor = _admin(command, options["by"])
    try:
        if action == "create":
            token, raw = api_token_create(agency=agency, name=options["name"], actor=actor)
            command.stderr.write(
                f"已为{agency.name}创建接口令牌“{token.name}”。令牌只显示这一次，请立即妥善保存："
            )
            command.stdout.write(raw)
        else:
            active = ApiToken.objects.filter(agency=agency, name=options["name"], revoked_at__isnull=True)
            found = active.first()
            if found is None:
                command.reject(f"{agency.name}没有名为“{options['name']}”的有效令牌。")
            api_token_revoke(token=found, actor=actor)
            command.stderr.write(f"已吊销{agency.name}的接口令牌“{found.name}”。")
    except (ValidationError, PermissionDenied) as error:
        messages = error.messages if isinstance(error, ValidationError) else [str(error)]
        command.reject("；".join(messages))


def _agency(command: GongkaiCommand, code: str) -> Agency:
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        command.reject(f"机关不存在：{code}")
    return agency


def _admin(command: GongkaiCommand, username: str | None) -> User | None:
    if not username:
        return None
    user = User.objects.filter(username=username).first()
    if user is None:
        command.reject(f"用户不存在：{username}")
    return user


def _list_tokens(command: GongkaiCommand, options: dict[str, Any]) -> None:
    tokens = ApiToken.objects.select_related("agency")
    if options["agency"]:
        tokens = tokens.filter(agency=_agency(command, options["agency"]))
    rows = [
        {
            "agency": t.agency.code,
            "name": t.name,
            "prefix": t.prefix,
            "created_at": timezone.localtime(t.created_at).isoformat(timespec="seconds"),
            "last_used": timezone.localtime(t.last_used).isoformat(timespec="seconds")
            if t.last_used
            else None,
            "revoked_at": timezone.localtime(t.revoked_at).isoformat(timespec="seconds")
            if t.revoked_at
            else None,
        }
        for t in tokens
    ]
    if options["json"]:
        command.write_json(rows)
        return
    for row in rows:
        state = f"已吊销 {row['revoked_at']}" if row["revoked_at"] else "有效"
        command.stdout.write(
            f"{row['agency']}\t{row['name']}\t{row['prefix']}…\t{state}\t最近使用：{row['last_used'] or '从未'}"
        )
