"""The admin's column headers are Chinese (verbose names, not field names), and the audit log names its
actions in Chinese — every action the code writes has a name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib import admin
from django.contrib.admin.utils import label_for_field
from django.test import Client

from gongkai.core.actions import ACTION_LABELS
from gongkai.core.audit import audit_record
from gongkai.workbench.tests.factories import make_cast

pytestmark = pytest.mark.django_db

CHINESE = re.compile(r"[\u4e00-\u9fff]")
OURS = ("gongkai.", "django.contrib.auth")


def test_every_column_of_every_list_is_headed_in_chinese() -> None:
    english = []
    for model, model_admin in admin.site._registry.items():
        if not model.__module__.startswith(OURS):
            continue
        for name in model_admin.list_display:
            if name == "action_checkbox":
                continue
            label = str(label_for_field(name, model, model_admin))
            if not CHINESE.search(label):
                english.append(f"{model.__name__}.{name}: {label}")
    assert english == []


def test_every_action_written_to_the_audit_log_has_a_chinese_name() -> None:
    root = Path(__file__).resolve().parents[1]
    written = set()
    for path in root.rglob("*.py"):
        if "/tests/" in str(path):
            continue
        text = path.read_text(encoding="utf-8")
        written |= set(re.findall(r'action="([a-z_]+)"', text))
        written |= set(re.findall(r"audit_actions = \\(([^)]*)\\)", text))
    written = {name for name in written if name not in ("store_true", "store_false")}
    for match in list(written):
        if "," in match or '"' in match:
            written.discard(match)
            written |= set(re.findall(r'"([a-z_]+)"', match))
    assert sorted(written - set(ACTION_LABELS)) == []


def test_the_audit_log_list_shows_action_names() -> None:
    from django.contrib.auth.models import User

    make_cast()
    audit_record(action="register_import", message="从台账导入")
    client = Client()
    client.force_login(User.objects.create_superuser("root", "root@example.cn", "x"))
    html = client.get("/admin/core/auditlog/").content.decode()
    assert "导入台账" in html and ">register_import<" not in html
