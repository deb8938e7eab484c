from urllib.parse import urlencode

from django import template
from django.http import QueryDict
from django.utils.html import format_html_join

from meetings import naming

register = template.Library()


@register.simple_tag(takes_context=True)
def name(context, thing):
    """The name a reader sees (meetings.naming): the council named if there are several."""
    return naming.name(thing, naming.councils(context.get("request")))


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (None removes one); page reset."""
    return changed_query(context["request"].GET, **changes)


def changed_query(query: QueryDict, **changes) -> str:
    """'?q=…' from `query` with some parameters replaced (None removes one), without its page.

    Built from the query's pairs, not a copy of its QueryDict: a search page makes a hundred
    of these links."""
    pairs = []
    for key, values in query.lists():
        if key == "page":
            continue
        if key not in changes:
            pairs += [(key, value) for value in values]
        elif changes[key] is not None:
            pairs.append((key, changes[key]))
    pairs += [(k, v) for k, v in changes.items() if v is not None and k not in query]
    return "?" + urlencode(pairs)


@register.simple_tag
def choice_options(field):
    """A select's <option>s, the chosen one selected: Django's widget templates would take
    longer than the search whose filters they show."""
    chosen = _chosen(field)
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, " selected" if str(value) in chosen else "", label)
         for value, label in field.field.choices),
    )  # fmt: skip


@register.simple_tag
def choice_checkboxes(field):
    """A multiple choice as labelled checkboxes, the chosen ones checked."""
    chosen = _chosen(field)
    return format_html_join(
        "",
        '<label><input type="checkbox" name="{}" value="{}"{}> {}</label>',
        ((field.html_name, value, " checked" if str(value) in chosen else "", label)
         for value, label in field.field.choices),
    )  # fmt: skip


def _chosen(field) -> set[str]:
    value = field.value()
    values = value if isinstance(value, list | tuple) else [value]
    return {"" if item is None else str(item) for item in values}
