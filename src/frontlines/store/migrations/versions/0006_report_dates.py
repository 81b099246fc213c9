"""report dates: where each report's publication date came from, and how exact it is

Reports may now be stored with a month, a year or no date at all. Reports stored before this
revision get precision "day" (or none when they have no date) and source "text" when their date was
inferred, else "header" (their own declared date: a header, page metadata or a feed's date, which
earlier versions did not tell apart).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("published_source", sa.String(20), nullable=False, server_default="header"))
        batch.add_column(sa.Column("published_precision", sa.String(10), nullable=True))
    reports = sa.table(
        "reports",
        sa.column("published", sa.Date),
        sa.column("published_inferred", sa.Boolean),
        sa.column("published_source", sa.String),
        sa.column("published_precision", sa.String),
    )
    op.execute(reports.update().where(reports.c.published.isnot(None)).values(published_precision="day"))
    op.execute(reports.update().where(reports.c.published_inferred == sa.true()).values(published_source="text"))
    op.execute(reports.update().where(reports.c.published.is_(None)).values(published_source="unknown"))


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("published_precision")
        batch.drop_column("published_source")
