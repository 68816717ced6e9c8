"""`gongkai users add USERNAME --agency CODE --role ROLE [--password P]` and `gongkai users grant`."""

from __future__ import annotations

import getpass
from argparse import ArgumentParser
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.agencies.models import Agency, Membership
from gongkai.agencies.services import membership_grant, user_create
from gongkai.core.cli import GongkaiCommand


class Command(GongkaiCommand):
    help = "管理用户及其在各机关的角色"

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="新增用户并授予角色")
        add.add_argument("username")
        add.add_argument("--agency", required=True, help="机关代码")
        add.add_argument("--role", required=True, choices=Membership.Role.values)
        add.add_argument("--password", help="密码（不提供则交互输入）")
        add.add_argument("--name", default="", help="姓名")
        add.add_argument("--email", default="")
        grant = sub.add_parser("grant", help="为已有用户授予角色")
        grant.add_argument("username")
        grant.add_argument("--agency", required=True, help="机关代码")
        grant.add_argument("--role", required=True, choices=Membership.Role.values)

    def handle(self, *args: Any, **options: Any) -> None:
        agency = Agency.objects.filter(code=options["agency"]).first()
        if agency is None:
            self.reject(f"机关不存在：{options['agency']}")
        try:
            with transaction.atomic():
                if options["action"] == "add":
                    password = options["password"] or getpass.getpass("密码：")
                    user = user_create(
                        username=options["username"],
                        password=password,
                        full_name=options["name"],
                        email=options["email"],
                    )
                else:
                    found = User.objects.filter(username=options["username"]).first()
                    if found is None:
                        self.reject(f"用户不存在：{options['username']}")
                    user = found
                membership_grant(user=user, agency=agency, role=options["role"])
        except ValidationError as error:
            self.reject("；".join(error.messages))
        self.stderr.write(
            f"已授予 {user.get_username()} 在{agency.name}的角色：{Membership.Role(options['role']).label}"
        )
