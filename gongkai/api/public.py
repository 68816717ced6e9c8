"""The applicant's status query: number + query code → status, dates, due date and reply decision.

The answer holds nothing personal (no name, contact or request text): whoever has the number and the
code sees only the progress. A wrong number and a wrong code get the same 404, and failed look-ups
share the status page's brake (`gongkai.core.throttle`), so guessing codes through the API is no
easier than through the page.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Router, Status

from gongkai.api.schemas import ErrorOut, StatusOut, StatusQueryIn
from gongkai.applications import selectors
from gongkai.applications.deadlines import compute_deadline
from gongkai.applications.models import Result
from gongkai.applications.models import Status as ApplicationStatus
from gongkai.core import throttle

router = Router(tags=["申请人查询"])

NOT_FOUND = "未找到该申请。请核对受理编号和查询码。"
TOO_MANY = "查询失败次数过多，请15分钟后再试。"


@router.post(
    "/status",
    response={200: StatusOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    summary="查询申请办理进度",
    description="凭受理编号和查询码查询。查询码放在请求体中（不放在网址里，以免留在日志中）。",
)
def application_status(
    request: HttpRequest, response: HttpResponse, payload: StatusQueryIn
) -> Status[dict[str, object]]:
    response["Cache-Control"] = "no-store"  # one applicant's progress, as the portal's status page
    if throttle.lookups_blocked(request):
        return Status(429, {"detail": TOO_MANY})
    application = selectors.get_application_for_applicant(payload.number.strip(), payload.query_code)
    if application is None:
        throttle.record_failure(request)
        raise Http404(NOT_FOUND)
    throttle.record_success(request)
    deadline = compute_deadline(application)
    return Status(
        200,
        {
            "number": application.number,
            "agency": application.agency.name,
            "status": application.status,
            "status_label": ApplicationStatus(application.status).label,
            "received_on": application.received_on,
            "due_date": application.due_date,
            "due_date_provisional": application.due_date_provisional,
            "correction_due": deadline.correction_due if application.is_open else None,
            "payment_due": deadline.payment_due if application.is_open else None,
            "closed_on": application.closed_on,
            "result": application.result,
            "result_label": Result(application.result).label if application.result else "",
            "progress": selectors.applicant_progress(application),
        },
    )
