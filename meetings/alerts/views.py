"""Follow by email: ask, confirm, manage, unsubscribe, delete. No account, no password.

Every answer to the follow form is the same whether or not the address is known; what
differs goes by email. Changes are made on POST only: link scanners that open every link
in an email change nothing.
"""

import smtplib

from django import forms
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited
from django_ratelimit.decorators import ratelimit

from meetings.alerts import emails, following
from meetings.alerts.models import Frequency, Subscriber, Subscription


class FollowForm(forms.Form):
    email = forms.EmailField(label="Your email address", max_length=254)
    frequency = forms.ChoiceField(
        label="How often", choices=Frequency.choices, initial=Frequency.DAILY,
        widget=forms.RadioSelect,
    )  # fmt: skip
    kind = forms.CharField(widget=forms.HiddenInput, max_length=10)
    target = forms.CharField(widget=forms.HiddenInput, max_length=2000, required=False)


class AddressForm(forms.Form):
    email = forms.EmailField(label="Your email address", max_length=254)


def _normalised(email: str) -> str:
    return email.strip().lower()


def _address_key(group, request) -> str:
    return _normalised(request.POST.get("email", ""))[:254]


def _address_limited(request) -> bool:
    """More requests for this address than ALERTS_ADDRESS_RATE: send nothing more to it."""
    return is_ratelimited(
        request, group="alerts-address", key=_address_key,
        rate=settings.ALERTS_ADDRESS_RATE, increment=True,
    )  # fmt: skip


# One budget for the follow form and the lost-link form, per client address.
client_rate_limit = ratelimit(
    group="alerts-forms",
    key="ip",
    rate=lambda group, request: settings.ALERTS_CLIENT_RATE,
    method="POST",
    block=True,
)


@client_rate_limit
@require_http_methods(["GET", "POST"])
def follow(request):
    """The "Follow by email" form of a search, a committee, a person or a matter."""
    data = request.POST if request.method == "POST" else None
    initial = {"kind": request.GET.get("kind", ""), "target": request.GET.get("target", "")}
    form = FollowForm(data, initial=initial)
    source = form.data if data else initial
    try:
        target = following.target_of(source.get("kind", ""), source.get("target", ""))
    except following.NotFollowable as error:
        return render(request, "alerts/not_followable.html", {"reason": error}, status=400)
    if not form.is_valid():
        status = 400 if data else 200
        return render(
            request, "alerts/follow.html", {"form": form, "target": target}, status=status
        )
    email = _normalised(form.cleaned_data["email"])
    frequency = form.cleaned_data["frequency"]
    if not _address_limited(request):
        label = Frequency(frequency).label
        try:
            emails.confirmation(email, target, frequency, label).send()
        except (smtplib.SMTPException, OSError):
            return render(request, "alerts/not_sent.html", status=503)
    return render(request, "alerts/check_email.html", {"target": target})


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """A confirmation link: shows what it confirms; the button (POST) subscribes."""
    try:
        wanted = following.read_confirmation(token)
        target = following.target_of(wanted["k"], wanted["t"].partition(":")[2])
    except signing.SignatureExpired:
        return render(request, "alerts/link_expired.html", status=410)
    except (signing.BadSignature, following.NotFollowable, KeyError, TypeError):
        raise Http404("This confirmation link is not valid.") from None
    if request.method == "GET":
        context = {"target": target, "frequency": Frequency(wanted["f"]).label}
        return render(request, "alerts/confirm.html", context)
    with transaction.atomic():
        subscriber, _ = Subscriber.objects.get_or_create(email=wanted["e"])
        Subscription.objects.update_or_create(
            subscriber=subscriber,
            target=target.key,
            defaults=_subscription_fields(target, wanted["f"]),
        )
    return redirect("meetings:alerts_manage", following.subscriber_token(subscriber))


def _subscription_fields(target: following.Target, frequency: str) -> dict:
    fields = {"kind": target.kind, "label": target.label, "frequency": frequency}
    fields["search"] = target.search
    if target.object_id is not None:
        fields[f"{target.kind}_id"] = target.object_id
    return fields


@require_http_methods(["GET", "POST"])
def manage(request, token):
    """Everything an address follows: change how often, stop one, or stop them all."""
    subscriber, _ = following.subscriber_of(token)
    if subscriber is None:
        return render(request, "alerts/link_expired.html", status=410)
    if request.method == "POST":
        return _change(request, subscriber, token)
    context = {
        "subscriber": subscriber,
        "subscriptions": subscriber.subscriptions.order_by("created"),
        "frequencies": Frequency.choices,
        "token": token,
    }
    return render(request, "alerts/manage.html", context)


def _change(request, subscriber: Subscriber, token: str):
    action = request.POST.get("action", "")
    chosen = subscriber.subscriptions.filter(pk=_int(request.POST.get("subscription")))
    if action == "frequency" and request.POST.get("frequency") in Frequency.values:
        chosen.update(frequency=request.POST["frequency"])
    elif action == "stop":
        chosen.delete()
    elif action == "delete":
        subscriber.delete()
        return render(request, "alerts/deleted.html")
    else:
        return render(request, "alerts/not_followable.html", {"reason": "unknown action"}, 400)
    if not subscriber.subscriptions.exists():
        subscriber.delete()  # an address is kept only while it follows something
        return render(request, "alerts/deleted.html")
    return redirect("meetings:alerts_manage", token)


def _int(value) -> int | None:
    return int(value) if value and str(value).isdecimal() and len(value) < 12 else None


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """An email's unsubscribe link. POST (the button, or a mail program's one-click request
    under RFC 8058) stops the subscriptions that email was for; GET only asks."""
    subscriber, rest = following.subscriber_of(token, salt="alerts.unsubscribe")
    if subscriber is None:
        return render(request, "alerts/deleted.html")  # already gone: nothing to do
    subscriptions = subscriber.subscriptions.filter(frequency=rest[0] if rest else "")
    if request.method == "GET":
        context = {"subscriptions": subscriptions, "token": token}
        return render(request, "alerts/unsubscribe.html", context)
    subscriptions.delete()
    if not subscriber.subscriptions.exists():
        subscriber.delete()
        return render(request, "alerts/deleted.html")
    return render(
        request,
        "alerts/unsubscribed.html",
        {"manage_token": following.subscriber_token(subscriber)},
    )


@client_rate_limit
@require_http_methods(["GET", "POST"])
def request_link(request):
    """Lost the emails? Ask for a link to manage an address's alerts (sent by the worker, only
    if the address has any)."""
    form = AddressForm(request.POST if request.method == "POST" else None)
    if request.method == "GET" or not form.is_valid():
        return render(request, "alerts/request_link.html", {"form": form})
    if not _address_limited(request):
        # Known or not, the address is queued: the worker looks it up and sends, so the
        # answer and its time are the same whatever the address and the mail server.
        from meetings.tasks import send_manage_link

        send_manage_link.defer(email=_normalised(form.cleaned_data["email"]))
    return render(request, "alerts/check_email.html", {"target": None})
