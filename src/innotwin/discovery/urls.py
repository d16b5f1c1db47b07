from django.urls import path

from innotwin.discovery import views

app_name = "discovery"

urlpatterns = [
    path("", views.discover, name="discover"),
    path("report/", views.report, name="report"),
    path("report.pdf", views.report_download, name="report_pdf"),
    path("pairs/<str:a>/<str:b>/", views.pair_detail, name="pair"),
    path("pairs/<str:a>/<str:b>/propose/", views.propose, name="propose"),
    path("evidence/<slug:slug>/", views.evidence, name="evidence"),
]
