from django.urls import path

from innotwin.matching import views

app_name = "matching"

urlpatterns = [
    path("", views.home, name="home"),
    path("organisations/<slug:slug>/", views.organisation_matches, name="organisation"),
    path("organisations/<slug:slug>/interest/", views.express, name="express"),
    path("organisations/<slug:slug>/feedback/", views.feedback, name="feedback"),
    path("interests/", views.inbox, name="inbox"),
    path("interests/<int:pk>/", views.interest_detail, name="interest"),
    path("interests/<int:pk>/<str:verb>/", views.interest_action, name="interest_action"),
    path("pairs/<slug:slug>/", views.pair_view, name="pair"),
]
