"""The gazetteer: normalised place names, places worldwide (Iraq and Syria curated), lookup and matching.

    >>> from frontlines.gazetteer import Gazetteer
    >>> gazetteer = Gazetteer.bundled()
    >>> gazetteer.lookup("Al Qa'im")[0][0].name
    'al-Qaim'

`Gazetteer.bundled()` holds Iraq and Syria in memory and reaches the worldwide index (GeoNames
towns of 500 people or more, provinces, countries, in any script; `frontlines.gazetteer.world`)
when a search is wider: `lookup("Бахмут", countries=None)`. `Gazetteer.from_store(store)` adds what `frontlines gazetteer import` stored (GeoNames dumps);
`lookup`, `resolve` and `match_spans` take the places a story already named as `context` to
choose among places sharing a name (see `frontlines.gazetteer.disambiguate`).

Importing loads nothing; the bundled index is read on the first `Gazetteer.bundled()` call, the
worldwide one opened (and built into the cache folder, once per machine) on the first wider search.
"""

from frontlines.gazetteer.index import DEFAULT_COUNTRIES, Gazetteer
from frontlines.gazetteer.normalise import name_key

__all__ = ["DEFAULT_COUNTRIES", "Gazetteer", "name_key"]
