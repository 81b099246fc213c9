"""A state named as the doer: "Freedonia shelled the port", "Sylvanian artillery killed two", "a
Freedonian air strike". A country's name or its adjective in the doer's words (or qualifying the event's own
noun) stands for that state's forces, as the theatre names them ("Russian forces"); a country the
theatre does not list gets its forces by adjective ("Turkish forces"), never the theatre's own army.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from frontlines.theatres import Theatre, country_words, demonym

# how a word qualifies the event's noun: "Sylvanian shelling", "Freedonia's bombing"
_QUALIFIERS = frozenset({"amod", "compound", "poss", "nmod"})
_LONGEST_NAME = 4  # words: "Democratic Republic of the Congo" is matched by its shorter forms too


def state_in(sentence: Span, spans: Sequence[tuple[int, int]], trigger: Token) -> str | None:
    """The ISO code of the first country named in the doer's spans (document offsets) or qualifying
    the trigger word; None when none is."""
    tokens = [t for t in sentence if any(start <= t.idx < end for start, end in spans)]
    tokens += [c for c in trigger.children if c.dep_ in _QUALIFIERS]
    words = country_words()
    for token in sorted(tokens, key=lambda t: t.i):
        if not token.text[:1].isupper():
            continue
        for size in range(_LONGEST_NAME, 0, -1):
            end = token.i + size
            if end > sentence.end:
                continue
            name = sentence.doc[token.i : end].text.removesuffix("'s").removesuffix("’s").casefold()
            if name in words:
                return words[name]
    return None


def forces_of(country: str, theatre: Theatre) -> str:
    """The name of a state's forces in this war: the theatre's own, else by the country's adjective."""
    if country in theatre.state_forces:
        return theatre.state_forces[country]
    own = [g.name for g in theatre.groups.values() if g.country == country and g.side in ("state", "foreign state")]
    if own:
        return own[0]
    return (theatre.state_forces_pattern or "{demonym} forces").format(demonym=demonym(country))
