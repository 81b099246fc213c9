"""Signing in and out, and the workbench's writes: verdicts on an event and comments.

A verdict from the browser is `frontlines.control_api.add_note` with the signed-in user as its
author, exactly as `frontlines note` records one: it flows into fusion, control, reports, exports
and the reader's training notes at once. Every write needs an analyst or admin and the session's
CSRF token (``frontlines.web.sessions``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Body, Depends, Form, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from frontlines import accounts
from frontlines.accounts import User
from frontlines.control_api import add_note
from frontlines.outputs.exports import event_to_dict
from frontlines.review_api import add_comment
from frontlines.store import Store
from frontlines.web.api import GazetteerDep, event_or_404, place_or_404
from frontlines.web.context import get_gazetteer, get_store
from frontlines.web.pages import render
from frontlines.web.sessions import check_csrf, client_address, signed_in, writer

router = APIRouter()
StoreDep = Annotated[Store, Depends(get_store)]
Writer = Annotated[User, Depends(writer)]
EventId = Annotated[int, Path(ge=1, le=2**62)]
Short = Annotated[str, Form(max_length=200)]
Verdict = Literal["confirm", "reject", "correct"]
CORRECTION_FIELDS = ("event_type", "date", "place", "actor", "target_actor")


def _next_page(value: str) -> str:
    """Where to go after signing in: a path on this site, never another site (`//evil`, `https:`)."""
    # browsers drop tabs and newlines from a URL and read `\\` as `/`: "/\t/evil" and "/\\evil" lead away
    safe = value.startswith("/") and not value.startswith("//") and "\\" not in value and value.isprintable()
    return value if safe else "/events"


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_page(request: Request, next: str = "/events") -> HTMLResponse:  # noqa: A002 - the usual name
    return render(request, "login.html", next=_next_page(next), message="")


async def login_attempt(request: Request) -> None:
    """At most the app's `login_limit` attempts to sign in from one address (10 a minute); else 429."""
    if not request.app.state.login_limit.allow(client_address(request)):
        raise HTTPException(429, "too many attempts to sign in: wait a minute")


@router.post("/login", response_class=HTMLResponse, include_in_schema=False)
def login(
    request: Request, store: StoreDep, _limit: Annotated[None, Depends(login_attempt)], _csrf: Annotated[None, Depends(check_csrf)],
    name: Short, password: Annotated[str, Form(max_length=accounts.MAX_PASSWORD)],
    next: Annotated[str, Form(max_length=500)] = "/events",  # noqa: A002 - the usual name
) -> Response:  # fmt: skip
    found = accounts.verify(store, name, password)
    if found is None:
        return render(request, "login.html", status_code=401, next=_next_page(next), message="Wrong name or password.")
    signed_in(request, found.name)
    return RedirectResponse(_next_page(next), status_code=303)


@router.get("/logout", response_class=HTMLResponse, include_in_schema=False)
def logout_page(request: Request) -> HTMLResponse:
    return render(request, "logout.html")


@router.post("/logout", include_in_schema=False)
def logout(request: Request, _csrf: Annotated[None, Depends(check_csrf)]) -> RedirectResponse:
    request.session.clear()
    return RedirectResponse("/events", status_code=303)


@router.post("/events/{event_id}/review", include_in_schema=False)
def review_event(
    request: Request, store: StoreDep, author: Writer, event_id: EventId, verdict: Annotated[Verdict, Form()],
    body: Annotated[str, Form(max_length=10_000)] = "", event_type: Short = "", date: Short = "", place: Short = "",
    actor: Short = "", target_actor: Short = "",
) -> RedirectResponse:  # fmt: skip
    """A verdict from the event page's forms; a correction takes the fields that were filled in."""
    given = {"event_type": event_type, "date": date, "place": place, "actor": actor, "target_actor": target_actor}
    corrections = {k: v.strip() for k, v in given.items() if v.strip()} if verdict == "correct" else {}
    _note(request, store, event_id, verdict, body, corrections, author)
    return RedirectResponse(f"/events/{event_id}", status_code=303)


@router.post("/events/{event_id}/comments", include_in_schema=False)
def comment_on_event(store: StoreDep, author: Writer, event_id: EventId, body: Annotated[str, Form(max_length=10_000)]) -> RedirectResponse:
    event_or_404(store, event_id)
    add_comment(store, "event", event_id, body, author=author.name)
    return RedirectResponse(f"/events/{event_id}#comments", status_code=303)


@router.post("/places/{name}/comments", include_in_schema=False)
def comment_on_place(
    store: StoreDep, gazetteer: GazetteerDep, author: Writer, name: Annotated[str, Path(max_length=200)],
    body: Annotated[str, Form(max_length=10_000)],
) -> RedirectResponse:  # fmt: skip
    view = place_or_404(store, name, gazetteer, limit=1)
    add_comment(store, "place", view.place.key, body, author=author.name)
    return RedirectResponse(f"/places/{quote(name, safe='')}#comments", status_code=303)


@router.post("/api/events/{event_id}/notes", tags=["api"])
def note_on_event(
    request: Request, store: StoreDep, author: Writer, event_id: EventId, verdict: Annotated[Verdict, Body()],
    body: Annotated[str, Body(max_length=10_000)] = "", corrections: Annotated[dict[str, str] | None, Body()] = None,
) -> dict[str, Any]:  # fmt: skip
    """Record a verdict on an event (as `frontlines note`); send the session's CSRF token in X-CSRF-Token.
    Returns the note's id and the event as it is now."""
    note_id = _note(request, store, event_id, verdict, body, dict(corrections or {}), author)
    return {"note": note_id, "event": event_to_dict(event_or_404(store, event_id))}


def _note(request: Request, store: Store, event_id: int, verdict: str, body: str, corrections: dict[str, str], author: User) -> int:
    event_or_404(store, event_id)
    unknown = sorted(set(corrections) - set(CORRECTION_FIELDS))
    if unknown:
        raise HTTPException(422, f"cannot correct {', '.join(unknown)}: correctable are {', '.join(CORRECTION_FIELDS)}")
    gazetteer = get_gazetteer(request) if "place" in corrections else None
    note_id = add_note(store, "event", event_id, body.strip(), author=author.name, verdict=verdict, corrections=corrections, gazetteer=gazetteer)
    request.app.state.totals.forget()  # the counts of the review filter change
    request.app.state.pages.forget()  # and the pages that show the event
    return note_id
