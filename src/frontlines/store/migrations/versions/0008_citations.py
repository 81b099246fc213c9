"""citations: the SOURCES lists of analysts' posts, and reports' bylines

A post's SOURCES list becomes one `citations` row per cited title (author, outlet, title, date, the
line as written), linked to the post and to the short report of its own that each cited headline
becomes. Reports get an `author` column (the byline); reports stored before have none.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("author", sa.String(200), nullable=True))
    op.create_table(
        "citations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("report_id", sa.Integer, sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("author", sa.String(200)),
        sa.Column("outlet", sa.String(200), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("published", sa.Date),
        sa.Column("published_precision", sa.String(10)),
        sa.Column("raw_line", sa.Text, nullable=False),
        sa.Column("cited_report_id", sa.Integer, sa.ForeignKey("reports.id", ondelete="SET NULL")),
        sa.UniqueConstraint("report_id", "position", name="uq_citations_report_position"),
    )
    op.create_index("ix_citations_cited_report", "citations", ["cited_report_id"])


def downgrade() -> None:
    op.drop_index("ix_citations_cited_report", table_name="citations")
    op.drop_table("citations")
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("author")
