"""The roadmap records in the Django admin, for programme administrators. Edits made here bypass the
domain rules and the change history; the web pages, API and CLI are the way to edit proposals."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from innotwin.roadmaps.models import (
    AgreementDetails,
    Change,
    FundingCall,
    Milestone,
    Objective,
    Proposal,
    ProposalPartner,
    Roadmap,
    Suggestion,
    Theme,
)


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ("code", "name_en", "name_ko", "position")


class ObjectiveInline(admin.TabularInline):
    model = Objective
    extra = 0


@admin.register(Roadmap)
class RoadmapAdmin(admin.ModelAdmin):
    list_display = ("pair", "version", "status", "signed_on", "is_demo")
    list_filter = ("status", "is_demo")
    inlines = [ObjectiveInline]


class PartnerInline(admin.TabularInline):
    model = ProposalPartner
    extra = 0
    raw_id_fields = ("organisation",)


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ("title_en", "title_ko", "pair", "stage", "is_demo")
    list_filter = ("stage", "is_demo", "pair")
    search_fields = ("title_en", "title_ko")
    raw_id_fields = ("lead_uk", "lead_kr")
    inlines = [PartnerInline, MilestoneInline]


@admin.register(FundingCall)
class FundingCallAdmin(admin.ModelAdmin):
    list_display = ("slug", "name_en", "funder", "bilateral", "closes_on")


@admin.register(AgreementDetails)
class AgreementDetailsAdmin(admin.ModelAdmin):
    list_display = ("agreement", "status", "expires_on")
    raw_id_fields = ("organisations",)


@admin.register(Change)
class ChangeAdmin(admin.ModelAdmin):
    list_display = ("at", "actor_label", "record", "record_id", "field")
    list_filter = ("record",)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # the history is written by the domain functions only


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = ("pair", "key", "decision", "decided_at")
