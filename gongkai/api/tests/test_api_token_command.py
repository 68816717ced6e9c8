from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.agencies.models import Agency
from gongkai.api.models import ApiToken
from gongkai.api.tests.factories import make_agency
from gongkai.api.tokens import api_token_authenticate, hash_token
from gongkai.core.models import AuditLog

pytestmark = pytest.mark.django_db


def create(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    call_command("api", "token", "create", *args)
    return capsys.readouterr().out.strip()


def test_create_prints_the_token_once_and_stores_only_its_hash(capsys: pytest.CaptureFixture[str]) -> None:
    agency = make_agency()
    raw = create(capsys, "--agency", agency.code, "--name", "浙江政务服务网")
    token = ApiToken.objects.get()
    assert raw.startswith("gk_") and len(raw) > 40
    assert token.token_hash == hash_token(raw)
    assert raw not in (token.token_hash, token.prefix)
    assert raw.startswith(token.prefix)
    assert token.agency == agency and token.name == "浙江政务服务网"
    assert AuditLog.objects.filter(action="api_token_create", agency=agency).count() == 1


def test_the_printed_token_authenticates_as_its_body(capsys: pytest.CaptureFixture[str]) -> None:
    agency = make_agency()
    raw = create(capsys, "--agency", agency.code, "--name", "12345")
    found = api_token_authenticate(raw)
    assert found is not None and found.agency == agency
    assert found.last_used is not None


def test_an_unknown_body_is_rejected_with_exit_1() -> None:
    with pytest.raises(CommandError) as raised:
        call_command("api", "token", "create", "--agency", "NOPE", "--name", "x")
    assert raised.value.returncode == 1
    assert "机关不存在" in str(raised.value)
    assert not ApiToken.objects.exists()


def test_a_second_active_token_with_the_same_name_is_rejected(capsys: pytest.CaptureFixture[str]) -> None:
    agency = make_agency()
    create(capsys, "--agency", agency.code, "--name", "12345")
    with pytest.raises(CommandError) as raised:
        call_command("api", "token", "create", "--agency", agency.code, "--name", "12345")
    assert raised.value.returncode == 1
    assert "已有名为" in str(raised.value)
    assert ApiToken.objects.count() == 1


def test_revoke_stops_the_token_and_frees_its_name(capsys: pytest.CaptureFixture[str]) -> None:
    agency = make_agency()
    raw = create(capsys, "--agency", agency.code, "--name", "12345")
    call_command("api", "token", "revoke", "--agency", agency.code, "--name", "12345")
    assert api_token_authenticate(raw) is None
    assert AuditLog.objects.filter(action="api_token_revoke").count() == 1
    create(capsys, "--agency", agency.code, "--name", "12345")
    assert ApiToken.objects.filter(revoked_at__isnull=True).count() == 1


def test_only_an_administrator_may_be_named_as_the_creator(capsys: pytest.CaptureFixture[str]) -> None:
    agency = make_agency()
    User.objects.create_user(username="clerk", password="x")
    with pytest.raises(CommandError) as raised:
        call_command("api", "token", "create", "--agency", agency.code, "--name", "x", "--by", "clerk")
    assert raised.value.returncode == 1
    assert "系统管理员" in str(raised.value)
    User.objects.create_superuser(username="root", password="x")
    create(capsys, "--agency", agency.code, "--name", "x", "--by", "root")
    assert ApiToken.objects.get().created_by == User.objects.get(username="root")


def test_list_shows_prefixes_never_tokens(capsys: pytest.CaptureFixture[str]) -> None:
    agency = make_agency()
    raw = create(capsys, "--agency", agency.code, "--name", "12345")
    call_command("api", "token", "list", "--json")
    out = capsys.readouterr().out
    assert raw not in out
    assert ApiToken.objects.get().prefix in out
    assert Agency.objects.count() == 1


def test_the_admin_lists_tokens_and_revokes_them_through_the_service() -> None:
    from django.contrib.auth.models import User
    from django.test import Client

    from gongkai.api.models import ApiToken
    from gongkai.api.tokens import api_token_create
    from gongkai.core.models import AuditLog

    agency = Agency.objects.create(code="NB-ADM", name="宁波市某局")
    token, raw = api_token_create(agency=agency, name="政务服务网")
    admin = User.objects.create_superuser("root", "root@example.cn", "x")
    client = Client()
    client.force_login(admin)
    page = client.get("/admin/api/apitoken/").content.decode()
    assert "政务服务网" in page and token.prefix in page and raw not in page
    assert client.get("/admin/api/apitoken/add/").status_code == 403
    client.post("/admin/api/apitoken/", {"action": "revoke", "_selected_action": [token.pk]})
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    assert AuditLog.objects.filter(action="api_token_revoke", actor=admin).exists()
