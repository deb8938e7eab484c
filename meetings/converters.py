import datetime


class IsoDateConverter:
    """A `YYYY-MM-DD` path segment, converted to a date; an impossible date is a 404."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> datetime.date:
        return datetime.date.fromisoformat(value)

    def to_url(self, value) -> str:
        return value.isoformat() if isinstance(value, datetime.date) else value
