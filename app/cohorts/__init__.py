"""Cohorts (coached programmes): leads, participants, chosen themes and workshop days."""
