"""gazetteer tables: places imported from GeoNames dumps, their names with normalised keys

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gazetteer_places",
        sa.Column("geonames_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("feature_class", sa.String(length=1), nullable=False),
        sa.Column("feature_code", sa.String(length=10), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("admin1_code", sa.String(length=20), nullable=False),
        sa.Column("population", sa.BigInteger(), nullable=False),
        sa.Column("modified", sa.String(length=10), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("geonames_id"),
    )
    op.create_index("ix_gazetteer_places_country", "gazetteer_places", ["country", "feature_code"])
    op.create_table(
        "gazetteer_names",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("geonames_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=400), nullable=False),
        sa.Column("key", sa.String(length=400), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("geonames_id", "name", "source", name="uq_gazetteer_names_place_name_source"),
    )
    op.create_index("ix_gazetteer_names_key", "gazetteer_names", ["key"])
    op.create_index("ix_gazetteer_names_geonames_id", "gazetteer_names", ["geonames_id"])
    op.create_table(
        "gazetteer_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lines", sa.Integer(), nullable=False),
        sa.Column("places_added", sa.Integer(), nullable=False),
        sa.Column("places_updated", sa.Integer(), nullable=False),
        sa.Column("names_added", sa.Integer(), nullable=False),
        sa.Column("names_removed", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "gazetteer_meta",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("gazetteer_meta")
    op.drop_table("gazetteer_imports")
    op.drop_index("ix_gazetteer_names_geonames_id", table_name="gazetteer_names")
    op.drop_index("ix_gazetteer_names_key", table_name="gazetteer_names")
    op.drop_table("gazetteer_names")
    op.drop_index("ix_gazetteer_places_country", table_name="gazetteer_places")
    op.drop_table("gazetteer_places")
