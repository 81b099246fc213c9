"""place precision on claims and events (exact point, town, district, province, country)

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("place_precision", sa.String(10), nullable=True))
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("place_precision", sa.String(10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("place_precision")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("place_precision")
