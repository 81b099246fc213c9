"""The gazetteer: normalised place names, the bundled index of Iraq and Syria, lookup and matching.

    >>> from frontlines.gazetteer import Gazetteer
    >>> gazetteer = Gazetteer.bundled()
    >>> gazetteer.lookup("Al Qa'im")[0][0].name
    'al-Qaim'

`Gazetteer.from_store(store)` adds what `frontlines gazetteer import` stored (GeoNames dumps);
`lookup`, `resolve` and `match_spans` take the places a story already named as `context` to
choose among places sharing a name (see `frontlines.gazetteer.disambiguate`).

Importing loads nothing; the bundled index is read on the first `Gazetteer.bundled()` call.
"""

from frontlines.gazetteer.index import DEFAULT_COUNTRIES, Gazetteer
from frontlines.gazetteer.normalise import name_key

__all__ = ["DEFAULT_COUNTRIES", "Gazetteer", "name_key"]
