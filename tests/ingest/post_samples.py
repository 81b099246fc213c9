"""An analyst's post with a SOURCES list of 15 entries in the forms people write, and what it cites."""

from __future__ import annotations

from datetime import date

# A post in the analysts' style, of our own writing; the events are of the public record (2017).
POST = """\
The army and the Hashd finished the Hawija pocket in the first week of October. The last districts
of the town fell on the 4th and 5th, and the militants that got away headed north toward Sharqat.

Two weeks later the government turned on Kirkuk, and in November the campaign moved to the
Euphrates: al-Qaim on the 3rd, Rawa on the 17th.

SOURCES

Iraqi News, "Iraqi forces free Hawija," 10/5/17
- "Troops enter Hawija from the north," 10/4/17
NINA, "Army retakes Riyadh district," 10/4/17
Karim, Ali, "Militants flee toward Sharqat," Iraqi News, 10/3/17
- "Two soldiers killed near Zab," Iraqi News, 10/1/17

Rudaw, \u201cPeshmerga withdraw from Kirkuk,\u201d 10/16/2017
AFP, "Iraqi forces retake Rawa", Nov. 17, 2017
- "Iraq says its border with Syria is secured," 2017-11-18
Reuters, "Iraqi forces enter al-Qaim," November 3, 2017
Alsumaria, "Anah freed in a day," 9/21/17
Al Mada, "Hashd reach the outskirts of Rashad," n.d.
Baghdad Post, "Tribal fighters hold Rumana"
Hadi, Sara, "Army clears villages south of Hawija," Kurdistan 24, Sept. 28, 2017
1. Xinhua, "Iraqi army launches offensive in western Anbar," 9/19/17
- Shafaq News, "Akashat retaken without a fight," 9/16/17
Reuters, "A story with a broken date," 13/45/17

I will come back to the desert operations in a later post.
"""

# (outlet, title, published, author) of the 15 references, in list order
EXPECTED = [
    ("Iraqi News", "Iraqi forces free Hawija", date(2017, 10, 5), None),
    ("Iraqi News", "Troops enter Hawija from the north", date(2017, 10, 4), None),
    ("NINA", "Army retakes Riyadh district", date(2017, 10, 4), None),
    ("Iraqi News", "Militants flee toward Sharqat", date(2017, 10, 3), "Karim, Ali"),
    ("Iraqi News", "Two soldiers killed near Zab", date(2017, 10, 1), "Karim, Ali"),
    ("Rudaw", "Peshmerga withdraw from Kirkuk", date(2017, 10, 16), None),
    ("AFP", "Iraqi forces retake Rawa", date(2017, 11, 17), None),
    ("AFP", "Iraq says its border with Syria is secured", date(2017, 11, 18), None),
    ("Reuters", "Iraqi forces enter al-Qaim", date(2017, 11, 3), None),
    ("Alsumaria", "Anah freed in a day", date(2017, 9, 21), None),
    ("Al Mada", "Hashd reach the outskirts of Rashad", None, None),
    ("Baghdad Post", "Tribal fighters hold Rumana", None, None),
    ("Kurdistan 24", "Army clears villages south of Hawija", date(2017, 9, 28), "Hadi, Sara"),
    ("Xinhua", "Iraqi army launches offensive in western Anbar", date(2017, 9, 19), None),
    ("Shafaq News", "Akashat retaken without a fight", date(2017, 9, 16), None),
]
