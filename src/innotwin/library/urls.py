from django.urls import path

from innotwin.library import views

app_name = "library"

urlpatterns = [
    path("", views.library_search, name="search"),
    path("upload/", views.document_upload, name="upload"),
    path("<int:pk>/", views.document_detail, name="document"),
    path("<int:pk>/file/", views.document_file, name="file"),
    path("<int:pk>/edit/", views.document_edit, name="edit"),
    path("<int:pk>/publish/", views.document_publish, name="publish"),
]
