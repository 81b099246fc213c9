"""Analysts' verdicts as training sentences: a team teaches the reader its own war.

Each claim an analyst reviewed with `frontlines note --event ID --verdict ...` gives its sentence:
a confirmed claim is a positive of its type, a rejected one a negative, a correction of its
`event_type` a relabel (a correction of another field confirms the type). One example per sentence.
"""

from __future__ import annotations

from sqlalchemy import select

from frontlines.reader.baselines import READER_NAME
from frontlines.reader.examples import Example
from frontlines.store import Store
from frontlines.store import control_schema as c
from frontlines.store import schema as t


def verdict_examples(store: Store) -> list[Example]:
    query = (
        select(c.claim_reviews.c.note_id, c.claim_reviews.c.verdict, c.claim_reviews.c.field, c.claim_reviews.c.value,
               t.claims.c.report_id, t.claims.c.start, t.claims.c.quote, t.claims.c.event_type, t.claims.c.modality)
        .join(t.claims, t.claims.c.id == c.claim_reviews.c.claim_id)
        .order_by(c.claim_reviews.c.id)
    )  # fmt: skip
    told: dict[tuple[int, int], dict] = {}
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            sentence = told.setdefault((row.report_id, row.start), {"quote": row.quote, "types": set(), "modality": None, "note": row.note_id})
            if row.verdict == "reject":
                continue  # the sentence stays, a negative unless another of its claims was confirmed
            sentence["types"].add(row.value if row.verdict == "correct" and row.field == "event_type" else row.event_type)
            sentence["modality"] = sentence["modality"] or READER_NAME.get(row.modality, "asserted")
    examples = []
    for (report_id, start), s in told.items():
        types = frozenset(s["types"])
        examples.append(Example(s["quote"], types, s["modality"] if types else None, "train", f"note:{s['note']}", f"report:{report_id}"))
    return examples
