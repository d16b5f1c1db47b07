from django.contrib import admin

from innotwin.discovery.models import PairEvidence


@admin.register(PairEvidence)
class PairEvidenceAdmin(admin.ModelAdmin):
    list_display = ("pair", "profile", "total", "rank", "pairs_ranked", "created_at")
    readonly_fields = [field.name for field in PairEvidence._meta.fields]
