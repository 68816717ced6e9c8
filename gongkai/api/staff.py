"""Calls made by a body's own platform with the body's token: submit an application, list the open
ones with their due dates, get one. A token acts only for its own body (`auth.require_token_for`)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema, Status

from gongkai.api.auth import AgencyToken, require_token_for
from gongkai.api.schemas import (
    ApplicationPage,
    ApplicationSubmitIn,
    ApplicationSubmitOut,
    ErrorOut,
    ListFilter,
    StaffApplicationDetailOut,
)
from gongkai.applications import selectors, services
from gongkai.applications.deadlines import deadline_state
from gongkai.applications.intake import split_applicant
from gongkai.applications.models import Application, Result, Source
from gongkai.applications.models import Status as ApplicationStatus
from gongkai.applications.notifications import status_url

router = Router(tags=["机关平台"], auth=AgencyToken())

# Answers with an applicant's particulars or query code: neither the platform's HTTP cache nor a proxy may
# keep a copy (as the portal's status pages, `portal.views`).
NO_STORE = "no-store"

ERRORS: dict[int, type[Schema]] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def summary(application: Application) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "number": application.number,
        "status": application.status,
        "status_label": ApplicationStatus(application.status).label,
        "channel": application.channel,
        "applicant_type": application.applicant_type,
        "received_on": application.received_on,
        "due_date": application.due_date,
        "due_date_provisional": application.due_date_provisional,
        "deadline_state": deadline_state(application.due_date, today) if application.is_open else None,
    }


@router.post(
    "/{code}/applications",
    response={201: ApplicationSubmitOut, **ERRORS},
    summary="提交政府信息公开申请",
    description=(
        "其他平台（如政务服务网）转来的网上申请。不带 received_on 时，申请为“待确认收到”，由工作人员与申请人"
        "确认后开始计算答复期限（条例第三十一条）；平台已与申请人确认收到的，带上确认日期 received_on。"
        "返回的查询码只返回这一次，请转告申请人。"
    ),
)
def application_submit(
    request: HttpRequest, response: HttpResponse, code: str, payload: ApplicationSubmitIn
) -> Status[dict[str, Any]]:
    response["Cache-Control"] = NO_STORE
    agency = require_token_for(request, code)
    applicant, rest = split_applicant(payload.model_dump())
    created = services.application_submit_online(
        agency=agency, source=Source.API, actor=None, applicant=applicant, **rest
    )
    application = created.application
    return Status(
        201,
        {
            "number": application.number,
            "query_code": created.query_code,
            "status": application.status,
            "status_label": ApplicationStatus(application.status).label,
            "received_on": application.received_on,
            "due_date": application.due_date,
            "due_date_provisional": application.due_date_provisional,
            "status_url": status_url(),
        },
    )


@router.get(
    "/{code}/applications",
    response={200: ApplicationPage, **ERRORS},
    summary="本机关未办结的申请",
    description="按答复期限排序，期限最近的在前；待确认收到等暂无期限的排在最后。",
)
def application_list(
    request: HttpRequest, response: HttpResponse, code: str, filters: Query[ListFilter]
) -> dict[str, Any]:
    response["Cache-Control"] = NO_STORE
    agency = require_token_for(request, code)
    # The workbench's queue, read in index order: open applications by due date, undated ones last.
    page = selectors.applications_queue(
        [agency],
        status="open",
        state=filters.state.value if filters.state else None,
        page=filters.page,
        per_page=filters.per_page,
    )
    return {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "items": [summary(application) for application in page.object_list],
    }


@router.get(
    "/{code}/applications/{path:number}",
    response={200: StaffApplicationDetailOut, **ERRORS},
    summary="一件申请",
)
def application_detail(
    request: HttpRequest, response: HttpResponse, code: str, number: str
) -> dict[str, Any]:
    response["Cache-Control"] = NO_STORE
    agency = require_token_for(request, code)
    application = Application.objects.select_related("agency").filter(agency=agency, number=number).first()
    if application is None:
        raise Http404(f"{agency.name}没有受理编号为 {number} 的申请。")
    return {
        **summary(application),
        "source": application.source,
        "applicant_name": application.applicant_name,
        "contact_person": application.contact_person,
        "phone": application.phone,
        "email": application.email,
        "address": application.address,
        "description": application.description,
        "submitted_at": application.submitted_at,
        "closed_on": application.closed_on,
        "result": application.result,
        "result_label": Result(application.result).label if application.result else "",
        "progress": selectors.applicant_progress(application),
    }
