from __future__ import annotations

import re

from django.core import mail
from django.test import Client

from innotwin.accounts.domain.create_user import create_user
from innotwin.accounts.enums import Role
from innotwin.accounts.models import User


def test_sign_in_with_email_and_password_succeeds(people, client: Client) -> None:
    response = client.post(
        "/en/accounts/sign-in/",
        {"username": "member@example.org", "password": "correct horse battery staple"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert client.get("/en/").context["user"].email == "member@example.org"


def test_sign_in_with_wrong_password_shows_error(people, client: Client) -> None:
    response = client.post("/en/accounts/sign-in/", {"username": "member@example.org", "password": "nope"})
    assert response.status_code == 200
    assert "Please enter a correct email address and password" in response.content.decode()


def test_passwords_are_hashed_with_argon2(people) -> None:
    assert people["member"].password.startswith("argon2$")


def test_one_time_password_forces_a_new_password(db, client: Client) -> None:
    user, one_time = create_user(email="new@example.org", role=Role.ORGANISATION_MEMBER)
    assert one_time is not None
    client.post("/en/accounts/sign-in/", {"username": "new@example.org", "password": one_time})
    response = client.get("/en/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/password/change/"
    changed = client.post(
        "/en/accounts/password/change/",
        {
            "old_password": one_time,
            "new_password1": "a brand new passphrase",
            "new_password2": "a brand new passphrase",
        },
    )
    assert changed.status_code == 302
    user.refresh_from_db()
    assert user.must_change_password is False
    assert client.get("/en/").status_code == 200


def test_password_reset_sends_a_link_that_sets_a_new_password(people, client: Client, settings) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = client.post("/en/accounts/password/reset/", {"email": "member@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/\S+)", mail.outbox[0].body)
    assert link is not None
    form_page = client.get(link.group(1), follow=True)
    assert form_page.status_code == 200
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "another long passphrase", "new_password2": "another long passphrase"},
    )
    assert done.status_code == 302
    assert User.objects.get(email="member@example.org").check_password("another long passphrase")


def test_password_reset_for_unknown_email_sends_nothing(db, client: Client, settings) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_api_tokens_page_shows_new_token_once(people, client: Client) -> None:
    client.force_login(people["member"])
    created = client.post("/en/accounts/tokens/", {"name": "notebook"})
    raw = created.context["new_token"]
    assert raw.startswith("it_")
    assert raw in created.content.decode()
    listing = client.get("/en/accounts/tokens/").content.decode()
    assert "notebook" in listing
    assert raw not in listing


def test_api_tokens_page_needs_sign_in(db, client: Client) -> None:
    response = client.get("/en/accounts/tokens/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/sign-in/")


def test_admin_site_open_to_programme_admins_only(people, client: Client) -> None:
    client.force_login(people["coordinator"])
    assert client.get("/admin/").status_code == 302
    client.force_login(people["admin"])
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pairs/twinpair/").status_code == 200
