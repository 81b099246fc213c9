"""accounts: workbench users, comments, stored settings, and what a verdict changed

`users` holds the workbench's accounts (an argon2 hash of each password, and a role); `comments`
analysts' comments on events and places; `settings` the key that signs session cookies when none is
given. Notes get `previous`: the event's corrected fields as they were before the note (JSON), so
that the audit shows before and after; notes written before have none.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("notes") as batch:
        batch.add_column(sa.Column("previous", sa.Text, nullable=True))
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("name", name="uq_users_name"),
    )
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("target_kind", sa.String(20), nullable=False),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("author", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_index("ix_comments_target", "comments", ["target_kind", "target", "id"])
    op.create_table(
        "settings",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("settings")
    op.drop_index("ix_comments_target", table_name="comments")
    op.drop_table("comments")
    op.drop_table("users")
    with op.batch_alter_table("notes") as batch:
        batch.drop_column("previous")
