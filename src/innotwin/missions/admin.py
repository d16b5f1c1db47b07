from django.contrib import admin

from innotwin.missions.models import (
    AgendaItem,
    Interpreter,
    MeetingRequest,
    Mission,
    Participant,
    Room,
    ScheduledMeeting,
    Table,
    UnscheduledRequest,
    Venue,
)


@admin.register(Mission)
class MissionAdmin(admin.ModelAdmin):
    list_display = ("slug", "pair", "host_city", "starts_on", "ends_on", "status", "is_demo")
    list_filter = ("status", "is_demo")
    search_fields = ("slug", "title_en", "title_ko")
    readonly_fields = (
        "solver",
        "solver_status",
        "value",
        "bound",
        "bound_exact",
        "solve_seconds",
        "solved_at",
    )


admin.site.register(
    [Venue, Room, Table, AgendaItem, Interpreter, MeetingRequest, ScheduledMeeting, UnscheduledRequest]
)


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ("name", "mission", "side", "languages", "time_zone")
    exclude = ("feed_token",)
