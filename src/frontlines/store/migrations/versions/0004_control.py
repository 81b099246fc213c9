"""fusion and control: fusion's ledger, event facts, analyst reviews, baseline and control spans

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_fusion",
        sa.Column("claim_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("side", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("claim_id"),
    )
    op.create_index("ix_claim_fusion_event", "claim_fusion", ["event_id"])
    op.create_index("ix_claim_fusion_report", "claim_fusion", ["report_id"])
    op.create_table(
        "event_facts",
        sa.Column("event_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("disputed", sa.Boolean(), nullable=False),
        sa.Column("sides", sa.Text(), nullable=False),
        sa.Column("first_report_id", sa.Integer(), nullable=True),
        sa.Column("first_reported", sa.Date(), nullable=True),
        sa.Column("outlets", sa.Integer(), nullable=False),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.Column("corroboration", sa.Float(), nullable=False),
        sa.Column("verdict", sa.String(length=20), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id"),
    )
    op.create_table(
        "claim_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("field", sa.String(length=30), nullable=True),
        sa.Column("value", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["note_id"], ["notes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_claim_reviews_claim", "claim_reviews", ["claim_id"])
    op.create_table(
        "control_baseline",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.Column("holder", sa.String(length=100), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["place_id"], ["places.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_control_baseline_place", "control_baseline", ["place_id", "since"], unique=True)
    op.create_table(
        "control_spans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.Column("holder", sa.String(length=100), nullable=True),
        sa.Column("contested", sa.Boolean(), nullable=False),
        sa.Column("contestants", sa.Text(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("basis", sa.String(length=20), nullable=False),
        sa.Column("event_ids", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["place_id"], ["places.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_control_spans_place_start", "control_spans", ["place_id", "start"])


def downgrade() -> None:
    op.drop_index("ix_control_spans_place_start", table_name="control_spans")
    op.drop_table("control_spans")
    op.drop_index("ix_control_baseline_place", table_name="control_baseline")
    op.drop_table("control_baseline")
    op.drop_index("ix_claim_reviews_claim", table_name="claim_reviews")
    op.drop_table("claim_reviews")
    op.drop_table("event_facts")
    op.drop_index("ix_claim_fusion_report", table_name="claim_fusion")
    op.drop_index("ix_claim_fusion_event", table_name="claim_fusion")
    op.drop_table("claim_fusion")
