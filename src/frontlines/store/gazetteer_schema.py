"""The gazetteer's tables: places imported from GeoNames dumps and all their names.

Migration 0003_gazetteer builds the same shape. The bundled gazetteer is not stored here; it ships
in the package, and `Gazetteer.from_store` merges the two.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from frontlines.store.schema import metadata

__all__ = ["gazetteer_imports", "gazetteer_meta", "gazetteer_names", "gazetteer_places"]

gazetteer_places = Table(
    "gazetteer_places",
    metadata,
    Column("geonames_id", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("feature_class", String(1), nullable=False),
    Column("feature_code", String(10), nullable=False),
    Column("country", String(2), nullable=False),
    Column("admin1_code", String(20), nullable=False),  # GeoNames admin1 code ("01"); named at load time
    Column("population", BigInteger, nullable=False),
    Column("modified", String(10), nullable=False),  # GeoNames' modification date, YYYY-MM-DD
    Column("source", String(200), nullable=False),  # the dump that last changed the row ("IQ.zip")
    Index("ix_gazetteer_places_country", "country", "feature_code"),
)

gazetteer_names = Table(
    "gazetteer_names",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("geonames_id", Integer, nullable=False),  # no foreign key: names may belong to bundled places
    Column("name", String(400), nullable=False),
    Column("key", String(400), nullable=False),  # frontlines.gazetteer.normalise.name_key(name)
    Column("language", String(10), nullable=False),  # ISO code from alternateNames, "" when unknown
    Column("source", String(20), nullable=False),  # "geoname" (the place row) or "alternate" (alternateNames)
    UniqueConstraint("geonames_id", "name", "source", name="uq_gazetteer_names_place_name_source"),
    Index("ix_gazetteer_names_key", "key"),
    Index("ix_gazetteer_names_geonames_id", "geonames_id"),
)

gazetteer_imports = Table(
    "gazetteer_imports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("file", Text, nullable=False),
    Column("kind", String(20), nullable=False),  # "places" | "alternate names"
    Column("finished_at", DateTime(timezone=True), nullable=False),
    Column("lines", Integer, nullable=False),
    Column("places_added", Integer, nullable=False),
    Column("places_updated", Integer, nullable=False),
    Column("names_added", Integer, nullable=False),
    Column("names_removed", Integer, nullable=False),
)

gazetteer_meta = Table(
    "gazetteer_meta",
    metadata,
    Column("name", String(50), primary_key=True),
    Column("value", Text, nullable=False),
)
