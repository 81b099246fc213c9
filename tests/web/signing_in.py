"""Signing in to the workbench from a test client: the CSRF token of a page's form, the sign-in
form sent, and the token of the session that signing in starts. The accounts of the test stores
(tests/web/conftest.py) all have PASSWORD."""

from __future__ import annotations

import re

PASSWORD = "a long password"


def token_on(page: str) -> str:
    """The CSRF token of the page's form that writes."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, "the page has no form that writes"
    return found.group(1)


def sign_in(client, name: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    """Send the sign-in form as a browser does; the response (303 when the password is right)."""
    token = token_on(client.get("/login").text)
    return client.post("/login", data={"name": name, "password": password, "csrf_token": token}, follow_redirects=False)


def session_token(client, name: str) -> str:  # type: ignore[no-untyped-def]
    """Sign in and return the new session's CSRF token (signing in starts a session with a token of its own)."""
    assert sign_in(client, name).status_code == 303
    return token_on(client.get("/events").text)
