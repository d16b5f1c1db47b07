"""The three pillars of collaboration are reference data every database needs."""

from django.db import migrations

PILLARS = [
    (
        "civic",
        1,
        "Civic and policy knowledge exchange",
        "시민·정책 지식 교류",
        "City governments share policy, practice and data: how a smart district was run, how a port "
        "decarbonised, how a strategy was written.",
        "시 정부가 정책, 실무, 데이터를 공유합니다. 스마트 지구 운영, 항만 탈탄소화, 전략 수립의 경험을 나눕니다.",
    ),
    (
        "academic",
        2,
        "Academic collaboration on applied research",
        "응용 연구 학술 협력",
        "Universities and research institutes in both cities work on applied research together, with joint "
        "bids, exchanges and publications.",
        "두 도시의 대학과 연구기관이 공동 과제 제안, 교류, 공동 논문으로 응용 연구를 함께 수행합니다.",
    ),
    (
        "business",
        3,
        "Business collaboration, trade and investment",
        "기업 협력·교역·투자",
        "Companies meet peers in the twin city for knowledge exchange, partnerships, trade and investment.",
        "기업이 자매 도시의 동료 기업과 만나 지식을 교류하고 협력, 교역, 투자로 이어갑니다.",
    ),
]


def seed(apps, schema_editor):
    pillar = apps.get_model("pairs", "Pillar")
    for code, position, name_en, name_ko, description_en, description_ko in PILLARS:
        pillar.objects.update_or_create(
            code=code,
            defaults={
                "position": position,
                "name_en": name_en,
                "name_ko": name_ko,
                "description_en": description_en,
                "description_ko": description_ko,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("pairs", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
