"""Managing the accounts: from the admin page (admins only, with the CSRF token) and with
`frontlines user list/role/password/remove`; the last admin can be neither demoted nor removed."""

from __future__ import annotations


import pytest
from click.testing import CliRunner

from frontlines.accounts import accounts, add_user, remove_user, set_role, user, verify
from frontlines.cli import main
from frontlines.errors import AccountError
from frontlines.store import Store
from frontlines.web import create_app
from signing_in import PASSWORD, sign_in, token_on

pytestmark = pytest.mark.model


@pytest.fixture
def store(store_with_accounts: Store) -> Store:
    add_user(store_with_accounts, "root", PASSWORD, "admin")
    return store_with_accounts


@pytest.fixture
def admin(client_of, store: Store):  # type: ignore[no-untyped-def]
    client = client_of(create_app(store=store))
    assert sign_in(client, "root").status_code == 303
    return client


def test_the_last_admin_can_be_neither_demoted_nor_removed(store: Store) -> None:
    with pytest.raises(AccountError, match="only admin"):
        set_role(store, "root", "analyst")
    with pytest.raises(AccountError, match="only admin"):
        remove_user(store, "root")
    set_role(store, "ana", "admin")
    set_role(store, "root", "viewer")  # another admin is left
    assert user(store, "root").role == "viewer"  # type: ignore[union-attr]


def test_changing_an_unknown_account_names_it(store: Store) -> None:
    with pytest.raises(AccountError, match="no user 'nobody'"):
        set_role(store, "nobody", "analyst")


def test_a_visitor_is_sent_to_sign_in_and_an_analyst_is_refused(client_of, store: Store) -> None:  # type: ignore[no-untyped-def]
    client = client_of(create_app(store=store))
    response = client.get("/admin", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login?next=/admin"
    assert sign_in(client, "ana").status_code == 303
    assert client.get("/admin").status_code == 403
    assert 'href="/admin"' not in client.get("/events").text
    token = token_on(client.get("/events/1").text)
    assert client.post("/admin/users", data={"name": "eve", "password": PASSWORD, "role": "admin", "csrf_token": token}).status_code == 403
    assert user(store, "eve") is None


def test_an_admin_sees_every_account_and_adds_one(admin, store: Store) -> None:  # type: ignore[no-untyped-def]
    page = admin.get("/admin")
    assert page.status_code == 200 and all(f'data-name="{name}"' in page.text for name in ("ana", "vic", "root"))
    response = admin.post("/admin/users", data={"name": "bea", "password": PASSWORD, "role": "analyst", "csrf_token": token_on(page.text)})
    assert response.status_code == 200 and "added bea (analyst)" in response.text
    assert verify(store, "bea", PASSWORD) == user(store, "bea") and user(store, "bea").role == "analyst"  # type: ignore[union-attr]


def test_an_admin_changes_a_role_and_a_password_and_removes_an_account(admin, store: Store) -> None:  # type: ignore[no-untyped-def]
    token = token_on(admin.get("/admin").text)
    assert "vic is now analyst" in admin.post("/admin/users/vic/role", data={"role": "analyst", "csrf_token": token}).text
    assert user(store, "vic").role == "analyst"  # type: ignore[union-attr]
    admin.post("/admin/users/vic/password", data={"password": "another long one", "csrf_token": token})
    assert verify(store, "vic", "another long one") is not None and verify(store, "vic", PASSWORD) is None
    assert "removed vic" in admin.post("/admin/users/vic/remove", data={"csrf_token": token}).text
    assert user(store, "vic") is None


def test_a_refused_change_is_shown_on_the_page_and_changes_nothing(admin, store: Store) -> None:  # type: ignore[no-untyped-def]
    token = token_on(admin.get("/admin").text)
    response = admin.post("/admin/users/root/role", data={"role": "viewer", "csrf_token": token})
    assert response.status_code == 422 and "root is the only admin" in response.text
    response = admin.post("/admin/users", data={"name": "x", "password": "short", "role": "viewer", "csrf_token": token})
    assert response.status_code == 422 and "8 to" in response.text and user(store, "x") is None


def test_a_change_without_the_csrf_token_is_refused(admin, store: Store) -> None:  # type: ignore[no-untyped-def]
    assert admin.post("/admin/users/vic/remove", data={}).status_code == 403
    assert user(store, "vic") is not None


def test_an_account_name_with_markup_is_shown_as_text(admin, store: Store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AccountError):
        add_user(store, "<script>", PASSWORD)
    page = admin.post("/admin/users", data={"name": "<img src=x onerror=alert(1)>", "password": PASSWORD, "csrf_token": token_on(admin.get("/admin").text)})
    assert page.status_code == 422 and "<img src=x" not in page.text and "&lt;img" in page.text


def test_the_user_commands_list_change_and_remove_accounts(writable_store_path) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    db = ["--db", str(writable_store_path)]
    assert runner.invoke(main, [*db, "user", "add", "root", "--role", "admin", "--password-stdin"], input=PASSWORD + "\n").exit_code == 0
    assert runner.invoke(main, [*db, "user", "add", "bob", "--password-stdin"], input=PASSWORD + "\n").exit_code == 0
    listed = runner.invoke(main, [*db, "user", "list"]).output
    assert listed.splitlines()[0].startswith("bob\tviewer\t") and "root\tadmin" in listed
    assert runner.invoke(main, [*db, "user", "role", "bob", "analyst"]).output == "user bob (analyst)\n"
    refused = runner.invoke(main, [*db, "user", "remove", "root"])
    assert refused.exit_code != 0 and "only admin" in refused.output and "Traceback" not in refused.output
    assert runner.invoke(main, [*db, "user", "password", "bob", "--password-stdin"], input="a new long password\n").exit_code == 0
    assert runner.invoke(main, [*db, "user", "remove", "bob"]).exit_code == 0
    with Store.open(f"sqlite:///{writable_store_path}") as store:
        assert [a.name for a in accounts(store)] == ["root"]
