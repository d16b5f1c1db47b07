"""Sign-in, sign-out, password reset and change, and API tokens: Django's auth views in our templates."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from innotwin.accounts.domain.create_api_token import create_api_token
from innotwin.accounts.models import User
from innotwin.accounts.permissions import Action, require_permission


class SignInForm(auth_views.AuthenticationForm):
    username = forms.EmailField(
        label=gettext_lazy("Email address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("web:home")

    def form_valid(self, form: forms.Form) -> HttpResponse:
        response = super().form_valid(form)
        user = self.request.user
        assert isinstance(user, User)  # noqa: S101 - the view requires a signed-in user
        if user.must_change_password:
            User.objects.filter(pk=user.pk).update(must_change_password=False)
        messages.success(self.request, _("Your password has been changed."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


@login_required
@require_http_methods(["GET", "POST"])
def api_tokens(request: HttpRequest) -> HttpResponse:
    """List the person's API tokens and create a new one; the raw token is shown only once."""
    assert isinstance(request.user, User)  # noqa: S101 - login_required guarantees it
    require_permission(request.user, Action.USE_API_TOKENS)
    new_token = None
    if request.method == "POST":
        name = request.POST.get("name", "").strip()[:100]
        if name:
            _token, new_token = create_api_token(user=request.user, name=name)
        else:
            messages.error(request, _("Give the token a name, for example the script that will use it."))
    return render(
        request,
        "accounts/api_tokens.html",
        {"tokens": request.user.api_tokens.all(), "new_token": new_token},
    )
