"""API tokens (hashes only), the audit log of analysts' actions, indexes for API pages and near=.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "tokens",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("scope", sa.String(16), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("revoked_at", TS),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.String(40), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("field", sa.Text),
        sa.Column("before", sa.Text),
        sa.Column("after", sa.Text),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("edit_id", sa.Integer),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_index("ix_audit_event_id", "audit", ["event_id"])
    op.create_index("ix_events_start_id", "events", ["date_start", "id", "date_end"])
    op.create_index("ix_events_lat_lon", "events", ["lat", "lon", "date_start", "id", "date_end"])
    op.create_index(
        "ix_events_country_start_id", "events", ["country_code", "date_start", "id", "date_end", "event_type"]
    )
    op.create_index("ix_events_type_start_id", "events", ["event_type", "date_start", "id", "date_end"])


def downgrade() -> None:
    op.drop_index("ix_events_type_start_id", "events")
    op.drop_index("ix_events_country_start_id", "events")
    op.drop_index("ix_events_lat_lon", "events")
    op.drop_index("ix_events_start_id", "events")
    op.drop_table("audit")
    op.drop_table("tokens")
