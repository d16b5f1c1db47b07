from django.urls import path

from innotwin.roadmaps import views

app_name = "roadmaps"

urlpatterns = [
    path("<slug:slug>/", views.dashboard, name="dashboard"),
    path("<slug:slug>/document/", views.roadmap_document, name="document"),
    path("<slug:slug>/edit/", views.roadmap_edit, name="edit"),
    path("<slug:slug>/objectives/", views.objective_add, name="objective_add"),
    path("<slug:slug>/sign/", views.roadmap_sign, name="sign"),
    path("<slug:slug>/suggestions/accept/", views.suggestion_accept, name="suggestion_accept"),
    path("<slug:slug>/suggestions/dismiss/", views.suggestion_dismiss, name="suggestion_dismiss"),
    path("<slug:slug>/proposals/new/", views.proposal_new, name="proposal_new"),
    path("<slug:slug>/proposals/<int:pk>/", views.proposal_detail, name="proposal"),
    path("<slug:slug>/proposals/<int:pk>/edit/", views.proposal_edit, name="proposal_edit"),
    path("<slug:slug>/proposals/<int:pk>/move/", views.proposal_move, name="proposal_move"),
    path("<slug:slug>/proposals/<int:pk>/partners/", views.partner_add, name="partner_add"),
    path("<slug:slug>/proposals/<int:pk>/partners/remove/", views.partner_remove, name="partner_remove"),
    path("<slug:slug>/proposals/<int:pk>/milestones/", views.milestone_add, name="milestone_add"),
    path(
        "<slug:slug>/proposals/<int:pk>/milestones/<int:milestone>/",
        views.milestone_status,
        name="milestone_status",
    ),
    path("<slug:slug>/proposals/<int:pk>/documents/", views.document_upload, name="document_upload"),
    path(
        "<slug:slug>/proposals/<int:pk>/documents/<int:document>/",
        views.document_file,
        name="document_file",
    ),
]
