"""The shapes of the API's requests and answers. Choice fields take the keys of the application model
(`ApplicantType`, `Status`, `Result`), which are also the keys of the annual report's cells."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from ninja import Field, Schema
from pydantic import create_model, field_validator

from gongkai.applications.intake import APPLICANT_FIELDS
from gongkai.applications.models import ApplicantType, Application, IdType, InformationDelivery, RequestedForm

# How the API takes the applicant's particulars (`ApplicantDetails`): titles and lengths are the
# `Application` model's; here only the type of a choice, what must be given, and a word of description.
APPLICANT_TYPES: dict[str, Any] = {
    "applicant_type": ApplicantType,
    "applicant_id_type": IdType | None,
    "requested_form": RequestedForm,
    "delivery_method": InformationDelivery,
}
APPLICANT_REQUIRED = {"applicant_type", "applicant_name", "applicant_id_number", "description"}
APPLICANT_REQUIRED |= {"requested_form", "delivery_method"}
APPLICANT_DESCRIPTIONS = {
    "applicant_type": "自然人或法人/其他组织的类别",
    "applicant_id_type": "不填时：自然人为居民身份证，法人或其他组织为统一社会信用代码",
    "email": "填写后，办理进展将发送到该邮箱",
    "description": "名称、文号或便于查询的其他特征性描述（条例第二十九条）",
}


def applicant_schema_field(name: str) -> tuple[Any, Any]:
    """One of the applicant's particulars as a field of the API's schema."""
    model_field = Application._meta.get_field(name)
    kind = APPLICANT_TYPES.get(name, str)
    options: dict[str, Any] = {"title": str(getattr(model_field, "verbose_name", name))}
    if name in APPLICANT_DESCRIPTIONS:
        options["description"] = APPLICANT_DESCRIPTIONS[name]
    if kind is str:
        if name in APPLICANT_REQUIRED:
            options["min_length"] = 1
        if getattr(model_field, "max_length", None):
            options["max_length"] = model_field.max_length  # type: ignore[union-attr]
    if name in APPLICANT_REQUIRED:
        return kind, Field(**options)
    return kind, Field(None if kind is not str else "", **options)


if TYPE_CHECKING:
    ApplicantIn = Schema
else:
    ApplicantIn = create_model(
        "ApplicantIn",
        __base__=Schema,
        **{name: applicant_schema_field(name) for name in APPLICANT_FIELDS},
    )


class ApplicationSubmitIn(ApplicantIn):
    """An application made on another platform (政务服务网, 12345…), passed on to the body."""

    submitted_at: dt.datetime | None = Field(
        None, title="提交时间", description="申请人在平台上提交的时间，带时区"
    )
    received_on: dt.date | None = Field(
        None,
        title="收到日期",
        description="平台已与申请人确认收到的日期（条例第三十一条：以双方确认之日为收到申请之日）；"
        "不填则为“待确认收到”，由工作人员确认。",
    )

    @field_validator("email")
    @classmethod
    def email_is_an_address(cls, value: str) -> str:
        value = value.strip()
        if value:
            try:
                validate_email(value)
            except ValidationError:
                raise ValueError("电子邮箱格式不正确") from None
        return value

    @field_validator("applicant_name", "description")
    @classmethod
    def not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("不能为空")
        return value.strip()


class ApplicationSubmitOut(Schema):
    number: str = Field(title="受理编号")
    query_code: str = Field(title="查询码", description="申请人凭受理编号和查询码查询办理进度；请转告申请人")
    status: str = Field(title="状态")
    status_label: str = Field(title="状态名称")
    received_on: dt.date | None = Field(title="收到日期")
    due_date: dt.date | None = Field(title="答复期限")
    due_date_provisional: bool = Field(title="期限暂定")
    status_url: str = Field(title="查询页面")


class StatusQueryIn(Schema):
    number: str = Field(title="受理编号", min_length=1, max_length=64)
    query_code: str = Field(title="查询码", min_length=1, max_length=32)


class ProgressOut(Schema):
    """One step of the application as the applicant sees it: what happened, and when."""

    date: dt.date | None = Field(title="日期")
    label: str = Field(title="办理进展")


class StatusOut(Schema):
    """What an applicant may see of their application. No personal data: whoever holds the number and
    the query code sees this much and no more."""

    number: str = Field(title="受理编号")
    agency: str = Field(title="机关")
    status: str = Field(title="状态")
    status_label: str = Field(title="状态名称")
    received_on: dt.date | None = Field(title="收到日期")
    due_date: dt.date | None = Field(title="答复期限")
    due_date_provisional: bool = Field(title="期限暂定")
    correction_due: dt.date | None = Field(title="补正期限", description="待补正时：补正材料应在此日前提交")
    payment_due: dt.date | None = Field(title="缴费期限", description="待缴费时：信息处理费应在此日前缴纳")
    closed_on: dt.date | None = Field(title="办结日期")
    result: str = Field(title="答复结果")
    result_label: str = Field(title="答复结果名称")
    progress: list[ProgressOut] = Field(title="办理进展")


class StaffApplicationOut(Schema):
    number: str = Field(title="受理编号")
    status: str = Field(title="状态")
    status_label: str = Field(title="状态名称")
    channel: str = Field(title="申请方式")
    applicant_type: str = Field(title="申请人类型")
    received_on: dt.date | None = Field(title="收到日期")
    due_date: dt.date | None = Field(title="答复期限")
    due_date_provisional: bool = Field(title="期限暂定")
    deadline_state: str | None = Field(
        title="期限状态", description="overdue 已逾期、due_soon 即将到期、ok 正常"
    )


class StaffApplicationDetailOut(StaffApplicationOut):
    """One application for the body's own staff platform, with the applicant's particulars."""

    source: str = Field(title="来源")
    applicant_name: str = Field(title="申请人姓名或名称")
    contact_person: str = Field(title="联系人")
    phone: str = Field(title="联系电话")
    email: str = Field(title="电子邮箱")
    address: str = Field(title="通信地址")
    description: str = Field(title="申请公开的政府信息")
    submitted_at: dt.datetime | None = Field(title="提交时间")
    closed_on: dt.date | None = Field(title="办结日期")
    result: str = Field(title="答复结果")
    result_label: str = Field(title="答复结果名称")
    progress: list[ProgressOut] = Field(title="办理进展")


MAX_PER_PAGE = 200


class DeadlineState(StrEnum):
    """An open application's deadline state, derived from its due date (条例第三十三条)."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    OK = "ok"


class ListFilter(Schema):
    state: DeadlineState | None = Field(
        None, title="期限状态", description="overdue 已逾期、due_soon 即将到期（5个工作日内）、ok 正常"
    )
    page: int = Field(1, ge=1, title="页码")
    per_page: int = Field(50, ge=1, le=MAX_PER_PAGE, title="每页条数")


class ApplicationPage(Schema):
    count: int = Field(title="总数")
    page: int = Field(title="页码")
    pages: int = Field(title="总页数")
    items: list[StaffApplicationOut] = Field(title="申请")


class ErrorOut(Schema):
    detail: str = Field(title="错误说明")
