"""Under `gongkai serve` (GONGKAI_PRODUCTION) the site is taken to be served over HTTPS unless told
otherwise: Secure cookies, HSTS, HTTP redirected to HTTPS (the health check excepted), and DEBUG off
whatever the environment says. Outside production none of it, so the embedded default runs on plain
http://127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

NAMES = [
    "DEBUG",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
]


def settings_under(env: dict[str, str]) -> dict[str, object]:
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {NAMES!r}}}))"
    )
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            (
                "GONGKAI_HTTPS",
                "GONGKAI_PRODUCTION",
                "GONGKAI_DEBUG",
                "GONGKAI_TRUSTED",
                "GONGKAI_SECURE",
                "GONGKAI_SSL",
            )
        )
    }
    done = subprocess.run(  # noqa: S603 - the test's own script
        [sys.executable, "-c", script],
        env={**base, "DJANGO_SETTINGS_MODULE": "gongkai.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return dict(json.loads(done.stdout))


def test_production_is_https_with_hsts_and_secure_cookies() -> None:
    production = settings_under(
        {"GONGKAI_PRODUCTION": "1", "GONGKAI_DEBUG": "1", "GONGKAI_TRUSTED_PROXIES": "127.0.0.1"}
    )
    assert production["DEBUG"] is False
    assert production["SESSION_COOKIE_SECURE"] is True and production["CSRF_COOKIE_SECURE"] is True
    assert int(production["SECURE_HSTS_SECONDS"]) >= 180 * 24 * 3600  # type: ignore[call-overload]
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_production_over_plain_http_only_when_asked_for() -> None:
    plain = settings_under({"GONGKAI_PRODUCTION": "1", "GONGKAI_HTTPS": "0"})
    assert plain["SESSION_COOKIE_SECURE"] is False and plain["SECURE_HSTS_SECONDS"] == 0


def test_the_embedded_default_runs_on_plain_http() -> None:
    default = settings_under({})
    assert default["SESSION_COOKIE_SECURE"] is False and default["SECURE_HSTS_SECONDS"] == 0
    assert default["SECURE_SSL_REDIRECT"] is False


@override_settings(
    SECURE_HSTS_SECONDS=31536000,
    SECURE_SSL_REDIRECT=True,
    SESSION_COOKIE_SECURE=True,
    CSRF_COOKIE_SECURE=True,
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
    TRUSTED_PROXIES=["127.0.0.1"],
)
def test_over_https_the_headers_and_cookies_are_set_and_http_is_redirected() -> None:
    through_proxy = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    response = through_proxy.get("/staff/login/")
    assert response.status_code == 200
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response.cookies["csrftoken"]["secure"]
    # Plain HTTP is sent to HTTPS; a client cannot claim HTTPS for itself from outside the proxy.
    assert Client(REMOTE_ADDR="127.0.0.1").get("/staff/login/").status_code == 301
    forged = Client(REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_PROTO="https").get("/staff/login/")
    assert forged.status_code == 301
    assert Client(REMOTE_ADDR="127.0.0.1").get("/healthz").status_code == 200
