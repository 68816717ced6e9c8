"""The work of `gongkai agencies add|list` (the bodies) and `gongkai users add|grant` (users and their
roles in a body); the commands only declare their arguments."""

from __future__ import annotations

import getpass
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.agencies.models import Agency, Membership
from gongkai.agencies.services import agency_add, membership_grant, user_create
from gongkai.core.cli import GongkaiCommand


def run_agencies(command: GongkaiCommand, options: dict[str, Any]) -> None:
    if options["action"] == "add":
        try:
            agency = agency_add(
                code=options["code"],
                name=options["name"],
                parent_code=options["parent"],
                kind=options["kind"],
                level=options["level"],
                reports_from=options["reports_from"],
            )
        except ValidationError as error:
            command.reject("；".join(error.messages))
        command.stderr.write(f"已新增机关：{agency.name}（{agency.code}）")
        command.stdout.write(agency.code)
    else:
        agencies = list(Agency.objects.select_related("parent"))
        if options["json"]:
            command.write_json(
                [
                    {
                        "code": a.code,
                        "name": a.name,
                        "parent": a.parent.code if a.parent else None,
                        "kind": a.kind,
                        "level": a.level,
                    }
                    for a in agencies
                ]
            )
        else:
            for a in agencies:
                command.stdout.write(
                    f"{'  ' * a.depth}{a.code}\t{a.name}\t{a.get_kind_display()}\t{a.get_level_display()}"
                )


def run_users(command: GongkaiCommand, options: dict[str, Any]) -> None:
    agency = Agency.objects.filter(code=options["agency"]).first()
    if agency is None:
        command.reject(f"机关不存在：{options['agency']}")
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
                    command.reject(f"用户不存在：{options['username']}")
                user = found
            membership_grant(user=user, agency=agency, role=options["role"])
    except ValidationError as error:
        command.reject("；".join(error.messages))
    command.stderr.write(
        f"已授予 {user.get_username()} 在{agency.name}的角色：{Membership.Role(options['role']).label}"
    )
