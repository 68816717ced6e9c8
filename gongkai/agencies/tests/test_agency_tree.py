from __future__ import annotations

import pytest
from django.core.management import call_command

from gongkai.agencies.models import Agency

pytestmark = pytest.mark.django_db


def test_the_subtree_of_a_body_includes_itself_and_its_descendants() -> None:
    call_command("agencies", "add", "NB", "宁波市人民政府", "--kind", "government")
    call_command("agencies", "add", "CX", "慈溪市人民政府", "--parent", "NB", "--kind", "government")
    call_command("agencies", "add", "CX-BGS", "慈溪市人民政府办公室", "--parent", "CX")
    call_command("agencies", "add", "YY", "余姚市人民政府", "--parent", "NB", "--kind", "government")
    codes = set(Agency.objects.get(code="CX").subtree().values_list("code", flat=True))
    assert codes == {"CX", "CX-BGS"}


def test_moving_a_body_moves_its_subtree() -> None:
    call_command("agencies", "add", "NB", "宁波市人民政府", "--kind", "government")
    call_command("agencies", "add", "CX", "慈溪市人民政府", "--parent", "NB", "--kind", "government")
    call_command("agencies", "add", "YY", "余姚市人民政府", "--parent", "NB", "--kind", "government")
    call_command("agencies", "add", "CX-BGS", "慈溪市人民政府办公室", "--parent", "CX")
    office = Agency.objects.get(code="CX-BGS")
    office.parent = Agency.objects.get(code="YY")
    office.save()
    call_command("agencies", "add", "CX-BGS-1", "某科室", "--parent", "CX-BGS")
    county = Agency.objects.get(code="YY")
    county.parent = None
    county.save()
    assert Agency.objects.get(code="CX-BGS-1").path == "/YY/CX-BGS/CX-BGS-1/"
