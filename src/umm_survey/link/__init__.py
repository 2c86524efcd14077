"""Link: a valid catalogue resolved into plain data (families, authors, BibTeX, model facts) for rendering."""
