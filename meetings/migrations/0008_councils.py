"""Councils above bodies, people and documents; created and modified on every published row.

Rows imported before councils existed belong to the deployment's default council
(settings.DEFAULT_COUNCIL): the archive held one council then.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.utils.text import slugify

OWNED = ("body", "person", "document")
TIMESTAMPED = ("body", "person", "membership", "agendaitem", "report", "minute", "decision")


def file_under_default_council(apps, schema_editor):
    models_ = {name: apps.get_model("meetings", name) for name in OWNED}
    if not any(model.objects.exists() for model in models_.values()):
        return
    Council = apps.get_model("meetings", "Council")
    name = settings.DEFAULT_COUNCIL
    council, _ = Council.objects.get_or_create(
        slug=slugify(name)[:100] or "council", defaults={"name": name, "short_name": name}
    )
    for model in models_.values():
        model.objects.update(council=council)


def add_timestamps(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="created",
            field=models.DateTimeField(auto_now_add=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name=model_name,
            name="modified",
            field=models.DateTimeField(auto_now=True, db_index=True),
        ),
    ]


def council_field(null):
    return models.ForeignKey(
        null=null,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="meetings.council",
    )


class Migration(migrations.Migration):
    dependencies = [("meetings", "0007_printed_page_numbers_and_document_kind")]

    operations = [
        migrations.CreateModel(
            name="Council",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created", models.DateTimeField(auto_now_add=True)),
                ("modified", models.DateTimeField(auto_now=True, db_index=True)),
                ("name", models.CharField(help_text="'Kent County Council', 'City of Alameda'", max_length=200)),
                ("slug", models.SlugField(help_text="The first part of its pages' addresses", max_length=100)),
                ("short_name", models.CharField(help_text="'Kent', 'Alameda'", max_length=100)),
                ("tier", models.CharField(blank=True, help_text="county, city, district, town, parish, township, …", max_length=20)),
                ("website", models.URLField(blank=True)),
                ("country", models.CharField(blank=True, max_length=100)),
                ("identifier", models.CharField(blank=True, help_text="An official code where known: a UK GSS code", max_length=50)),
            ],
            options={"ordering": ["name"]},
        ),
        migrations.AddConstraint(
            model_name="council",
            constraint=models.UniqueConstraint(fields=("slug",), name="council_unique_slug"),
        ),
        *[
            migrations.AddField(model_name=name, name="council", field=council_field(True))
            for name in OWNED
        ],
        migrations.RunPython(file_under_default_council, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="body",
            name="council",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="bodies", to="meetings.council"),
        ),
        migrations.AlterField(
            model_name="person",
            name="council",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="people", to="meetings.council"),
        ),
        migrations.AlterField(
            model_name="document",
            name="council",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="documents", to="meetings.council"),
        ),
        migrations.RemoveConstraint(model_name="body", name="body_unique_slug"),
        migrations.AddConstraint(
            model_name="body",
            constraint=models.UniqueConstraint(fields=("council", "slug"), name="body_unique_council_slug"),
        ),
        migrations.RemoveConstraint(model_name="person", name="person_unique_key"),
        migrations.AddConstraint(
            model_name="person",
            constraint=models.UniqueConstraint(fields=("council", "key"), name="person_unique_council_key"),
        ),
        *[op for name in TIMESTAMPED for op in add_timestamps(name)],
        migrations.RenameField(model_name="meeting", old_name="updated_at", new_name="modified"),
        migrations.RenameField(model_name="document", old_name="imported_at", new_name="modified"),
        *[
            migrations.AddField(
                model_name=name,
                name="created",
                field=models.DateTimeField(auto_now_add=True, default=django.utils.timezone.now),
                preserve_default=False,
            )
            for name in ("meeting", "document")
        ],
        *[
            migrations.AlterField(
                model_name=name,
                name="modified",
                field=models.DateTimeField(auto_now=True, db_index=True),
            )
            for name in ("meeting", "document")
        ],
    ]
