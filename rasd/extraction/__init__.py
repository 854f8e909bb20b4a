"""Extraction stage: from one report's text to its events (clauses, grouping, building)."""
