"""What a "Follow by email" form asks to follow, and the signed links of the emails.

Links are signed with the site's secret (django.core.signing) and a salt per purpose. A
confirmation link carries the request itself and expires; nothing is stored before it is
followed. Manage and unsubscribe links carry a subscriber's id and key, never its address.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.http import QueryDict

from meetings.alerts.models import FollowKind, Subscriber
from meetings.filters import SearchFilter
from meetings.models import Body, Matter, Page, Person
from meetings.search.query import has_searchable_words

CONFIRM_MAX_AGE = 3 * 24 * 3600  # seconds a confirmation link works
SEARCH_KEYS = ("q", "kind", "council", "body", "year", "date_from", "date_to", "key_decision")


class NotFollowable(ValueError):
    """The form named nothing that can be followed."""


@dataclass
class Target:
    kind: str
    key: str  # 'body:12', 'search:council=kent&q=budget'
    label: str
    search: dict = field(default_factory=dict)
    object_id: int | None = None


def absolute(path: str) -> str:
    """An address of the archive as emails give it: from ARCHIVE_BASE_URL, never a request."""
    return f"{settings.BASE_URL}{path}"


def target_of(kind: str, value: str) -> Target:
    """The thing a form asks to follow: a body, person or matter by id, or a search's query."""
    if kind == FollowKind.SEARCH:
        return _search_target(value)
    models = {FollowKind.BODY: Body, FollowKind.PERSON: Person, FollowKind.MATTER: Matter}
    if kind not in models or not value.isdecimal() or len(value) > 12:
        raise NotFollowable(f"kind {kind[:20]!r} and id {value[:20]!r}")
    thing = models[kind].objects.filter(pk=int(value)).first()
    if thing is None:
        raise NotFollowable(f"no {kind} {value}")
    label = _label(kind, thing)
    return Target(kind, f"{kind}:{thing.pk}", label[:300], object_id=thing.pk)


def _label(kind: str, thing) -> str:
    if kind == FollowKind.BODY:
        return f"{thing.name}, {thing.council.name}"
    if kind == FollowKind.PERSON:
        return f"{thing.name} ({thing.council.short_name})"
    return f"“{thing.title}”"


def _search_target(query_string: str) -> Target:
    form = SearchFilter(QueryDict(query_string[:2000]), queryset=Page.objects.none())
    if not form.is_valid() or not form.form.cleaned_data.get("q"):
        raise NotFollowable("a search needs words and valid filters")
    if not has_searchable_words(form.form.cleaned_data["q"]):
        raise NotFollowable(
            "the search has no searchable words (words as common as “the” and “or” are not "
            "indexed): add a word that says what to look for"
        )
    data = form.form.cleaned_data
    search = {}
    for name in SEARCH_KEYS:
        value = data.get(name)
        if value:
            search[name] = sorted(value) if isinstance(value, list) else str(value)
    search["q"] = " ".join(search["q"].split())
    canonical = urlencode(sorted(search.items()), doseq=True)
    filters = ", ".join(f"{name} {search[name]}" for name in search if name != "q")
    label = f"the search “{search['q']}”" + (f" ({filters})" if filters else "")
    return Target(FollowKind.SEARCH, f"search:{canonical}", label[:300], search=search)


def confirmation_token(email: str, target: Target, frequency: str) -> str:
    return signing.dumps(
        {"e": email, "k": target.kind, "t": target.key, "f": frequency},
        salt="alerts.confirm",
        compress=True,
    )


def read_confirmation(token: str) -> dict:
    """The confirmation's request; signing.BadSignature (or SignatureExpired) if it is not."""
    return signing.loads(token, salt="alerts.confirm", max_age=CONFIRM_MAX_AGE)


def subscriber_token(subscriber: Subscriber) -> str:
    return signing.dumps([subscriber.pk, subscriber.key], salt="alerts.manage")


def unsubscribe_token(subscriber: Subscriber, frequency: str) -> str:
    """A digest's unsubscribe link: it stops what that digest was for, the address's
    subscriptions of its frequency."""
    return signing.dumps([subscriber.pk, subscriber.key, frequency], salt="alerts.unsubscribe")


def subscriber_of(token: str, salt: str = "alerts.manage") -> tuple[Subscriber | None, list]:
    """The subscriber a manage or unsubscribe link names (None if gone or the key changed),
    and what else the link carries."""
    try:
        pk, key, *rest = signing.loads(token, salt=salt)
    except (signing.BadSignature, TypeError, ValueError):
        return None, []
    subscriber = Subscriber.objects.filter(pk=pk, key=key).first()
    return subscriber, rest
