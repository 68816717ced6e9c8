"""`scripts/run.sh [HOST:PORT]` serves the demo with DEBUG off (the Chinese error pages, as users see them)
and `gongkai demo --address` prints every link with the address actually served."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
RUN = Path(__file__).resolve().parents[3] / "scripts" / "run.sh"


def test_the_demo_links_point_at_the_address_given() -> None:
    out = StringIO()
    call_command("demo", "--address", "192.0.2.8:9000", stdout=out, stderr=StringIO())
    links = re.findall(r"https?://\S+", out.getvalue())
    assert links and all(link.startswith("http://192.0.2.8:9000/") for link in links)


def test_run_sh_leaves_debug_off_and_passes_the_address_it_serves() -> None:
    script = RUN.read_text()
    assert "GONGKAI_DEBUG" not in script
    assert 'demo --address "$shown"' in script and 'runserver "$address"' in script
