"""With GONGKAI_CACHE_URL the throttle's counters live in Redis, shared by every worker process of the
production server (each process's own memory would multiply the limit by the number of workers); without
it they stay in the process's memory, the embedded default that needs no set-up."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from gongkai.applications import services
from gongkai.applications.intake import ApplicantDetails
from gongkai.core import throttle
from gongkai.portal.tests.factories import PERSON, make_cast

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("GONGKAI_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_reachable() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def settings_in_a_new_process(env: dict[str, str], code: str) -> str:
    """Run `code` in a fresh Python process with Django set up under `env`; its standard output."""
    script = f"import django; django.setup()\n{code}"
    environment = {name: value for name, value in os.environ.items() if not name.startswith("GONGKAI_CACHE")}
    environment.update(DJANGO_SETTINGS_MODULE="gongkai.settings", **env)
    done = subprocess.run(  # noqa: S603 - the test's own script
        [sys.executable, "-c", script],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.strip()


def test_the_embedded_default_is_the_process_memory() -> None:
    backend = settings_in_a_new_process(
        {}, "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    )
    assert backend == "django.core.cache.backends.locmem.LocMemCache"


@pytest.mark.skipif(not redis_reachable(), reason=f"Redis is not reachable at {REDIS_URL}")
def test_failures_counted_by_one_process_stop_the_look_up_in_another() -> None:
    prefix = f"gongkai-test-{uuid.uuid4().hex[:8]}"
    redis_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    application, code = services.application_submit_online(
        agency=make_cast().agency, applicant=ApplicantDetails(**PERSON)
    )
    with override_settings(CACHES=redis_cache):
        try:
            for _ in range(throttle.MAX_FAILURES_PER_ADDRESS):
                Client(REMOTE_ADDR="198.51.100.7").post(
                    "/status/", {"number": application.number, "query_code": "WRONGWRONG22"}
                )
            # Another worker: a separate process, reading the same Redis.
            seen = settings_in_a_new_process(
                {"GONGKAI_CACHE_URL": REDIS_URL, "GONGKAI_CACHE_PREFIX": prefix},
                "from django.conf import settings\n"
                "from django.core.cache import cache\n"
                "print(settings.CACHES['default']['BACKEND'])\n"
                "print(cache.get('portal-status-failures:198.51.100.7'))",
            )
            assert seen.splitlines() == [
                "django.core.cache.backends.redis.RedisCache",
                str(throttle.MAX_FAILURES_PER_ADDRESS),
            ]
            blocked = Client(REMOTE_ADDR="198.51.100.7").post(
                "/status/", {"number": application.number, "query_code": code}
            )
            assert "查询失败次数过多" in blocked.content.decode()
        finally:
            cache.clear()
