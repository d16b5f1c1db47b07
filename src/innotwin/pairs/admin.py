from django.contrib import admin

from innotwin.pairs.models import Agreement, Pillar, TwinPair


class AgreementInline(admin.TabularInline):
    model = Agreement
    extra = 0


@admin.register(TwinPair)
class TwinPairAdmin(admin.ModelAdmin):
    list_display = ["slug", "region_a", "region_b", "status", "started_on"]
    list_filter = ["status"]
    filter_horizontal = ["pillars", "coordinators"]
    inlines = [AgreementInline]


@admin.register(Pillar)
class PillarAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_ko", "position"]
