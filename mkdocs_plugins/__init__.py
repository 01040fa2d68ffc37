"""MkDocs plugins of this project."""
