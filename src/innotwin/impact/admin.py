from django.contrib import admin

from innotwin.impact.models import Kpi, Observation, ProgressReport, Reminder, StatusChange, Target


@admin.register(Kpi)
class KpiAdmin(admin.ModelAdmin):
    list_display = ("code", "name_en", "name_ko", "unit", "level", "automatic")
    ordering = ("position",)


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    readonly_fields = ("from_status", "to_status", "reason", "actor", "actor_label", "at")
    can_delete = False


@admin.register(Observation)
class ObservationAdmin(admin.ModelAdmin):
    list_display = ("pk", "kpi", "pair", "value", "period_end", "status", "collector", "is_demo")
    list_filter = ("kpi", "status", "pair", "is_demo")
    # Status changes go through the verification workflow (the observation page), never a bare edit.
    readonly_fields = ("status",)
    inlines = [StatusChangeInline]


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ("pair", "kpi", "value", "baseline", "due_on", "is_demo")


@admin.register(ProgressReport)
class ProgressReportAdmin(admin.ModelAdmin):
    list_display = ("pair", "organisation", "period_start", "period_end", "reporter", "submitted_at")


admin.site.register(Reminder)
