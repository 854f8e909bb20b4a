"""Indexes for the web app's map: the store's latest change, and every event's point from the index alone.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_updated", "events", ["updated_at"])
    op.create_index("ix_events_points", "events", ["event_type", "lat", "lon", "id"])


def downgrade() -> None:
    op.drop_index("ix_events_points", table_name="events")
    op.drop_index("ix_events_updated", table_name="events")
