"""Analysts' merge and split decisions: reports pinned to events, and where merged-away events went.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "pins",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("doc_key", sa.String(1000), nullable=False),
        sa.Column("local_id", sa.Text, nullable=False),
        sa.Column("event_id", sa.String(40), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.UniqueConstraint("doc_key", "local_id", name="uq_pins_doc_local"),
    )
    op.create_index("ix_pins_event_id", "pins", ["event_id"])
    op.create_table(
        "merges",
        sa.Column("event_id", sa.String(40), primary_key=True),
        sa.Column("into_id", sa.String(40), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_index("ix_merges_into_id", "merges", ["into_id"])


def downgrade() -> None:
    op.drop_index("ix_merges_into_id", table_name="merges")
    op.drop_table("merges")
    op.drop_index("ix_pins_event_id", table_name="pins")
    op.drop_table("pins")
