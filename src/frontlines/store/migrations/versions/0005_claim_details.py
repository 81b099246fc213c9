"""claim details: date ranges, fatalities by side, lower bounds, vague counts, wounded, vehicles, speaker

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("fatalities_by_actor", sa.Text, nullable=True))  # JSON object
        batch.add_column(sa.Column("fatalities_at_least", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("fatalities_vague", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("wounded", sa.Integer, nullable=True))
        batch.add_column(sa.Column("vehicles_destroyed", sa.Integer, nullable=True))
        batch.add_column(sa.Column("speaker", sa.Text, nullable=True))
        batch.add_column(sa.Column("date_until", sa.Date, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        for column in ("date_until", "speaker", "vehicles_destroyed", "wounded", "fatalities_vague", "fatalities_at_least", "fatalities_by_actor"):
            batch.drop_column(column)
