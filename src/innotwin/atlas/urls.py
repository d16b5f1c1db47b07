from django.urls import path

from innotwin.atlas import views

app_name = "atlas"

urlpatterns = [
    path("", views.region_list, name="regions"),
    path("compare/", views.region_compare, name="compare"),
    path("<str:code>/", views.region_detail, name="region"),
]
