"""Outputs: exports (JSONL, CSV) and the printed chronology with its SOURCES list."""
