"""Publish: atomic writes, and the site build (mkdocs through one plugin, with a page cache)."""
