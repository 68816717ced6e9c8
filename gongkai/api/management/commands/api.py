"""`gongkai api token create|list|revoke`: the bearer tokens that let a platform act for one body."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.api.models import ApiToken
from gongkai.api.tokens import api_token_create, api_token_revoke
from gongkai.core.cli import GongkaiCommand


class Command(GongkaiCommand):
    help = "接口令牌：创建、列出、吊销（由系统管理员执行）"

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="object", required=True)
        token = sub.add_parser("token", help="接口令牌")
        actions = token.add_subparsers(dest="action", required=True)

        create = actions.add_parser("create", help="为机关创建令牌，令牌只显示这一次")
        create.add_argument("--agency", required=True, help="机关代码")
        create.add_argument("--name", required=True, help="令牌名称（使用该令牌的平台）")
        create.add_argument("--by", help="创建令牌的系统管理员用户名（记入日志）")

        listing = actions.add_parser("list", help="列出令牌（不显示令牌本身）")
        listing.add_argument("--agency", help="只列出该机关的令牌")
        listing.add_argument("--json", action="store_true", help="以 JSON 输出")

        revoke = actions.add_parser("revoke", help="吊销令牌")
        revoke.add_argument("--agency", required=True, help="机关代码")
        revoke.add_argument("--name", required=True, help="令牌名称")
        revoke.add_argument("--by", help="吊销令牌的系统管理员用户名（记入日志）")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "list":
            self.list_tokens(options)
            return
        agency = self.agency(options["agency"])
        actor = self.admin(options["by"])
        try:
            if action == "create":
                token, raw = api_token_create(agency=agency, name=options["name"], actor=actor)
                self.stderr.write(
                    f"已为{agency.name}创建接口令牌“{token.name}”。令牌只显示这一次，请立即妥善保存："
                )
                self.stdout.write(raw)
            else:
                active = ApiToken.objects.filter(agency=agency, name=options["name"], revoked_at__isnull=True)
                found = active.first()
                if found is None:
                    self.reject(f"{agency.name}没有名为“{options['name']}”的有效令牌。")
                api_token_revoke(token=found, actor=actor)
                self.stderr.write(f"已吊销{agency.name}的接口令牌“{found.name}”。")
        except (ValidationError, PermissionDenied) as error:
            messages = error.messages if isinstance(error, ValidationError) else [str(error)]
            self.reject("；".join(messages))

    def agency(self, code: str) -> Agency:
        agency = Agency.objects.filter(code=code).first()
        if agency is None:
            self.reject(f"机关不存在：{code}")
        return agency

    def admin(self, username: str | None) -> User | None:
        if not username:
            return None
        user = User.objects.filter(username=username).first()
        if user is None:
            self.reject(f"用户不存在：{username}")
        return user

    def list_tokens(self, options: dict[str, Any]) -> None:
        tokens = ApiToken.objects.select_related("agency")
        if options["agency"]:
            tokens = tokens.filter(agency=self.agency(options["agency"]))
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
            self.write_json(rows)
            return
        for row in rows:
            state = f"已吊销 {row['revoked_at']}" if row["revoked_at"] else "有效"
            self.stdout.write(
                f"{row['agency']}\t{row['name']}\t{row['prefix']}…\t{state}\t最近使用：{row['last_used'] or '从未'}"
            )
