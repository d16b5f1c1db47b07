"""Seed the managed theme taxonomy (ids shared with the discovery engine's theme map, plus the circular
economy, which the demo pairs' sourced programmes name)."""

from django.db import migrations

THEMES = [
    ("smart_cities", "Smart cities", "스마트시티"),
    ("digital_cyber", "Digital and cyber security", "디지털·사이버보안"),
    ("net_zero_clean_energy", "Net zero and clean energy", "탄소중립·청정에너지"),
    ("hydrogen", "Hydrogen", "수소"),
    ("health_life_sciences", "Health and life sciences", "보건의료·생명과학"),
    ("mobility", "Mobility", "모빌리티"),
    ("space_satellites", "Space and satellites", "우주·위성"),
    ("fintech", "Fintech", "핀테크"),
    ("creative_industries", "Creative industries", "문화·창조산업"),
    ("advanced_manufacturing", "Advanced manufacturing", "첨단 제조"),
    ("maritime_ports", "Maritime and ports", "해양·항만"),
    ("circular_economy", "Circular economy and industrial symbiosis", "순환경제·산업공생"),
    ("start_ups_sme", "Start-ups and SME innovation", "스타트업·중소기업 혁신"),
]


def seed(apps, schema_editor):
    theme = apps.get_model("roadmaps", "Theme")
    for position, (code, name_en, name_ko) in enumerate(THEMES):
        theme.objects.update_or_create(
            code=code, defaults={"name_en": name_en, "name_ko": name_ko, "position": position}
        )


def unseed(apps, schema_editor):
    apps.get_model("roadmaps", "Theme").objects.filter(code__in=[code for code, _en, _ko in THEMES]).delete()


class Migration(migrations.Migration):
    dependencies = [("roadmaps", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
