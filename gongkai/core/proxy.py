"""The client's address behind a reverse proxy, believed only from the proxies named in the settings.

`X-Forwarded-For` is written by whoever sends the request: taken at its word, it would let a client choose
its own address, and so its own counter in the look-up throttle and in the login lockout. It is read only
when the peer (`REMOTE_ADDR`) is a trusted proxy (settings.TRUSTED_PROXIES, from GONGKAI_TRUSTED_PROXIES),
from the right, skipping the trusted proxies, up to the first address that is not one: the client as the
outermost trusted proxy saw it. From any other peer the forwarding headers are dropped, so that
`X-Forwarded-Proto: https` (SECURE_PROXY_SSL_HEADER) cannot be forged either.

The middleware puts the client's address in `REMOTE_ADDR`, so that everything after it — the throttle,
django-axes, the logs — sees the same address; the peer's stays in `GONGKAI_PEER_ADDR`.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
FORWARDING_HEADERS = (
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_FORWARDED",
)


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "1.2.3.4:5678"
        text = text.split(":")[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def is_trusted(address: str) -> bool:
    parsed = _address(address)
    if parsed is None:
        return False
    return any(parsed in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def forwarded_client(peer: str, forwarded_for: str) -> str:
    """The client's address: `peer` unless it is a trusted proxy, then the right-most address of
    `forwarded_for` that is not one (a malformed entry stops the walk at the last trusted hop)."""
    if not is_trusted(peer):
        return peer
    client = peer
    for entry in reversed([part for part in forwarded_for.split(",") if part.strip()]):
        parsed = _address(entry)
        if parsed is None:
            break
        client = str(parsed)
        if not is_trusted(client):
            break
    return client


def client_address(request: HttpRequest) -> str:
    """The request's client address (after TrustedProxyMiddleware, simply REMOTE_ADDR)."""
    if "GONGKAI_PEER_ADDR" in request.META:
        return str(request.META.get("REMOTE_ADDR", ""))
    return forwarded_client(request.META.get("REMOTE_ADDR", ""), request.META.get("HTTP_X_FORWARDED_FOR", ""))


class TrustedProxyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        peer = str(request.META.get("REMOTE_ADDR", ""))
        request.META["GONGKAI_PEER_ADDR"] = peer
        if is_trusted(peer):
            request.META["REMOTE_ADDR"] = forwarded_client(peer, request.META.get("HTTP_X_FORWARDED_FOR", ""))
        else:
            for header in FORWARDING_HEADERS:
                request.META.pop(header, None)
        return self.get_response(request)
