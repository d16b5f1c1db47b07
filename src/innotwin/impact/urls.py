from django.urls import path

from innotwin.impact import views

app_name = "impact"

urlpatterns = [
    path("", views.programme_dashboard, name="programme"),
    path("evidence/", views.evidence, name="evidence"),
    path("download.<str:fmt>", views.download, name="download"),
    path("observations/<int:pk>/", views.observation_detail, name="observation"),
    path("observations/<int:pk>/status/", views.observation_status, name="status"),
    path("observations/<int:pk>/document/", views.observation_document, name="document"),
    path("pairs/<slug:slug>/", views.pair_dashboard, name="pair"),
    path("pairs/<slug:slug>/report/", views.report, name="report"),
    path("pairs/<slug:slug>/targets/", views.target, name="target"),
]
