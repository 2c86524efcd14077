"""The website: render (pure) and build (mkdocs, atomic)."""
