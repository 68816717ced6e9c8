"""The checks of state and of the 条例 that decide whether an action is possible now. Each raises
`ActionRefused`; the services run them before they act, and `allowed_actions` runs them to list what the
pages may offer."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from gongkai.agencies.permissions import can_act, is_head
from gongkai.applications import fees
from gongkai.applications.deadlines import Deadline, compute_deadline
from gongkai.applications.models import NOTICE_EVENT_KINDS, Application, EventKind, Status
from gongkai.applications.selectors import latest_reply_draft
from gongkai.applications.services.base import ActionRefused, has_event, refuse, require_status, today

if TYPE_CHECKING:
    from gongkai.applications.services.base import Actor


def check_confirm_receipt(application: Application, deadline: Deadline) -> None:
    require_status(application, Status.PENDING_RECEIPT, doing="确认收到")


def check_request_correction(application: Application, deadline: Deadline) -> None:
    require_status(application, Status.IN_PROGRESS, doing="告知补正")
    # 条例第三十条: 一次性告知.
    if has_event(application, EventKind.CORRECTION_REQUESTED):
        raise refuse("已经告知过补正：补正应当一次性告知（条例第三十条）。")


def check_receive_correction(application: Application, deadline: Deadline) -> None:
    require_status(application, Status.AWAITING_CORRECTION, doing="登记收到补正")


def check_lapse_correction(application: Application, deadline: Deadline) -> None:
    require_status(application, Status.AWAITING_CORRECTION, doing="按逾期未补正处理")
    if has_event(application, EventKind.CORRECTION_SUBMITTED):
        raise refuse("申请人已在网上提交补正材料，请确认收到补正，不能按逾期未补正处理。")
    if deadline.correction_due is not None and today() <= deadline.correction_due:
        raise refuse(f"补正期限至 {deadline.correction_due.isoformat()} 届满，届满之后方可按逾期未补正处理。")


def check_start_consultation(application: Application, deadline: Deadline) -> None:
    require_status(application, Status.IN_PROGRESS, Status.CONSULTING, doing="征求意见")


def check_end_consultation(application: Application, deadline: Deadline) -> None:
    require_status(application, Status.CONSULTING, doing="登记征求意见结果")


def check_extend(application: Application, deadline: Deadline) -> None:
    require_status(application, Status.IN_PROGRESS, Status.CONSULTING, doing="延期答复")
    if has_event(application, EventKind.EXTENDED):
        raise refuse("该申请已经延期过一次，不能再次延期（条例第三十三条）。")


def check_notify_fee(application: Application, deadline: Deadline) -> None:
    require_status(application, Status.IN_PROGRESS, doing="发出收费通知")
    if application.received_on is not None and application.received_on < fees.FEES_IN_FORCE:
        raise refuse("2021年1月1日前收到的申请不适用《政府信息公开信息处理费管理办法》。")
    if has_event(application, EventKind.FEE_NOTIFIED) or has_event(application, EventKind.FEE_WAIVED):
        raise refuse("该申请已经作出收费决定：每件申请只能按一种方式计收一次（国办函〔2020〕109号）。")


def check_record_payment(application: Application, deadline: Deadline) -> None:
    require_status(application, Status.AWAITING_PAYMENT, doing="登记缴费")


def check_lapse_fee(application: Application, deadline: Deadline) -> None:
    require_status(application, Status.AWAITING_PAYMENT, doing="按逾期未缴费处理")
    if deadline.payment_due is not None and today() <= deadline.payment_due:
        raise refuse(
            f"缴费期限至 {deadline.payment_due.isoformat()} 届满（收到收费通知次日起20个工作日），届满之后方可按逾期未缴费处理。"
        )


def check_withdraw(application: Application, deadline: Deadline) -> None:
    if not application.is_open:
        raise refuse("该申请已办结，不能撤回。")


def check_draft_reply(application: Application, deadline: Deadline) -> None:
    require_status(application, Status.IN_PROGRESS, doing="拟写答复")


def check_sign_reply(application: Application, deadline: Deadline) -> None:
    require_status(application, Status.IN_PROGRESS, doing="签发答复")
    if latest_reply_draft(application) is None:
        raise refuse("尚无答复稿，请先拟写答复。")


def check_record_delivery(application: Application, deadline: Deadline) -> None:
    if not application.events.filter(kind__in=NOTICE_EVENT_KINDS).exists():
        raise refuse("该申请尚无需要送达的告知书。")


# (check, head only) per action, in the order the UI lists them.
ACTION_CHECKS: dict[str, tuple[Callable[[Application, Deadline], None], bool]] = {
    "application_confirm_receipt": (check_confirm_receipt, False),
    "application_request_correction": (check_request_correction, False),
    "application_receive_correction": (check_receive_correction, False),
    "application_lapse_correction": (check_lapse_correction, False),
    "application_start_consultation": (check_start_consultation, False),
    "application_end_consultation": (check_end_consultation, False),
    "application_extend": (check_extend, True),
    "application_notify_fee": (check_notify_fee, False),
    "application_record_payment": (check_record_payment, False),
    "application_lapse_fee": (check_lapse_fee, False),
    "application_withdraw": (check_withdraw, False),
    "application_draft_reply": (check_draft_reply, False),
    "application_sign_reply": (check_sign_reply, True),
    "application_record_delivery": (check_record_delivery, False),
}


def allowed_actions(application: Application, user: Actor) -> list[str]:
    """The service names `user` may call on `application` now (as of today), in a stable order."""
    if not can_act(user, application.agency):
        return []
    head = is_head(user, application.agency)
    deadline = compute_deadline(application)
    allowed = []
    for name, (check, head_only) in ACTION_CHECKS.items():
        if head_only and not head:
            continue
        try:
            check(application, deadline)
        except ActionRefused:
            continue
        allowed.append(name)
    return allowed
