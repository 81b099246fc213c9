"""The admin page: the accounts of the workbench, managed from the browser as `frontlines user` does
in a shell (add an account, change its role or password, remove it). Admins only; every change with
the session's CSRF token. The last admin cannot be demoted or removed (``frontlines.accounts``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from frontlines import accounts
from frontlines.accounts import User
from frontlines.errors import AccountError
from frontlines.model import ROLES
from frontlines.store import Store
from frontlines.web.context import get_store
from frontlines.web.pages import render
from frontlines.web.sessions import administrator, current_user

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(get_store)]
Admin = Annotated[User, Depends(administrator)]
Name = Annotated[str, Path(max_length=100)]
Password = Annotated[str, Form(max_length=accounts.MAX_PASSWORD)]


@router.get("/admin", response_class=HTMLResponse)
async def admin_page(request: Request, store: StoreDep) -> Response:
    """The accounts and the forms that change them; a visitor is sent to sign in, a non-admin refused."""
    found = await current_user(request)
    if found is None:
        return RedirectResponse("/login?next=/admin", status_code=303)
    if not found.is_admin:
        raise HTTPException(403, f"{found.name} is a {found.role}: only an admin manages the accounts")
    return _page(request, store, message=request.query_params.get("done", "")[:200])


def _page(request: Request, store: Store, message: str = "", problem: str = "", status_code: int = 200) -> HTMLResponse:
    return render(request, "admin.html", status_code=status_code, accounts=accounts.accounts(store), roles=ROLES, message=message, problem=problem)


def _change(request: Request, store: Store, change: Callable[[], str]) -> Response:
    """Make a change and show the page again: its outcome, or the AccountError that refused it (422)."""
    try:
        done = change()
    except AccountError as exc:
        return _page(request, store, problem=f"{exc.message}: {exc.hint}" if exc.hint else exc.message, status_code=422)
    return RedirectResponse(f"/admin?{urlencode({'done': done})}", status_code=303)


@router.post("/admin/users")
def add_account(request: Request, store: StoreDep, _admin: Admin, name: Annotated[str, Form(max_length=100)], password: Password,
                role: Annotated[str, Form(max_length=20)] = "viewer") -> Response:  # fmt: skip
    return _change(request, store, lambda: f"added {accounts.add_user(store, name.strip(), password, role).name} ({role})")


@router.post("/admin/users/{name}/role")
def change_role(request: Request, store: StoreDep, _admin: Admin, name: Name, role: Annotated[str, Form(max_length=20)]) -> Response:
    return _change(request, store, lambda: f"{accounts.set_role(store, name, role).name} is now {role}")


@router.post("/admin/users/{name}/password")
def change_password(request: Request, store: StoreDep, _admin: Admin, name: Name, password: Password) -> Response:
    def change() -> str:
        accounts.set_password(store, name, password)
        return f"{name} has a new password"

    return _change(request, store, change)


@router.post("/admin/users/{name}/remove")
def remove_account(request: Request, store: StoreDep, _admin: Admin, name: Name) -> Response:
    def change() -> str:
        accounts.remove_user(store, name)
        return f"removed {name}"

    return _change(request, store, change)
