"""The kind of information (信息类型: normative documents, interpretations…) filters the API's list and search
and `gongkai search --kind` as it filters the search page. The API ignored `kind` and answered every kind, as
if filtered; the command had no such option. An unknown kind is a 400 (API) or a usage error (exit 2)."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from gongkai.publications.models import Kind
from gongkai.publications.tests.factories import category, draft, make_cast, publish

pytestmark = pytest.mark.django_db


def test_kind_filters_the_api_and_the_command() -> None:
    cast = make_cast()
    normative = publish(
        cast, draft(cast, kind=Kind.NORMATIVE, category=category(cast.agency, "行政规范性文件"))
    )
    publish(cast, draft(cast, title="关于重点建设项目的工作动态", doc_number=""))
    client = Client()
    for url in ("/api/publications", "/api/publications/search"):
        found = client.get(url, {"q": "重点建设项目", "kind": "normative"}).json()
        assert [h["index_number"] for h in found["hits"]] == [normative.index_number]
        assert client.get(url, {"q": "重点建设项目"}).json()["total"] == 2
        refused = client.get(url, {"kind": "bogus"})
        assert refused.status_code == 400 and refused.json()["detail"] == "未知的信息类型：bogus"

    out = StringIO()
    call_command("search", "重点建设项目", "--kind", "normative", "--json", stdout=out, stderr=StringIO())
    assert [h["index_number"] for h in json.loads(out.getvalue())["hits"]] == [normative.index_number]
    with pytest.raises(CommandError) as usage:
        call_command("search", "重点建设项目", "--kind", "bogus", stdout=StringIO(), stderr=StringIO())
    assert usage.value.returncode == 2
