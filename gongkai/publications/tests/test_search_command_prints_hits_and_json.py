"""`gongkai search QUERY [--agency CODE] [--subtree] [--limit] [--page] [--json]`."""

from __future__ import annotations

import json
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.publications.tests.factories import load_lines, make_agency, make_cast

pytestmark = pytest.mark.django_db


def run(*args: str) -> dict[str, Any]:
    out = StringIO()
    call_command("search", *args, "--json", stdout=out, stderr=StringIO())
    result: dict[str, Any] = json.loads(out.getvalue())
    return result


def test_json_hits_newest_first_with_the_exact_total() -> None:
    cast = make_cast()
    town = make_agency("NB-FGW-X", "下属单位", parent=cast.agency)
    load_lines(
        cast.agency,
        [
            {"title": f"节能通知{i}", "published": f"2024-01-{i:02d}", "doc_number": f"甬发改〔2024〕{i}号"}
            for i in range(1, 6)
        ],
    )
    load_lines(town, [{"title": "节能检查", "published": "2024-02-01"}])
    result = run("节能")
    assert result["total"] == 6 and result["total_is_exact"] is True
    hits = result["hits"]
    assert hits[0] == {"index_number": "NB-FGW-X/2024-00001", "title": "节能检查", "published": "2024-02-01"}
    assert run("节能", "--agency", "NB-FGW")["total"] == 5
    assert run("节能", "--agency", "NB-FGW", "--subtree")["total"] == 6
    assert [h["title"] for h in run("节能", "--limit", "2", "--page", "2")["hits"]] == [
        "节能通知4",
        "节能通知3",
    ]
    assert run("甬发改[2024]3号")["total"] == 1
    assert run("没有这个词")["total"] == 0  # no hits is not an error


def test_usage_errors_exit_2_and_unknown_bodies_exit_1() -> None:
    make_cast()
    with pytest.raises(CommandError) as usage:
        call_command("search", "节能", "--subtree")
    assert usage.value.returncode == 2
    with pytest.raises(CommandError) as usage:
        call_command("search", "节能", "--limit", "1000")
    assert usage.value.returncode == 2
    with pytest.raises(CommandError) as rejected:
        call_command("search", "节能", "--agency", "NOPE")
    assert rejected.value.returncode == 1
