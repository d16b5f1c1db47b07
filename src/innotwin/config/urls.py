from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from innotwin.api.main import api_v1

handler403 = "innotwin.web.views.permission_denied"
handler404 = "innotwin.web.views.not_found"
handler500 = "innotwin.web.views.server_error"

urlpatterns = [
    path("api/v1/", api_v1.urls),
    path("admin/", admin.site.urls),
    *i18n_patterns(
        path("", include("innotwin.web.urls")),
        path("accounts/", include("innotwin.accounts.urls")),
        path("pairs/", include("innotwin.pairs.urls")),
        path("regions/", include("innotwin.atlas.urls")),
        path("discover/", include("innotwin.discovery.urls")),
        path("organisations/", include("innotwin.organisations.urls")),
        path("library/", include("innotwin.library.urls")),
        path("missions/", include("innotwin.missions.urls")),
        path("matching/", include("innotwin.matching.urls")),
        path("roadmaps/", include("innotwin.roadmaps.urls")),
        path("impact/", include("innotwin.impact.urls")),
    ),
]
