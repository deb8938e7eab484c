"""A record of each published object a re-import removes, for harvesters (OParl's deleted).

Connected in MeetingsConfig.ready(). pre_delete runs before the rows go, so an object's
council can still be looked up through its meeting and body.
"""

from django.db.models.signals import pre_delete
from django.utils import timezone

from meetings import models

# model -> (the API kinds it is published as, the path from it to its council's id)
PUBLISHED = {
    models.Council: (["body"], None),
    models.Body: (["organization"], "council"),
    models.Person: (["person"], "council"),
    models.Membership: (["membership"], "body__council"),
    models.Meeting: (["meeting"], "body__council"),
    models.AgendaItem: (["agendaitem"], "meeting__body__council"),
    models.Minute: (["minute"], "meeting__body__council"),
    models.Report: (["paper", "consultation"], "meeting__body__council"),
    models.Document: (["file"], "council"),
}


def record_deletion(sender, instance, **kwargs) -> None:
    kinds, council_path = PUBLISHED[sender]
    council_id = None
    if council_path:
        council_id = (
            sender._base_manager.filter(pk=instance.pk)  # a withheld minute's too
            .values_list(council_path, flat=True)
            .first()
        )
    now = timezone.now()
    models.DeletedObject.objects.bulk_create(
        [
            models.DeletedObject(
                kind=kind,
                object_id=instance.pk,
                council_id=council_id,
                body_id=instance.body_id if sender is models.Meeting else None,
                created=instance.created,
                deleted_at=now,
            )
            for kind in kinds
        ],
        ignore_conflicts=True,
    )


def connect() -> None:
    for model in PUBLISHED:
        pre_delete.connect(record_deletion, sender=model, dispatch_uid=f"tombstone-{model}")
