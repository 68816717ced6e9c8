"""What the daily reminders for cron share (`applications remind`, `report remind`): a claimed reminder is
sent or its claim given back, and each run ends with one summary line."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, MutableMapping
from datetime import date

from django.db import models

logger = logging.getLogger(__name__)


def send_claimed(claim: models.Model, send: Callable[[], None], *, what: str) -> Exception | None:
    """Send a reminder already claimed; when sending fails, give the claim back (so that the next run
    sends it after all), log the failure and return it."""
    try:
        send()
    # A mail server fails in many ways: each failure is reported, none stops the run.
    except Exception as error:
        claim.delete()
        logger.exception("%s发送失败", what)
        return error
    return None


def deliver_claimed(
    claim: models.Model,
    send: Callable[[], None],
    *,
    what: str,
    line: str,
    names: str,
    counts: MutableMapping[str, int],
    write: Callable[[str], object],
) -> None:
    """Send a claimed reminder (`send_claimed`), count it as sent or failed and write its line: `line`
    (the body and what is due) followed by the outcome."""
    error = send_claimed(claim, send, what=what)
    if error is not None:
        counts["failed"] += 1
        write(f"{line}\t发送失败：{error}")
    else:
        counts["sent"] += 1
        write(f"{line}\t已发送给 {names}")


def summary(today: date, title: str, bodies: int, counts: Mapping[str, int], *, dry_run: bool) -> str:
    """The run's last line: how many bodies, sent (or to be sent), already sent today, failed, unreachable.
    `counts` has "sent", "already", "failed" and "no_recipients"."""
    verb = "将发送" if dry_run else "已发送"
    sent = bodies - counts["no_recipients"] if dry_run else counts["sent"]
    return (
        f"{today.isoformat()} {title}：涉及 {bodies} 个机关，{verb} {sent} 个"
        + ("" if dry_run else f"，今日已发过 {counts['already']} 个，发送失败 {counts['failed']} 个")
        + f"，无收件人 {counts['no_recipients']} 个。"
    )
