from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "Committee meetings"

    def ready(self):
        from meetings import tombstones

        tombstones.connect()
