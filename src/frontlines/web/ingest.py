"""Ingest from the browser: uploaded report files and a pasted feed or report, read by the same
library call as `frontlines ingest` (``frontlines.api.ingest``), with its problems shown as the
command prints them.

The request saves the uploads in a temporary folder and starts a job (``frontlines.web.jobs``); the
job's page refreshes itself, "done N of M", until the result is there. Analysts and admins only,
with the session's CSRF token; at most MAX_FILES files and MAX_UPLOAD bytes a request, and
INGESTS_PER_MINUTE ingests a minute per user. Nothing is fetched from the network (no `--fetch`).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Path, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from frontlines import api as library
from frontlines.accounts import User
from frontlines.ingest.dispatch import sniff_format
from frontlines.ingest.published import DateHint, date_hint
from frontlines.theatres import bundled_theatres
from frontlines.web.jobs import Job
from frontlines.web.pages import render
from frontlines.web.sessions import current_user, writer

router = APIRouter(include_in_schema=False)
Writer = Annotated[User, Depends(writer)]

MAX_FILES = 20
MAX_UPLOAD = 10 << 20  # bytes of files and pasted text in one request
BODY_ALLOWANCE = MAX_UPLOAD + (256 << 10)  # what BodyLimit lets through to /ingest: the files plus the form's own parts
MAX_PASTED = 1 << 20  # characters of pasted text (Starlette's limit on a form field that is not a file)
INGESTS_PER_MINUTE = 10
UPLOAD_ORIGIN = "upload:"  # a stored report's origin: upload:USER/FILE
PASTED_NAMES = {"feed": "pasted.xml", "html": "pasted.html", "jsonl": "pasted.jsonl", "report": "pasted.txt"}


@router.get("/ingest", response_class=HTMLResponse)
async def ingest_page(request: Request) -> HTMLResponse:
    found = await current_user(request)
    if found is not None and not found.can_write:
        raise HTTPException(403, f"{found.name} is a {found.role}: only analysts and admins ingest reports")
    return render(request, "ingest.html", max_files=MAX_FILES, max_mib=MAX_UPLOAD >> 20, theatres=bundled_theatres())


def ingest_options(published: str, year: str, theatre: str) -> tuple[DateHint, str | None]:
    """The form's options as `frontlines ingest --published/--year/--theatre` takes them; a 422 that
    names a date, a year or a war that cannot be used."""
    year = year.strip()
    if year and not (year.isascii() and year.isdigit()):
        raise HTTPException(422, f"{year!r} is not a year: write YYYY")
    try:
        hint = date_hint(published.strip() or None, int(year) if year else None)
    except ValueError as exc:  # the command's wording, with the form's names
        raise HTTPException(422, str(exc).replace("--published", "a publication date").replace("--year", "a year")) from None
    chosen = theatre.strip() or None
    if chosen is not None and chosen not in bundled_theatres():
        raise HTTPException(422, f"no war {chosen!r}: choose one of the list, or let each report name its own")
    return hint, chosen


@router.post("/ingest")
async def ingest_upload(
    request: Request, author: Writer, files: Annotated[list[UploadFile] | None, File()] = None,
    pasted: Annotated[str, Form(max_length=MAX_PASTED)] = "",
    published: Annotated[str, Form(max_length=40)] = "", year: Annotated[str, Form(max_length=10)] = "",
    theatre: Annotated[str, Form(max_length=100)] = "",
) -> RedirectResponse:  # fmt: skip
    """Save the uploads and the pasted text, start the ingest, and go to its job's page (303).
    `published` or `year` date the reports that carry no date of their own; `theatre` reads them all
    in one war (else each in the war it names)."""
    dates, war = ingest_options(published, year, theatre)
    chosen = [each for each in files or [] if each.filename or each.size]  # a file input left empty sends an empty part
    if len(chosen) > MAX_FILES:
        raise HTTPException(413, f"{len(chosen)} files: at most {MAX_FILES} in one ingest; send the others in another")
    size = sum(each.size or 0 for each in chosen) + len(pasted.encode())
    if size > MAX_UPLOAD:
        raise HTTPException(413, f"{size} bytes: at most {MAX_UPLOAD >> 20} MiB in one ingest; send fewer files at a time")
    if not chosen and not pasted.strip():
        raise HTTPException(422, "nothing to ingest: choose report files or paste a feed or a report")
    if not request.app.state.ingest_limit.allow(author.name):
        raise HTTPException(429, f"more than {INGESTS_PER_MINUTE} ingests a minute: wait a minute")
    folder = FilePath(tempfile.mkdtemp(prefix="frontlines-upload-"))
    try:
        paths = [await _save(each, folder) for each in chosen]
        if pasted.strip():
            data = pasted.encode()
            paths.append(_unique(folder, PASTED_NAMES[sniff_format(data)]))
            paths[-1].write_bytes(data)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    state = request.app.state

    def stored_origin(origin: str) -> str:  # "upload:ana/report.txt", not the temporary folder
        return origin.replace(f"{folder}{os.sep}", f"{UPLOAD_ORIGIN}{author.name}/", 1)

    def work(job: Job) -> dict[str, Any]:
        result = library.ingest(
            paths, store=state.store, pipeline=state.pipeline, progress=job.progress, dates=dates, theatre=war, origin_as=stored_origin
        )
        for memory in (state.totals, getattr(state, "pages", None)):  # the counts of every filter change
            if memory is not None:
                memory.forget()
        return summary(result, author.name)

    job = state.jobs.start(author.name, work, cleanup=lambda: shutil.rmtree(folder, ignore_errors=True))
    return RedirectResponse(f"/ingest/jobs/{job.id}", status_code=303)


@router.get("/ingest/jobs/{job_id}", response_class=HTMLResponse)
async def ingest_job(request: Request, job_id: Annotated[str, Path(max_length=64)]) -> HTMLResponse:
    """How far the ingest got (the page refreshes itself each second), then its result. Only the
    analyst who started it sees it (and admins); to anyone else it is not there."""
    found = await current_user(request)
    job = request.app.state.jobs.get(job_id)
    if job is None or found is None or (job.owner != found.name and found.role != "admin"):
        raise HTTPException(404, "no such ingest: it was started by someone else, or before the server restarted")
    return render(request, "ingest_job.html", job=job)


def summary(result: library.IngestResult, uploader: str) -> dict[str, Any]:
    """What the result page shows, as `frontlines ingest` prints it, with each input named as it
    was uploaded."""

    def named(origin: str) -> str:
        return origin.removeprefix(f"{UPLOAD_ORIGIN}{uploader}/")

    problems = [{"origin": named(p.origin), "reason": p.reason, "hint": p.hint} for p in result.problems]  # JSON: kept in the store
    return {
        "added": len(result.added), "duplicates": result.duplicates, "claims": result.claims, "events": result.events,
        "problems": problems, "undated": [named(o) for o in result.undated], "references": result.references,
        "unread_references": [named(line) for line in result.unread_references],
    }  # fmt: skip


async def _save(upload: UploadFile, folder: FilePath) -> FilePath:
    path = _unique(folder, _safe_name(upload.filename or ""))
    with path.open("wb") as out:
        while chunk := await upload.read(1 << 16):
            out.write(chunk)
    return path


def _safe_name(name: str) -> str:
    """The file's own name without any folder, in characters a file name may hold everywhere."""
    base = re.split(r"[\\/]", name)[-1]
    cleaned = re.sub(r"[^\w.\- ]", "_", base).strip(" .")
    return cleaned[:120] or "upload"


def _unique(folder: FilePath, name: str) -> FilePath:
    """`name` in `folder`, or `2-name`, `3-name`... when two uploads share a name."""
    path, count = folder / name, 1
    while path.exists():
        count += 1
        path = folder / f"{count}-{name}"
    return path
