"""The summary: its structure (structure.py) and its formats (.docx, Markdown, CSV/JSON)."""
