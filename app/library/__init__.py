"""The learning library (Oppimispankki): Finnish-aware search over experiments and their
learnings, and similar experiments from other departments."""
