"""Who belongs to an organisation: the Members section, its API and ``innotwin orgs members``.

``member`` is the only member of the Belfast company; ``coordinator`` moderates it; ``outsider`` is a
member of a Busan company (see conftest.py)."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from django.test import Client

from innotwin.accounts.domain.create_api_token import create_api_token
from innotwin.accounts.enums import Role
from innotwin.accounts.models import User
from innotwin.cli.main import cli
from innotwin.core.errors import ConfigurationError, DataError, InvalidStateError
from innotwin.organisations.domain.add_member import add_member, remove_member
from innotwin.organisations.domain.add_member_by_email import add_member_by_email
from innotwin.organisations.models import AuditEntry

ORG = "harbour-robotics-ltd"
MEMBERS = f"/en/organisations/{ORG}/members/"


def _signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _auth(user: User) -> dict[str, str]:
    _token, raw = create_api_token(user=user, name="test")
    return {"Authorization": f"Bearer {raw}"}


def _member_emails(world) -> list[str]:
    return sorted(world.organisation.members.values_list("email", flat=True))


def _audit(world) -> list[tuple[str, dict, str]]:
    entries = AuditEntry.objects.filter(
        object_type="organisation",
        object_id=str(world.organisation.pk),
        action__startswith="organisation.member",
    ).order_by("pk")
    return [(entry.action, entry.changes, entry.actor_label) for entry in entries]


# ----- web -------------------------------------------------------------------------------------------


def test_members_section_is_shown_only_to_those_who_manage_members(world) -> None:
    page = f"/en/organisations/{ORG}/"
    member_html = _signed_in(world.people["member"]).get(page).content.decode()
    assert '<h2 id="members-title">Members</h2>' in member_html
    assert "<td>member@example.org</td>" in member_html
    assert f'action="{MEMBERS}"' in member_html
    for role in ("outsider", "other_coordinator"):
        html = _signed_in(world.people[role]).get(page).content.decode()
        assert "members-title" not in html
        assert "member@example.org" not in html
    assert "members-title" not in Client().get(page).content.decode()
    korean = _signed_in(world.people["coordinator"]).get(f"/ko/organisations/{ORG}/").content.decode()
    assert '<h2 id="members-title">회원</h2>' in korean
    assert "회원 추가하기" in korean


def test_adding_an_existing_account_makes_it_a_member_and_tells_them(world, mailoutbox) -> None:
    response = _signed_in(world.people["member"]).post(
        MEMBERS, {"email": " Outsider@Example.org ", "language": "en"}, follow=True
    )
    assert response.redirect_chain == [(MEMBERS, 302)]
    html = response.content.decode()
    assert "outsider@example.org is now a member and has been told by email." in html
    assert _member_emails(world) == ["member@example.org", "outsider@example.org"]
    [email] = mailoutbox
    assert email.to == ["outsider@example.org"]
    assert email.subject == "You are now a member of Harbour Robotics Ltd on innotwin"
    assert "member@example.org has added you as a member of Harbour Robotics Ltd" in email.body
    assert f"http://testserver/en/organisations/{ORG}/" in email.body
    assert _audit(world)[-1] == (
        "organisation.member_added",
        {"member": world.people["outsider"].pk},
        "member@example.org",
    )


def test_a_new_person_is_invited_in_their_language_and_the_link_sets_their_password(
    world, mailoutbox
) -> None:
    response = _signed_in(world.people["member"]).post(
        MEMBERS, {"email": "minji@example.kr", "full_name": "김민지", "language": "ko"}, follow=True
    )
    assert "minji@example.kr is now a member and has been sent an invitation" in response.content.decode()
    user = User.objects.get(email="minji@example.kr")
    assert (user.role, user.full_name, user.preferred_language) == (Role.ORGANISATION_MEMBER, "김민지", "ko")
    assert user.must_change_password is False
    assert world.organisation.members.filter(pk=user.pk).exists()
    assert _audit(world)[-1][:2] == ("organisation.member_added", {"member": user.pk, "invited": True})
    [email] = mailoutbox
    assert email.subject == "innotwin의 Harbour Robotics Ltd 회원으로 초대되었습니다"
    assert "이 이메일 주소로 귀하의 계정이 만들어졌습니다." in email.body
    assert "이 링크는 3일 안에 한 번만 쓸 수 있습니다." in email.body
    link = re.search(r"http://testserver(/ko/accounts/password/reset/\S+)", email.body)
    assert link is not None

    invitee = Client()
    form_page = invitee.get(link.group(1), follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"] is True
    done = invitee.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a harbour full of cranes", "new_password2": "a harbour full of cranes"},
    )
    assert done.status_code == 302
    assert invitee.login(username="minji@example.kr", password="a harbour full of cranes")
    assert invitee.get(f"/ko/organisations/{ORG}/edit/").status_code == 200
    # The link works once.
    assert invitee.get(link.group(1), follow=True).context["validlink"] is False


def test_problems_are_shown_at_the_field_in_the_readers_language(world, mailoutbox) -> None:
    client = _signed_in(world.people["member"])
    html = client.post(MEMBERS, {"email": "not an address", "language": "en"}).content.decode()
    # The error list sits in the email field's own block, before its input.
    field = html[html.index('<label for="id_email">') : html.index('id="id_email">')]
    assert "<li>Enter a valid email address.</li></ul>" in field
    html = client.post(MEMBERS, {"email": "member@example.org", "language": "en"}).content.decode()
    assert "member@example.org is already a member of Harbour Robotics Ltd." in html
    assert 'class="form-field has-error"' in html
    korean = client.post(
        f"/ko/organisations/{ORG}/members/", {"email": "member@example.org", "language": "ko"}
    ).content.decode()
    assert "member@example.org 님은 이미 Harbour Robotics Ltd의 회원입니다." in korean
    assert mailoutbox == []
    assert _member_emails(world) == ["member@example.org"]


def test_removing_asks_first_then_posts_with_the_csrf_token(world) -> None:
    add_member(actor=None, organisation=world.organisation, user=world.people["outsider"])
    outsider = world.people["outsider"]
    url = f"{MEMBERS}{outsider.pk}/remove/"
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.people["member"])
    confirm = client.get(url)
    html = confirm.content.decode()
    assert "Remove outsider@example.org from Harbour Robotics Ltd?" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert client.post(url).status_code == 403  # no token: refused, nothing changed
    assert "outsider@example.org" in _member_emails(world)
    token = confirm.context["csrf_token"]
    done = client.post(url, {"csrfmiddlewaretoken": str(token)}, follow=True)
    assert done.redirect_chain == [(MEMBERS, 302)]
    assert "outsider@example.org is no longer a member of Harbour Robotics Ltd." in done.content.decode()
    assert _member_emails(world) == ["member@example.org"]
    assert _audit(world)[-1] == ("organisation.member_removed", {"member": outsider.pk}, "member@example.org")
    assert client.get(f"{MEMBERS}{world.people['admin'].pk}/remove/").status_code == 404  # not a member


def test_a_member_who_leaves_goes_back_to_the_organisation_page(world) -> None:
    add_member(actor=None, organisation=world.organisation, user=world.people["outsider"])
    client = _signed_in(world.people["outsider"])
    url = f"{MEMBERS}{world.people['outsider'].pk}/remove/"
    assert "Leave Harbour Robotics Ltd?" in client.get(url).content.decode()
    response = client.post(url)
    assert response["Location"] == f"/en/organisations/{ORG}/"
    assert client.get(MEMBERS).status_code == 403


def test_the_last_member_cannot_remove_themselves_and_is_told_why(world) -> None:
    member = world.people["member"]
    client = _signed_in(member)
    response = client.post(f"{MEMBERS}{member.pk}/remove/", follow=True)
    html = response.content.decode()
    assert "member@example.org is the only member of Harbour Robotics Ltd." in html
    assert "add another member first, or ask a coordinator of the twin pair" in html
    assert _member_emails(world) == ["member@example.org"]
    assert [action for action, _c, _a in _audit(world)] == []


def test_a_moderator_or_administrator_may_remove_the_last_member(world) -> None:
    member = world.people["member"]
    remove_member(actor=world.people["coordinator"], organisation=world.organisation, user=member)
    assert _member_emails(world) == []
    add_member(actor=None, organisation=world.organisation, user=member)
    remove_member(actor=world.people["admin"], organisation=world.organisation, user=member)
    assert _member_emails(world) == []
    with pytest.raises(InvalidStateError, match="is not a member of"):
        remove_member(actor=world.people["admin"], organisation=world.organisation, user=member)


# ----- domain ----------------------------------------------------------------------------------------


def test_nothing_is_stored_when_the_invitation_cannot_be_sent(world, monkeypatch, mailoutbox) -> None:
    def refuse(*_args, **_kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("innotwin.organisations.domain.add_member_by_email.send_mail", refuse)
    with pytest.raises(ConfigurationError, match="could not be sent"):
        add_member_by_email(
            actor=world.people["member"],
            organisation=world.organisation,
            email="late@example.org",
            base_url="https://innotwin.example",
        )
    assert not User.objects.filter(email="late@example.org").exists()
    assert _member_emails(world) == ["member@example.org"]
    assert _audit(world) == []
    html = (
        _signed_in(world.people["member"])
        .post(MEMBERS, {"email": "late@example.org", "language": "en"})
        .content.decode()
    )
    assert "could not be sent (the mail server did not accept it), so nothing was changed." in html


def test_a_closed_account_or_a_bad_language_is_refused(world) -> None:
    User.objects.filter(pk=world.people["outsider"].pk).update(is_active=False)
    with pytest.raises(DataError) as closed:
        add_member_by_email(
            actor=None, organisation=world.organisation, email="outsider@example.org", base_url=""
        )
    assert closed.value.problems[0].field == "email"
    with pytest.raises(DataError) as bad:
        add_member_by_email(
            actor=None, organisation=world.organisation, email="x@example.org", base_url="", language="fr"
        )
    assert [problem.field for problem in bad.value.problems] == ["language"]


# ----- API -------------------------------------------------------------------------------------------


def test_api_lists_adds_and_removes_members(world, client: Client, mailoutbox) -> None:
    headers = _auth(world.people["member"])
    url = f"/api/v1/organisations/{ORG}/members"
    assert client.get(url, headers=headers).json() == [
        {"id": world.people["member"].pk, "email": "member@example.org", "full_name": ""}
    ]
    created = client.post(
        url,
        {"email": "Ji-ho@example.kr", "full_name": "Ji-ho Park"},
        content_type="application/json",
        headers={**headers, "Accept-Language": "ko"},
    )
    assert created.status_code == 201
    body = created.json()
    assert {key: body[key] for key in ("email", "full_name", "invited")} == {
        "email": "ji-ho@example.kr",
        "full_name": "Ji-ho Park",
        "invited": True,
    }
    assert User.objects.get(pk=body["id"]).preferred_language == "ko"
    assert mailoutbox[0].to == ["ji-ho@example.kr"]
    assert "http://testserver/ko/accounts/password/reset/" in mailoutbox[0].body
    again = client.post(url, {"email": "ji-ho@example.kr"}, content_type="application/json", headers=headers)
    assert again.status_code == 422
    error = again.json()["error"]
    assert error["code"] == "data_error"
    assert error["details"][0]["field"] == "email"
    assert error["details"][0]["message"] == "ji-ho@example.kr is already a member of Harbour Robotics Ltd."
    assert client.delete(f"{url}/{body['id']}", headers=headers).status_code == 204
    missing = client.delete(f"{url}/{body['id']}", headers=headers)
    assert (missing.status_code, missing.json()["error"]["code"]) == (404, "not_found")
    assert [email for email in _member_emails(world)] == ["member@example.org"]


def test_api_refuses_the_last_member_and_outsiders(world, client: Client) -> None:
    member = world.people["member"]
    url = f"/api/v1/organisations/{ORG}/members"
    last = client.delete(f"{url}/{member.pk}", headers=_auth(member))
    assert last.status_code == 400
    assert last.json()["error"]["code"] == "invalid_state"
    assert "is the only member of Harbour Robotics Ltd" in last.json()["error"]["message"]
    outsider = _auth(world.people["outsider"])
    denied = client.post(url, {"email": "x@example.org"}, content_type="application/json", headers=outsider)
    assert (denied.status_code, denied.json()["error"]["code"]) == (403, "permission_denied")
    assert client.get(url).status_code == 403
    assert _member_emails(world) == ["member@example.org"]


# ----- CLI -------------------------------------------------------------------------------------------


def test_cli_lists_adds_and_removes_members(world, mailoutbox) -> None:
    runner = CliRunner()
    added = runner.invoke(
        cli,
        ["orgs", "members", ORG, "--add", "sean@example.ie", "--name", "Seán Kelly", "--format", "json"],
    )
    assert added.exit_code == 0, added.output
    assert "Added sean@example.ie to harbour-robotics-ltd (invited to choose a password by email)." in (
        added.stderr
    )
    rows = json.loads(added.stdout)
    assert [(row["email"], row["full_name"]) for row in rows] == [
        ("member@example.org", ""),
        ("sean@example.ie", "Seán Kelly"),
    ]
    assert "http://localhost:8000/en/accounts/password/reset/" in mailoutbox[0].body
    assert "You have been added as a member of Harbour Robotics Ltd" in mailoutbox[0].body
    removed = runner.invoke(cli, ["orgs", "members", ORG, "--remove", "member@example.org"])
    assert removed.exit_code == 0, removed.output
    assert "sean@example.ie" in removed.stdout
    assert "member@example.org" not in removed.stdout
    # The command line may remove the last member too.
    assert runner.invoke(cli, ["orgs", "members", ORG, "--remove", "sean@example.ie"]).exit_code == 0
    assert _member_emails(world) == []
    assert [(action, label) for action, _c, label in _audit(world)] == [
        ("organisation.member_added", "innotwin orgs (command line)"),
        ("organisation.member_removed", "innotwin orgs (command line)"),
        ("organisation.member_removed", "innotwin orgs (command line)"),
    ]


def test_cli_names_what_is_wrong(world) -> None:
    runner = CliRunner()
    unknown = runner.invoke(cli, ["orgs", "members", "no-such-org"])
    assert "There is no organisation with the slug or id 'no-such-org'." in str(unknown.exception)
    nobody = runner.invoke(cli, ["orgs", "members", ORG, "--remove", "nobody@example.org"])
    assert "There is no account with the email address 'nobody@example.org'." in str(nobody.exception)
    both = runner.invoke(cli, ["orgs", "members", ORG, "--add", "a@example.org", "--remove", "b@example.org"])
    assert both.exit_code == 2
    assert "Give --add or --remove, not both." in both.output
