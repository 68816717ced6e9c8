"""One settings module, every value from the environment.

SQLite in the data folder is the embedded default and needs no set-up; `DATABASE_URL`
(`sqlite:///PATH` or `postgres://…`) selects another database.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
import django_stubs_ext

from gongkai.data_dir import data_dir, read_secret_key, static_root

# Django's generic classes (ModelAdmin[Agency], QuerySet[…]) subscriptable at run time, for the type checker.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = data_dir()


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# `gongkai serve` (the production server) sets GONGKAI_PRODUCTION: HTTPS defences are then on by default.
PRODUCTION = env_bool("GONGKAI_PRODUCTION")
DEBUG = env_bool("GONGKAI_DEBUG") and not PRODUCTION
# Kept in the data folder, which the `gongkai` command and the WSGI application prepare before they load
# these settings (gongkai.data_dir); a process that only imports them (a tool, a test) before any
# `gongkai` command has run gets a key of its own, in memory, and writes nothing.
SECRET_KEY = read_secret_key() or secrets.token_urlsafe(50)
ALLOWED_HOSTS = env_list("GONGKAI_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("GONGKAI_CSRF_TRUSTED_ORIGINS")
# The reverse proxies (addresses or networks) whose X-Forwarded-For and X-Forwarded-Proto are believed;
# from any other peer those headers are dropped (gongkai.core.proxy). Empty: no proxy, REMOTE_ADDR is the client.
TRUSTED_PROXIES = env_list("GONGKAI_TRUSTED_PROXIES")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",  # serves the API docs (Swagger UI) from its own static files, not from a CDN
    "axes",  # counts failed logins and locks out an account or an address
    "csp",
    "gongkai.core",
    "gongkai.agencies",
    "gongkai.workdays",
    "gongkai.applications",
    "gongkai.appeals",
    "gongkai.publications",
    "gongkai.search",
    "gongkai.reports",
    "gongkai.portal",
    "gongkai.workbench",
    "gongkai.api",
    "gongkai.demo",
]

MIDDLEWARE = [
    "gongkai.core.proxy.TrustedProxyMiddleware",  # first: everything after sees the real client address
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "gongkai.core.middleware.RefuseNulBytesMiddleware",
    "gongkai.api.methods.ApiMethodsMiddleware",  # HEAD as GET, a 405 in JSON on /api/
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "gongkai.core.sessions.StaffIdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into the lockout page
]

ROOT_URLCONF = "gongkai.urls"
WSGI_APPLICATION = "gongkai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'gongkai.sqlite3'}",
        conn_max_age=int(os.environ.get("GONGKAI_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer commits; IMMEDIATE takes the write lock at BEGIN,
    # so two requests that number applications at the same moment queue instead of failing; a writer
    # waits up to `timeout` seconds for the lock (the busy timeout), then gets the 503 "busy, retry" page
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": int(os.environ.get("GONGKAI_SQLITE_BUSY_TIMEOUT", "20")),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
]
# django-axes first: it refuses a locked-out account or address before the password is checked.
AUTHENTICATION_BACKENDS = [
    "gongkai.core.logins.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "workbench:login"
LOGIN_REDIRECT_URL = "workbench:home"
LOGOUT_REDIRECT_URL = "portal:home"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
# Times are stored in UTC and shown in Asia/Shanghai; legal dates are DateFields.
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# The project-wide stylesheet and vendored scripts (gongkai/static/), besides each app's own.
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = static_root()  # made by gongkai.data_dir.prepare
# WhiteNoise serves static files with or without collectstatic (finders), so a fresh install needs no web server.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
if PRODUCTION:
    # `gongkai serve` collects the static files first: hashed names, compressed copies, cached for a year.
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("GONGKAI_MEDIA_ROOT", DATA_DIR / "media"))

EMAIL_BACKEND = os.environ.get("GONGKAI_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("GONGKAI_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("GONGKAI_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("GONGKAI_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("GONGKAI_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("GONGKAI_EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("GONGKAI_DEFAULT_FROM_EMAIL", "gongkai@localhost")
# The public address of the site, for the links in e-mails (there is no request to build them from).
SITE_URL = os.environ.get("GONGKAI_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# The cache holds the look-up throttle's counters: in production one Redis shared by every worker
# (GONGKAI_CACHE_URL=redis://127.0.0.1:6379/0), otherwise each process's own memory.
if cache_url := os.environ.get("GONGKAI_CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": cache_url,
            "KEY_PREFIX": os.environ.get("GONGKAI_CACHE_PREFIX", "gongkai"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- HTTPS, cookies, headers ---------------------------------------------------------------------------
# Served over HTTPS (directly or behind a proxy that terminates TLS): Secure cookies and HSTS. On by default
# under `gongkai serve`; GONGKAI_HTTPS=0 for a server reached over plain HTTP (an intranet without TLS).
HTTPS = env_bool("GONGKAI_HTTPS", default=PRODUCTION)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = HTTPS or env_bool("GONGKAI_SECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = int(os.environ.get("GONGKAI_HSTS_SECONDS", str(365 * 24 * 3600))) if HTTPS else 0
SECURE_SSL_REDIRECT = HTTPS and env_bool("GONGKAI_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the local health check speaks plain HTTP
if TRUSTED_PROXIES:
    # Believed only from a trusted proxy: TrustedProxyMiddleware drops the header from anyone else.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content-Security-Policy (django-csp): scripts, styles and images from the site itself only — no inline
# script or style anywhere (the API docs' Swagger UI included; its images are data: URLs).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- Sessions ------------------------------------------------------------------------------------------
# An applicant's session (the opened status page) lasts the browser's session at most two weeks; a staff
# session ends after GONGKAI_STAFF_SESSION_HOURS, or GONGKAI_STAFF_IDLE_MINUTES without a request
# (gongkai.core.sessions).
SESSION_COOKIE_AGE = 14 * 24 * 3600
STAFF_SESSION_SECONDS = int(float(os.environ.get("GONGKAI_STAFF_SESSION_HOURS", "8")) * 3600)
STAFF_IDLE_SECONDS = int(float(os.environ.get("GONGKAI_STAFF_IDLE_MINUTES", "30")) * 60)

# --- Failed logins (django-axes) -----------------------------------------------------------------------
# After AXES_FAILURE_LIMIT failures an account, and separately an address, is locked for the cool-off time;
# a success before that starts the count afresh. Every failure and lockout goes to the audit log
# (gongkai.core.logins). `gongkai axes_reset_username NAME` unlocks an account at once.
AXES_FAILURE_LIMIT = int(os.environ.get("GONGKAI_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("GONGKAI_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "gongkai.core.proxy.client_address"
AXES_LOCKOUT_CALLABLE = "gongkai.core.logins.lockout_response"
AXES_VERBOSE = False  # our own audit log says it, in Chinese, once
AXES_ENABLE_ADMIN = True
# A failed login's record keeps the request's parameters: `next` is the page asked for, which may be the
# staff queue searched by an applicant's name or ID number; it is masked like the password.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "next"]

# --- Uploads -------------------------------------------------------------------------------------------
# Small uploads stay in memory; anything larger is streamed to a temporary file, never held whole in
# memory. Each file's size is capped by kind while it arrives (gongkai.core.uploads).
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024  # form fields without the files
FILE_UPLOAD_HANDLERS = [
    "gongkai.core.uploads.CappedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# A supervising office uploads a region's reports at once.
DATA_UPLOAD_MAX_NUMBER_FILES = 500

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line_refusals": {"()": "gongkai.core.logs.OneLineRefusals"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["one_line_refusals"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("GONGKAI_LOG_LEVEL", "WARNING")},
    # django-axes logs each failure as a warning; the audit log has them (in Chinese, with the address).
    "loggers": {"axes": {"level": "ERROR"}},
}
