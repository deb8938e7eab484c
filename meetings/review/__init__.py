"""Admins' review of what the importer read: its evidence, corrections that last across
re-imports, merges of bodies, people and meetings, and a council's known names."""
