"""The gazetteer: normalised place names, the bundled index of Iraq and Syria, lookup and matching.

    >>> from frontlines.gazetteer import Gazetteer
    >>> gazetteer = Gazetteer.bundled()
    >>> gazetteer.lookup("Al Qa'im")[0][0].name
    'al-Qaim'

Importing loads nothing; the bundled index is read on the first `Gazetteer.bundled()` call.
"""

from frontlines.gazetteer.index import DEFAULT_COUNTRIES, Gazetteer
from frontlines.gazetteer.normalise import name_key

__all__ = ["DEFAULT_COUNTRIES", "Gazetteer", "name_key"]
