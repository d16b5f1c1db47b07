from django.urls import path

from innotwin.organisations import views

app_name = "organisations"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("new/", views.create, name="create"),
    path("moderation/", views.moderation, name="moderation"),
    path("import/", views.import_upload, name="import"),
    path("import/<str:token>/", views.import_mapping, name="import_mapping"),
    path("template-<str:language>.<str:extension>", views.import_template, name="template"),
    path("export.<str:extension>", views.export, name="export"),
    path("my-data/", views.privacy, name="privacy"),
    path("my-data.json", views.my_data, name="my_data"),
    path("profiles/<int:pk>/", views.profile_detail, name="profile"),
    path("profiles/<int:pk>/edit/", views.profile_edit, name="profile_edit"),
    path("profiles/<int:pk>/<str:action>/", views.profile_action, name="profile_action"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/edit/", views.edit, name="edit"),
    path("<slug:slug>/verify/", views.verify, name="verify"),
    path("<slug:slug>/contacts/", views.contacts, name="contacts"),
    path("<slug:slug>/contacts/<int:person_id>/erase/", views.erase_contact, name="erase_contact"),
    path("<slug:slug>/profiles/new/", views.profile_create, name="profile_create"),
    path("<slug:slug>/members/", views.members, name="members"),
    path("<slug:slug>/members/<int:user_id>/remove/", views.member_remove, name="member_remove"),
]
