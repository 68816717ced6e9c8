"""Test-wide settings: a fast password hasher and in-memory e-mail."""

from __future__ import annotations

import pytest
from django.conf import settings

from gongkai.data_dir import prepare


def pytest_configure(config: pytest.Config) -> None:
    # As the `gongkai` command does before it loads the settings: the data folder and STATIC_ROOT.
    prepare()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with an empty cache: the look-up throttle counts failures per IP in it, and one
    test's failures must not block another's look-ups."""
    from django.core.cache import cache

    cache.clear()
