"""Readers and writers of the registry's files: exports (CSV, XLSX, JSON) and import templates."""
