from django.db import migrations, models

DEMO_MISSION_SLUG = "liverpool-busan-trade-mission-2027"  # innotwin.missions.demo, as of this migration


def mark_the_demo_mission(apps, schema_editor):
    """Databases loaded before this field existed hold the demo mission unmarked."""
    apps.get_model("missions", "Mission").objects.filter(slug=DEMO_MISSION_SLUG).update(is_demo=True)


class Migration(migrations.Migration):
    dependencies = [
        ("missions", "0002_meetingrequest_source_matching"),
    ]

    operations = [
        migrations.AddField(
            model_name="mission",
            name="is_demo",
            field=models.BooleanField(default=False, verbose_name="demo data"),
        ),
        migrations.RunPython(mark_the_demo_mission, migrations.RunPython.noop),
    ]
