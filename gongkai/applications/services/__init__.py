"""Every change of an application: intake, receipt, correction, consultation, extension, fee,
withdrawal, reply and delivery of notices — one module per stage, the names imported here.

Each service is keyword-only and runs in one transaction. It
- locks the application's row and works on its current state;
- checks the actor's role for the application's body (`gongkai.agencies.permissions`): staff or head
  for everything, the head alone for an extension and for signing a reply;
- refuses an action the current status or a rule of the 条例 does not allow, with `ActionRefused` (a
  `ValidationError` with a Chinese message); refusals of role (`PermissionDenied`) and of state are
  written to the audit log once the refused transaction has rolled back, and change nothing else;
- rejects bad input with a plain `ValidationError` (a dict of field → Chinese message where a field
  is at fault);
- writes one `ApplicationEvent` with the state before and after, recomputes and stores the deadline,
  and, for receipt, a correction request, an extension, a fee notice and the reply, tells the
  applicant once the transaction has committed (`notifications.notify_applicant`).

`allowed_actions(application, user)` runs the same checks to list what the user may do now.
Dates are legal dates (`datetime.date`); "today" is `timezone.localdate()` (Asia/Shanghai).

The modules: `base` (the transaction and refusal-log wrapper, the row lock, shared input checks),
`events` (the event with the state before and after), `due_dates` (what is stored from the events),
`checks` (`ACTION_CHECKS`, `allowed_actions`), then one per stage: `intake`, `correction`,
`consultation`, `extension`, `fee`, `withdrawal`, `reply` (with delivery), and `recompute`.
"""

from gongkai.applications.services.base import ActionRefused
from gongkai.applications.services.checks import ACTION_CHECKS, allowed_actions
from gongkai.applications.services.consultation import (
    CONSULTATION_OUTCOMES,
    application_end_consultation,
    application_start_consultation,
)
from gongkai.applications.services.correction import (
    CORRECTION_PERIOD_RULE,
    application_lapse_correction,
    application_receive_correction,
    application_request_correction,
    application_submit_correction_online,
    correction_notice_deadline,
)
from gongkai.applications.services.due_dates import awaiting_staff
from gongkai.applications.services.extension import application_extend
from gongkai.applications.services.fee import (
    application_lapse_fee,
    application_notify_fee,
    application_record_payment,
    fee_proposal,
)
from gongkai.applications.services.intake import (
    NewApplication,
    application_confirm_receipt,
    application_register,
    application_submit_online,
)
from gongkai.applications.services.recompute import RECOMPUTE_CHUNK, application_recompute_open_due_dates
from gongkai.applications.services.reply import (
    LAPSE_RESULTS,
    application_draft_reply,
    application_record_delivery,
    application_sign_reply,
)
from gongkai.applications.services.withdrawal import application_withdraw

__all__ = [
    "ACTION_CHECKS",
    "CONSULTATION_OUTCOMES",
    "CORRECTION_PERIOD_RULE",
    "LAPSE_RESULTS",
    "RECOMPUTE_CHUNK",
    "ActionRefused",
    "NewApplication",
    "allowed_actions",
    "application_confirm_receipt",
    "application_draft_reply",
    "application_end_consultation",
    "application_extend",
    "application_lapse_correction",
    "application_lapse_fee",
    "application_notify_fee",
    "application_receive_correction",
    "application_recompute_open_due_dates",
    "application_record_delivery",
    "application_record_payment",
    "application_register",
    "application_request_correction",
    "application_sign_reply",
    "application_start_consultation",
    "application_submit_correction_online",
    "application_submit_online",
    "application_withdraw",
    "awaiting_staff",
    "correction_notice_deadline",
    "fee_proposal",
]
