from django.contrib import admin

from innotwin.organisations.models import (
    AuditEntry,
    ConsentRecord,
    OpportunityProfile,
    Organisation,
    OrganisationIndustry,
    Person,
    ProfileIndustry,
)


class OrganisationIndustryInline(admin.TabularInline):
    model = OrganisationIndustry
    extra = 0


class ProfileIndustryInline(admin.TabularInline):
    model = ProfileIndustry
    extra = 0


class ConsentInline(admin.TabularInline):
    model = ConsentRecord
    extra = 0
    readonly_fields = ["purpose", "statement", "language", "given_at", "withdrawn_at"]
    can_delete = False


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_en", "name_ko", "type", "region", "verification", "source"]
    list_filter = ["type", "verification", "source"]
    search_fields = ["slug", "name_en", "name_ko", "external_id"]
    raw_id_fields = ["region"]
    filter_horizontal = ["members"]
    inlines = [OrganisationIndustryInline]
    list_select_related = ["region"]


@admin.register(OpportunityProfile)
class OpportunityProfileAdmin(admin.ModelAdmin):
    list_display = ["pk", "title_en", "title_ko", "kind", "status", "expires_on", "organisation"]
    list_filter = ["status", "kind", "pillar"]
    search_fields = ["title_en", "title_ko", "organisation__name_en", "organisation__name_ko"]
    raw_id_fields = ["organisation"]
    inlines = [ProfileIndustryInline]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["pk", "full_name", "organisation", "erased_at"]
    search_fields = ["full_name", "email"]
    raw_id_fields = ["organisation", "user"]
    inlines = [ConsentInline]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log, read-only: entries are written by the domain functions and never edited."""

    list_display = ["at", "actor_label", "action", "object_type", "object_id", "object_label"]
    list_filter = ["action", "object_type"]
    search_fields = ["actor_label", "object_label", "object_id"]
    date_hierarchy = "at"

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
