"""Work over a whole corpus: the ingest driver, site chrome learned across pages, stories."""
