from django.urls import path

from innotwin.pairs import views

app_name = "pairs"

urlpatterns = [path("<slug:slug>/", views.pair_detail, name="detail")]
