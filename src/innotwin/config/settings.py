"""Django settings, built from the one settings table in :mod:`innotwin.config.table`."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.translation import gettext_lazy as _
from whitenoise.compress import Compressor

from innotwin.config.table import load_settings
from innotwin.core.errors import ConfigurationError

CONFIG = load_settings()
PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(CONFIG["data_dir"]).resolve()
SHARED_DATA_DIR = Path(CONFIG["shared_data"]).resolve()


def _secret_key() -> str:
    if CONFIG["secret_key"]:
        return str(CONFIG["secret_key"])
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key_file.chmod(0o600)
    return key_file.read_text(encoding="utf-8").strip()


def _database(url: str) -> dict[str, Any]:
    try:
        config = dict(dj_database_url.parse(url, conn_max_age=60))
    except (ValueError, KeyError) as exc:
        raise ConfigurationError(
            f"DATABASE_URL {url!r} is not a database URL innotwin can use ({exc}); use "
            "sqlite:///var/innotwin.sqlite3 or postgresql://USER@HOST:PORT/NAME."
        ) from exc
    engine = config.get("ENGINE", "")
    if engine.endswith("sqlite3"):
        name = Path(config["NAME"])
        if str(name) != ":memory:":
            name = name.resolve()
            name.parent.mkdir(parents=True, exist_ok=True)
        config["NAME"] = str(name)
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    elif not engine.endswith("postgresql"):
        raise ConfigurationError(
            f"DATABASE_URL {url!r} names an unsupported database; innotwin supports SQLite and PostgreSQL."
        )
    if not config.get("NAME"):
        raise ConfigurationError(f"DATABASE_URL {url!r} names no database; add one, e.g. …:5432/innotwin.")
    return config


SECRET_KEY = _secret_key()
DEBUG = bool(CONFIG["debug"])
ALLOWED_HOSTS: list[str] = CONFIG["allowed_hosts"]
CSRF_TRUSTED_ORIGINS: list[str] = CONFIG["csrf_trusted_origins"]

INSTALLED_APPS = [
    "innotwin.accounts",
    "innotwin.regions",
    "innotwin.pairs",
    "innotwin.atlas",
    "innotwin.discovery",
    "innotwin.organisations",
    "innotwin.library",
    "innotwin.missions",
    "innotwin.roadmaps",
    "innotwin.matching",
    "innotwin.impact",
    "innotwin.web",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "innotwin.web.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "innotwin.accounts.middleware.OneTimePasswordMiddleware",
    "innotwin.web.middleware.InnotwinErrorMiddleware",
]

ROOT_URLCONF = "innotwin.config.urls"
WSGI_APPLICATION = "innotwin.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "innotwin.web.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {"default": _database(CONFIG["database_url"])}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"

LANGUAGE_CODE = CONFIG["language_code"]
LANGUAGES = [("en", _("English")), ("ko", _("Korean"))]
if LANGUAGE_CODE not in dict(LANGUAGES):
    raise ConfigurationError(
        f"The setting INNOTWIN_LANGUAGE_CODE has the value {LANGUAGE_CODE!r}; expected en or ko."
    )
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = CONFIG["time_zone"]

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Source maps are never sent to browsers in normal use, and brotli-compressing the API docs' 5 MB of maps
# at start-up would delay `innotwin serve` by most of a minute.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")
MEDIA_ROOT = DATA_DIR / "media"

_EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "memory": "django.core.mail.backends.locmem.EmailBackend",
}
if CONFIG["email_backend"] not in _EMAIL_BACKENDS:
    raise ConfigurationError(
        f"The setting INNOTWIN_EMAIL_BACKEND has the value {CONFIG['email_backend']!r}; "
        f"expected one of {', '.join(sorted(_EMAIL_BACKENDS))}."
    )
EMAIL_BACKEND = _EMAIL_BACKENDS[CONFIG["email_backend"]]
EMAIL_HOST = CONFIG["email_host"]
EMAIL_PORT = CONFIG["email_port"]
EMAIL_HOST_USER = CONFIG["email_host_user"]
EMAIL_HOST_PASSWORD = CONFIG["email_host_password"]
EMAIL_USE_TLS = CONFIG["email_use_tls"]
DEFAULT_FROM_EMAIL = CONFIG["default_from_email"]

# Security: safe defaults everywhere, HTTPS-only cookies and HSTS when served over HTTPS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
if CONFIG["https"]:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; "
    "object-src 'none'"
)

NINJA_PAGINATION_PER_PAGE = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": CONFIG["log_level"]},
}
