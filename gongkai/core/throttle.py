"""A cheap brake on guessing query codes on the status page.

Failed look-ups are counted per session and per client address in Django's cache, over a fixed window.
Past the limit the page answers "too many attempts" without looking anything up, so a guesser learns
nothing more; a successful look-up costs nothing. The counters live in the cache (no table, no write to
the database per guess): losing them on a restart only gives a guesser a fresh window.
"""

from __future__ import annotations

import time

from django.core.cache import cache
from django.http import HttpRequest

WINDOW_SECONDS = 15 * 60
MAX_FAILURES_PER_SESSION = 5
# An office or a school behind one address may hold several honest applicants: a looser limit.
MAX_FAILURES_PER_ADDRESS = 20

SESSION_KEY = "portal_status_failures"


def _address_key(request: HttpRequest) -> str:
    # REMOTE_ADDR, never X-Forwarded-For: a header the client writes would let it pick its own counter.
    return f"portal-status-failures:{request.META.get('REMOTE_ADDR', '')}"


def _session_failures(request: HttpRequest) -> int:
    """The session's failures within the current window (kept as [count, window start])."""
    count, started = request.session.get(SESSION_KEY, (0, 0.0))
    if time.time() - started > WINDOW_SECONDS:
        return 0
    return int(count)


def lookups_blocked(request: HttpRequest) -> bool:
    """Whether this session or address has used up its failed look-ups for the window."""
    if _session_failures(request) >= MAX_FAILURES_PER_SESSION:
        return True
    return int(cache.get(_address_key(request), 0)) >= MAX_FAILURES_PER_ADDRESS


def record_failure(request: HttpRequest) -> None:
    count = _session_failures(request)
    started = request.session.get(SESSION_KEY, (0, 0.0))[1] if count else time.time()
    request.session[SESSION_KEY] = (count + 1, started)
    key = _address_key(request)
    # add() starts the window only once; incr() keeps its expiry.
    if not cache.add(key, 1, WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, WINDOW_SECONDS)


def record_success(request: HttpRequest) -> None:
    """A right number and code: the session starts afresh (the address's count stays)."""
    request.session.pop(SESSION_KEY, None)
