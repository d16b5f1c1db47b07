from django.urls import path

from innotwin.missions import setup_views, views

app_name = "missions"

urlpatterns = [
    path("", views.mission_list, name="list"),
    path("new/", setup_views.mission_new, name="new"),
    path("virtual/", views.virtual_slots, name="virtual"),
    path("feeds/<str:token>.ics", views.participant_ics, name="feed"),
    path("<slug:slug>/", views.mission_detail, name="detail"),
    path("<slug:slug>/setup/", setup_views.mission_setup, name="setup"),
    path("<slug:slug>/setup/<slug:part>/", setup_views.mission_setup_add, name="setup_add"),
    path("<slug:slug>/solve/", views.mission_solve, name="solve"),
    path("<slug:slug>/publish/", views.mission_publish, name="publish"),
    path(
        "<slug:slug>/requests/from-matches/",
        views.mission_requests_from_matches,
        name="requests_from_matches",
    ),
    path("<slug:slug>/schedule.ics", views.mission_ics, name="ics"),
    path("<slug:slug>/meetings/<int:pk>/move/", views.meeting_move, name="move"),
    path("<slug:slug>/participants/<int:pk>/", views.participant_agenda, name="agenda"),
]
