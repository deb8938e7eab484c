from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Committee meetings"

    def ready(self):
        from meetings import checks, tombstones  # noqa: F401 (checks registers itself)

        tombstones.connect()
