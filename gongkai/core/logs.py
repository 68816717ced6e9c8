"""Console logging: a refused request is one line, never a traceback.

Django logs a 403 (PermissionDenied), a 400 (a bad request) and our 503 (the database busy) with the
exception attached, which the console prints as a traceback: an expected refusal then looks like a
crash and buries the real ones. This filter keeps the record, adds the refusal's reason to its line,
and drops the traceback. Refusals are also in the audit log, with who and what."""

from __future__ import annotations

import logging

ONE_LINE_STATUSES = {400, 403, 404, 405, 429, 503}


class OneLineRefusals(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) in ONE_LINE_STATUSES and record.exc_info:
            error = record.exc_info[1]
            reason = str(error).strip().splitlines()[0] if error is not None and str(error).strip() else ""
            record.msg = f"{record.getMessage()}{f' — {reason}' if reason else ''}"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        return True
