"""Staff sessions are short: they end GONGKAI_STAFF_SESSION_HOURS after signing in (8 by default), and
after GONGKAI_STAFF_IDLE_MINUTES without a request (30 by default), so that a workstation left open does
not stay signed in to applicants' personal data. An applicant's session (the opened status page) is not
a signed-in one and keeps Django's own age."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import patch_cache_control

LAST_SEEN = "staff_last_seen"
# The time of the last request is written at most once a minute: not a session write per page.
TOUCH_EVERY_SECONDS = 60
TIMED_OUT = "您已超过 {minutes} 分钟未操作，为保护信息安全已自动退出，请重新登录。"


@receiver(user_logged_in)
def _limit_staff_session(sender: Any, request: HttpRequest | None, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        request.session.set_expiry(settings.STAFF_SESSION_SECONDS)
        request.session[LAST_SEEN] = time.time()


class StaffIdleTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            last_seen = request.session.get(LAST_SEEN, now)
            if now - last_seen > settings.STAFF_IDLE_SECONDS:
                return self._timed_out(request)
            if now - last_seen >= TOUCH_EVERY_SECONDS or LAST_SEEN not in request.session:
                request.session[LAST_SEEN] = now
        response = self.get_response(request)
        if request.user.is_authenticated and not response.has_header("Cache-Control"):
            # A signed-in page (a queue of applicants' names, an application's particulars) is kept by
            # neither the browser nor a proxy: after the sign-out the back button does not show it again.
            patch_cache_control(response, private=True, no_store=True)
        return response

    def _timed_out(self, request: HttpRequest) -> HttpResponse:
        logout(request)
        minutes = settings.STAFF_IDLE_SECONDS // 60
        if request.path.startswith("/api/"):
            return HttpResponse(status=401)
        messages.warning(request, TIMED_OUT.format(minutes=minutes))
        login = reverse(settings.LOGIN_URL)
        target = request.get_full_path() if request.method == "GET" else ""
        return HttpResponseRedirect(f"{login}?{urlencode({'next': target})}" if target else login)
