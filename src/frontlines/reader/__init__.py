"""The trained event reader: which events a sentence asserts, and how (modality).

A linear model over word and character n-grams, trained from annotation files (ids, offsets and
labels over real text), the demo gold and analysts' verdicts; see `docs/reader.md`.
"""
