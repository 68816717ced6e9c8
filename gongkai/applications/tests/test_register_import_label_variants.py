from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from gongkai.agencies.services import agency_add
from gongkai.applications.models import ApplicantType, Application, Channel, Result
from gongkai.applications.register import applicant_type_for, channel_for, result_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("label", "result"),
    [
        ("予以公开", Result.DISCLOSED),
        ("部分公开", Result.PARTIALLY_DISCLOSED),
        ("部分公开（区分处理的，只计这一情形，不计其他情形）", Result.PARTIALLY_DISCLOSED),
        ("部分公开(区分处理的，只计这一情形，不计其他情形)", Result.PARTIALLY_DISCLOSED),
        ("危及“三安全一稳定”", Result.WITHHELD_SECURITY_STABILITY),
        ('危及"三安全一稳定"', Result.WITHHELD_SECURITY_STABILITY),
        ("危及三安全一稳定", Result.WITHHELD_SECURITY_STABILITY),
        ("属于三类内部事务信息", Result.WITHHELD_INTERNAL_AFFAIRS),
        ("本机关不掌握相关政府信息", Result.UNAVAILABLE_NOT_HELD),
        (" 三（四）1.本机关不掌握相关政府信息 ", Result.UNAVAILABLE_NOT_HELD),
        ("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Result.OTHER_NO_CORRECTION),
        ("其他", Result.OTHER_OTHER),
    ],
)
def test_result_labels_are_recognised_with_or_without_notes_numbering_and_either_quotes(
    label: str, result: str
) -> None:
    assert result_for(label) == result


def test_every_one_of_the_21_results_has_a_label() -> None:
    assert {result_for(choice.label) for choice in Result} == set(Result.values)


@pytest.mark.parametrize(
    ("label", "applicant_type"),
    [
        ("自然人", ApplicantType.NATURAL_PERSON),
        ("商业企业", ApplicantType.COMMERCIAL_ENTERPRISE),
        ("法人或其他组织/商业企业", ApplicantType.COMMERCIAL_ENTERPRISE),
        ("法人或其他组织（科研机构）", ApplicantType.RESEARCH_INSTITUTION),
        ("社会公益组织", ApplicantType.PUBLIC_INTEREST_ORG),
        ("法律服务机构", ApplicantType.LEGAL_SERVICE_ORG),
        ("其他", ApplicantType.OTHER_ORG),
    ],
)
def test_applicant_types_are_recognised_alone_or_under_their_group(label: str, applicant_type: str) -> None:
    assert applicant_type_for(label) == applicant_type


def test_the_group_name_alone_is_not_an_applicant_type() -> None:
    assert applicant_type_for("法人或其他组织") is None


@pytest.mark.parametrize(
    ("label", "channel"),
    [
        ("当面", Channel.IN_PERSON),
        ("信函", Channel.LETTER),
        ("传真", Channel.FAX),
        ("网络申请", Channel.ONLINE),
        ("其他", Channel.OTHER),
    ],
)
def test_channels_are_recognised(label: str, channel: str) -> None:
    assert channel_for(label) == channel


def test_other_in_the_applicant_column_and_other_in_the_result_column_do_not_clash(tmp_path: Path) -> None:
    agency_add(code="XS-ZRZY", name="象山县自然资源和规划局")
    path = tmp_path / "register.csv"
    path.write_text(
        "受理编号,申请人类型,收到日期,申请方式,申请内容,答复日期,办理结果\n"
        "Q-1,其他,2025-04-01,其他,撤回的申请,2025-04-03,其他\n",
        encoding="utf-8",
    )
    call_command("applications", "import", str(path), "--agency", "XS-ZRZY", stdout=StringIO())
    application = Application.objects.get()
    assert (application.applicant_type, application.channel, application.result) == (
        ApplicantType.OTHER_ORG,
        Channel.OTHER,
        Result.OTHER_OTHER,
    )
