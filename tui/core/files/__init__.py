"""File formats and storage: articles, YAML, the annotation schema, notes files, caches."""
