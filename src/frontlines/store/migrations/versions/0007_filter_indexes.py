"""filter indexes: the place and type filters of read commands seek instead of scanning every row

`events --place`, `history PLACE` and the control rebuild filter events by place; `events --type`
by event type; `history` reads a place's background claims; `timeline` reads control spans by start
day. Without these indexes each scanned (or sorted) the whole table (5-6 s at 1M events).

Revision ID: 0007
Revises: 0006
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# (index, table, columns): the same names as in store/schema.py
FILTER_INDEXES = [
    ("ix_events_place", "events", ["place_id", "date"]),
    ("ix_events_type", "events", ["event_type", "date"]),
    ("ix_claims_place", "claims", ["place_id"]),
    ("ix_control_spans_start", "control_spans", ["start"]),
]


def upgrade() -> None:
    for name, table, columns in FILTER_INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(FILTER_INDEXES):
        op.drop_index(name, table_name=table)
