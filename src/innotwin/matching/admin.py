from django.contrib import admin

from innotwin.matching.models import Feedback, Interest, Notification, TextVector


@admin.register(Interest)
class InterestAdmin(admin.ModelAdmin):
    list_display = ("from_organisation", "to_organisation", "status", "created_at", "responded_at")
    list_filter = ("status", "decline_reason")
    raw_id_fields = (
        "from_organisation",
        "to_organisation",
        "sent_by",
        "responded_by",
        "meeting_requested_by",
    )


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ("organisation", "candidate", "kind", "reason", "created_at")
    list_filter = ("kind", "reason")
    raw_id_fields = ("organisation", "candidate", "given_by")


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "interest", "created_at", "read_at")
    raw_id_fields = ("user", "interest")


@admin.register(TextVector)
class TextVectorAdmin(admin.ModelAdmin):
    list_display = ("organisation", "role", "embedder", "embedder_version", "dim", "updated_at")
    list_filter = ("embedder", "role")
    raw_id_fields = ("organisation",)
    readonly_fields = ("vector", "text_hash")
