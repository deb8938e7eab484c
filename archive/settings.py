"""Settings for the archive, read from environment variables.

Development: `DEBUG=1` (set by `make run`) and no `DATABASE_URL` starts the
embedded PostgreSQL under `var/pgdata`. Production: set `SECRET_KEY`,
`ALLOWED_HOSTS` and `DATABASE_URL`; `manage.py check --deploy` is then clean.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("ARCHIVE_VAR_DIR", BASE_DIR / "var"))


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY is not set (set it, or DEBUG=1 for development)")
    SECRET_KEY = "django-insecure-development-" + get_random_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "csp",
    "axes",
    "procrastinate.contrib.django",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "meetings",
]

MIDDLEWARE = [
    "meetings.middleware.server_timing",
    "django.middleware.security.SecurityMiddleware",
    "meetings.middleware.reject_invalid_characters",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "axes.middleware.AxesMiddleware",
    "meetings.review.moved.moved_addresses",
]

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

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

# Connections are kept for a minute (checked before reuse): opening one costs more than
# most requests.
if os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["DATABASE_URL"], conn_max_age=60, conn_health_checks=True
        )
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "archive.db_embedded",
            "NAME": "archive",
            "EMBEDDED_PGDATA": VAR_DIR / "pgdata",
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    }
if not DATABASES["default"]["ENGINE"].startswith(("django.db.backends.postgresql", "archive.")):
    raise ImproperlyConfigured(
        "DATABASE_URL must point at PostgreSQL: search needs its full-text search"
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Statements of web requests are bounded too (milliseconds; 0 is no limit). Commands that
# need longer (imports, migrations, backups) run without it unless it is set for them.
DATABASE_STATEMENT_TIMEOUT_MS = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT_MS", 0))
if DATABASE_STATEMENT_TIMEOUT_MS:
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT_MS}"
    )

# The cache lives in PostgreSQL too, and holds only the rate limits' counters.
CACHES = {"default": {"BACKEND": "archive.cache.CounterCache"}}

# Search: each statement's time limit, and how many searches one client may make.
SEARCH_STATEMENT_TIMEOUT_MS = int(os.environ.get("SEARCH_STATEMENT_TIMEOUT_MS", 3000))
SEARCH_RATE_LIMIT = os.environ.get("SEARCH_RATE_LIMIT", "60/m")
SEARCH_CONCURRENCY = int(os.environ.get("SEARCH_CONCURRENCY", 1))  # searches at once, a process
# The embedded search index (tantivy): every process of the archive reads it, the importer
# and the worker write it. Rebuilt from the database by `manage.py rebuild_search_index`.
SEARCH_INDEX_DIR = Path(os.environ.get("SEARCH_INDEX_DIR", VAR_DIR / "search-index"))
RATELIMIT_VIEW = "meetings.views.search.rate_limited"
# The client address every limit counts (and the admin login locks out) is the one django-axes
# reads with django-ipware: REMOTE_ADDR, or behind reverse proxies, X-Forwarded-For.
RATELIMIT_IP_META_KEY = "axes.helpers.get_client_ip_address"
# django-ratelimit officially supports only memcached and Redis; the counter cache above
# gives it the atomic add and increment it needs.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]

# Email (alerts): Django's SMTP backend, configured from the environment. `make run` starts
# a local catcher on port 1025 that prints each message; docker-compose runs Mailpit.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 1025 if DEBUG else 25))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "") == "1"
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", 10))  # seconds; a request never waits longer
DEFAULT_FROM_EMAIL = os.environ.get(
    "ARCHIVE_FROM_EMAIL", "Committee meetings archive <alerts@localhost>"
)
# The follow form: requests per client address, and emails per address asked for.
ALERTS_CLIENT_RATE = os.environ.get("ALERTS_CLIENT_RATE", "20/h")
ALERTS_ADDRESS_RATE = os.environ.get("ALERTS_ADDRESS_RATE", "3/h")

# Imports: limits on what one file and one upload may hold.
# The API (/oparl/v1.1/, /api/): public, read-only JSON; no sessions, no browsable pages.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Committee meetings archive API",
    "DESCRIPTION": "OParl 1.1 objects under /oparl/v1.1/, and search as JSON under /api/search/.",
    "VERSION": "1.1",
}
# Any site may read the API from a browser; nothing else is shared across origins.
CORS_URLS_REGEX = r"^/(?:oparl|api)/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

# Where a document that names no council is filed (the import says so); --council overrides.
DEFAULT_COUNCIL = os.environ.get("ARCHIVE_DEFAULT_COUNCIL", "Unidentified council")
# The archive's public address: OParl ids and bulk-data links are built from it, never from
# the request's Host header.
BASE_URL = os.environ.get("ARCHIVE_BASE_URL", "http://localhost:8000").rstrip("/")

# Where `make_bulk_data` writes the downloads served at /data/.
BULK_DATA_DIR = Path(os.environ.get("ARCHIVE_BULK_DATA_DIR", VAR_DIR / "data"))

IMPORT_MAX_FILE_MB = int(os.environ.get("IMPORT_MAX_FILE_MB", 100))  # harvested files too
IMPORT_MAX_PAGES = int(os.environ.get("IMPORT_MAX_PAGES", 2000))
IMPORT_MAX_FILES = int(os.environ.get("IMPORT_MAX_FILES", 20))

# Harvesting councils' publishing sites (docs/harvest.md). Every request names the archive
# and whom to contact; each host gets one request at a time, HARVEST_DELAY_SECONDS apart.
# The User-Agent: 'CommitteeMeetingsArchive/1.0 (+BASE_URL; HARVEST_CONTACT)'.
HARVEST_CONTACT = os.environ.get("HARVEST_CONTACT", "") or DEFAULT_FROM_EMAIL
HARVEST_DELAY_SECONDS = float(os.environ.get("HARVEST_DELAY_SECONDS", 2))
HARVEST_TIMEOUT_SECONDS = float(os.environ.get("HARVEST_TIMEOUT_SECONDS", 30))
HARVEST_RETRIES = int(os.environ.get("HARVEST_RETRIES", 3))  # tries of a 5xx or a timeout
HARVEST_BACKOFF_SECONDS = float(os.environ.get("HARVEST_BACKOFF_SECONDS", 5))  # doubled each try
HARVEST_MAX_REDIRECTS = int(os.environ.get("HARVEST_MAX_REDIRECTS", 5))
HARVEST_PAUSE_AFTER = int(os.environ.get("HARVEST_PAUSE_AFTER", 3))  # failed runs in a row

# Admin login: lock out a user name from an address after repeated failures (django-axes).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", 1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False


def proxy_settings(proxies: int) -> dict:
    """django-ipware's settings (through django-axes) for the client address behind
    `proxies` reverse proxies, each of which appends the address it was sent the request by
    to X-Forwarded-For. With none, the header is never read: REMOTE_ADDR is the client. With
    N, the client is the header's Nth address from the end (what the proxies wrote), so
    addresses a client puts in the header itself are passed over."""
    if not proxies:
        return {"AXES_IPWARE_META_PRECEDENCE_ORDER": ("REMOTE_ADDR",)}
    return {
        "AXES_IPWARE_META_PRECEDENCE_ORDER": ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"),
        "AXES_IPWARE_PROXY_COUNT": proxies - 1,  # the proxies' addresses in the header
        "IPWARE_STRICT": False,  # a longer header: a client wrote the addresses before
    }


# How many reverse proxies stand between clients and the app (docs/operations.md); 0: none.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", 0))
globals().update(proxy_settings(TRUSTED_PROXY_COUNT))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Security headers. HTTPS settings are on unless DEBUG, or explicitly relaxed
# behind a proxy that terminates TLS itself (SECURE_SSL_REDIRECT=0).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]  # a load balancer's plain-http check sees 200 or 503
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
if env_flag("TRUST_X_FORWARDED_PROTO"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Everything at LOG_LEVEL or above goes to the console, among it django-axes' failed logins
# and lockouts (warnings) and django.request's 4xx and 5xx answers.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler", "level": LOG_LEVEL}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}
