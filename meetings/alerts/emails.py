"""The alerts' emails: plain text with an HTML alternative, and one-click unsubscribe."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from meetings.alerts import following
from meetings.alerts.matching import WHY
from meetings.alerts.models import Subscriber


def link(name: str, token: str) -> str:
    return following.absolute(reverse(f"meetings:alerts_{name}", args=[token]))


def message(to: str, subject: str, template: str, context: dict):
    text = render_to_string(f"alerts/email/{template}.txt", context)
    html = render_to_string(f"alerts/email/{template}.html", context)
    email = EmailMultiAlternatives(subject, text, to=[to])
    email.attach_alternative(html, "text/html")
    return email


def confirmation(email: str, target: following.Target, frequency: str, label: str):
    token = following.confirmation_token(email, target, frequency)
    context = {"target": target, "frequency": label, "confirm_url": link("confirm", token)}
    return message(email, f"Confirm: follow {target.label}"[:250], "confirm", context)


def send_manage_link(email: str) -> None:
    """The lost-link form's email, if the address follows anything; raises what the SMTP
    server or connection raises."""
    subscriber = Subscriber.objects.filter(email=email).first()
    if subscriber is not None:
        manage_link(subscriber).send()


def manage_link(subscriber: Subscriber):
    context = {"manage_url": link("manage", following.subscriber_token(subscriber))}
    return message(subscriber.email, "Your committee archive alerts", "manage_link", context)


def unsubscribe_headers(unsubscribe_url: str) -> dict:
    """RFC 8058: mail programs offer one-click unsubscribe, a POST to this address."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }


def digest_parts(subscriber: Subscriber, subscriptions, entries, period: str) -> dict:
    """The subject and both bodies of a digest, stored with its delivery before sending."""
    frequency = subscriptions[0].frequency  # a digest is of one frequency
    unsubscribe_url = link("unsubscribe", following.unsubscribe_token(subscriber, frequency))
    context = {
        "entries_text": "\n".join(
            f"{number}. " + entry.text.replace(WHY, _why_text(entry))
            for number, entry in enumerate(entries, start=1)
        ),
        "entries_html": mark_safe(
            "".join(
                "<li>" + entry.html.replace(WHY, _why_html(entry)) + "</li>" for entry in entries
            )
        ),
        "subscriptions": subscriptions,
        "period": period,
        "manage_url": link("manage", following.subscriber_token(subscriber)),
        "unsubscribe_url": unsubscribe_url,
    }
    count = len(entries)
    return {
        "subject": f"{count} new from the committee archive ({period})",
        "text": render_to_string("alerts/email/digest.txt", context),
        "html": render_to_string("alerts/email/digest.html", context),
        "unsubscribe_url": unsubscribe_url,
    }


def _why_text(entry) -> str:
    return "".join(f"   Why: {why}\n" for why in entry.why)


def _why_html(entry) -> str:
    return "".join(format_html("<p>Why: {}</p>", why) for why in entry.why)


def send_digest(delivery) -> None:
    """Send a stored digest; raises what the SMTP server or connection raises."""
    headers = unsubscribe_headers(delivery.unsubscribe_url)
    email = EmailMultiAlternatives(
        delivery.subject, delivery.text, to=[delivery.subscriber.email], headers=headers
    )
    email.attach_alternative(delivery.html, "text/html")
    email.send()
