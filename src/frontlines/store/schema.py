"""The tables, as SQLAlchemy Core metadata. Migrations in migrations/versions build the same shape."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

metadata = MetaData()

outlets = Table(
    "outlets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("language", String(10)),
    Column("country", String(2)),
)

reports = Table(
    "reports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("outlet_id", Integer, ForeignKey("outlets.id"), nullable=False),
    Column("title", Text, nullable=False),
    Column("url", Text),
    Column("published", Date),
    Column("published_inferred", Boolean, nullable=False, default=False),
    Column("published_source", String(20), nullable=False, server_default="header"),  # see ingest.published
    Column("published_precision", String(10)),  # day, month, year; NULL when there is no date
    Column("language", String(10), nullable=False),
    Column("text", Text, nullable=False),
    Column("raw", LargeBinary, nullable=False),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("origin", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("extracted_version", String(40)),
    Column("author", String(200)),  # migration 0008: the byline
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(80), nullable=False, unique=True),
    Column("geonames_id", Integer),
    Column("name", String(200), nullable=False),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("country", String(2), nullable=False),
    Column("admin1", String(100)),
    Column("feature_class", String(1)),
    Column("feature_code", String(10)),
    Column("population", Integer),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
    Column("event_type", String(30), nullable=False),
    Column("actor", String(100)),
    Column("target_actor", String(100)),
    Column("controller_after", String(100)),
    Column("place_mention", Text),
    Column("place_id", Integer, ForeignKey("places.id")),
    Column("place_precision", String(10)),
    Column("date", Date),
    Column("date_precision", String(10)),
    Column("date_text", Text),
    Column("date_until", Date),
    Column("fatalities", Integer),
    Column("fatalities_by_actor", Text),  # JSON object {actor: count}
    Column("fatalities_at_least", Boolean, nullable=False, server_default=false()),
    Column("fatalities_vague", Boolean, nullable=False, server_default=false()),
    Column("wounded", Integer),
    Column("vehicles_destroyed", Integer),
    Column("speaker", Text),
    Column("modality", String(20), nullable=False),
    Column("trigger", String(100)),
    Column("confidence", Float, nullable=False),
    Column("quote", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_claims_report", "report_id"),
    Index("ix_claims_place", "place_id"),  # migration 0007: history's background claims of a place
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("fusion_key", String(300), nullable=False, unique=True),
    Column("event_type", String(30), nullable=False),
    Column("date", Date),
    Column("date_precision", String(10)),
    Column("actor", String(100)),
    Column("target_actor", String(100)),
    Column("controller_after", String(100)),
    Column("fatalities", Integer),
    Column("place_id", Integer, ForeignKey("places.id")),
    Column("place_precision", String(10)),
    Column("place_name", Text),
    Column("confidence", Float, nullable=False),
    Index("ix_events_date", "date"),
    # migration 0007: `events --place`, `history` and `events --type` seek, in date order
    Index("ix_events_place", "place_id", "date"),
    Index("ix_events_type", "event_type", "date"),
)

event_claims = Table(
    "event_claims",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("claim_id", Integer, ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
)

notes = Table(
    "notes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("target_kind", String(20), nullable=False),  # "event" | "report"
    Column("target_id", Integer, nullable=False),
    Column("verdict", String(20)),  # confirm | reject | correct | None (a comment)
    Column("body", Text, nullable=False),
    Column("author", String(100), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("previous", Text),  # migration 0009: JSON, what the verdict changed as it was before (the audit)
    UniqueConstraint("target_kind", "target_id", "author", "created_at"),
)

# migration 0008: the SOURCES list of an analyst's post, one row per cited title, in list order; each
# cited headline is also a report of its own (cited_report_id), read by extraction like any other
citations = Table(
    "citations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),  # the post
    Column("position", Integer, nullable=False),  # from 1
    Column("author", String(200)),  # as the list writes it: "Karim, Ali"
    Column("outlet", String(200), nullable=False),
    Column("title", Text, nullable=False),
    Column("published", Date),
    Column("published_precision", String(10)),  # day, month, year; NULL when the list gives no date
    Column("raw_line", Text, nullable=False),
    Column("cited_report_id", Integer, ForeignKey("reports.id", ondelete="SET NULL")),
    UniqueConstraint("report_id", "position", name="uq_citations_report_position"),
    Index("ix_citations_cited_report", "cited_report_id"),
)
