"""Tables of fusion and control (migration 0004 builds the same shape).

- `claim_fusion`: fusion's ledger. Every claim fusion has seen, the event it joined (or none: a
  denial that contradicts nothing yet, a claim of a rejected report) and the side it takes in that
  event. No foreign key on the claim: when a report is extracted again its old claims vanish (and
  SQLite may give their ids to new ones), and rows whose `event_claims` link went with them tell
  which events must be fused again.
- `event_facts`: what fusion knows about an event beyond the `events` row: disputed or not, its
  sides with their support, the earliest report, outlets and reports behind it, analyst verdict.
- `claim_reviews`: an analyst's verdict on an event, recorded on the claims it held at the time,
  so that the verdict survives fusion putting those claims into a rebuilt event.
- `control_baseline`: control an analyst knows (a file or `frontlines control set`).
- `control_spans`: who held each place from when to when; rebuilt for the places an update touches.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer, String, Table, Text

from frontlines.store.schema import metadata

claim_fusion = Table(
    "claim_fusion",
    metadata,
    Column("claim_id", Integer, primary_key=True, autoincrement=False),
    Column("report_id", Integer, nullable=False),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE")),
    Column("side", String(100), nullable=False, default=""),
    Index("ix_claim_fusion_event", "event_id"),
    Index("ix_claim_fusion_report", "report_id"),
)

event_facts = Table(
    "event_facts",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True, autoincrement=False),
    Column("disputed", Boolean, nullable=False, default=False),
    Column("sides", Text, nullable=False, default="[]"),  # JSON: [{"side", "claims", "outlets", "support"}]
    Column("first_report_id", Integer),
    Column("first_reported", Date),
    Column("outlets", Integer, nullable=False, default=0),
    Column("reports", Integer, nullable=False, default=0),
    Column("corroboration", Float, nullable=False, default=0.0),
    Column("verdict", String(20)),  # confirm | reject | correct | None
)

claim_reviews = Table(
    "claim_reviews",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("note_id", Integer, ForeignKey("notes.id", ondelete="CASCADE"), nullable=False),
    Column("claim_id", Integer, nullable=False),
    Column("verdict", String(20), nullable=False),  # confirm | reject | correct
    Column("field", String(30)),  # for corrections: event_type, date, actor, target_actor, place
    Column("value", Text),
    Index("ix_claim_reviews_claim", "claim_id"),
)

control_baseline = Table(
    "control_baseline",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("place_id", Integer, ForeignKey("places.id"), nullable=False),
    Column("holder", String(100), nullable=False),  # an actor, or "contested"
    Column("since", Date, nullable=False),
    Column("source", Text, nullable=False),
    Column("note", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_control_baseline_place", "place_id", "since", unique=True),
)

control_spans = Table(
    "control_spans",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("place_id", Integer, ForeignKey("places.id"), nullable=False),
    Column("holder", String(100)),  # None while contested
    Column("contested", Boolean, nullable=False, default=False),
    Column("contestants", Text, nullable=False, default=""),  # "A | B"
    Column("start", Date, nullable=False),
    Column("end", Date),  # exclusive; None: still holds
    Column("confidence", Float, nullable=False),
    Column("basis", String(20), nullable=False),  # baseline | event | dispute | area | neighbour | fighting | lapsed
    Column("event_ids", Text, nullable=False, default=""),  # "12 40 41"
    Index("ix_control_spans_place_start", "place_id", "start"),
    Index("ix_control_spans_start", "start"),  # migration 0007: the timeline in date order, streamed
)
