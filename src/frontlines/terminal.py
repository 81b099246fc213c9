"""Text for the terminal: what reports and file names hold is shown, never obeyed.

Report text, quotes, titles, place names and file names come from outside. Printed raw, an escape
sequence in them can clear the screen, recolour the rest of the output, or write to the clipboard
(OSC 52); printed through rich markup, a ``[/x]`` in a path stops the program. :func:`printable`
removes escape sequences and control characters; :func:`plain` makes a rich ``Text`` of it, which
is never read as markup.
"""

from __future__ import annotations

import re

from rich.text import Text

# ANSI escape sequences whole (CSI "ESC [ ... m", OSC "ESC ] ... BEL|ST", two-byte ESC x, and their
# 8-bit forms), then any other C0 or C1 control character except tab and newline.
CONTROL_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"  # CSI
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS, APC...
    r"|\x1b[@-Z\\-_]?"  # other escapes
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)


def printable(value: object) -> str:
    """``str(value)`` without escape sequences or control characters (tabs and newlines stay)."""
    return CONTROL_SEQUENCES.sub("", "" if value is None else str(value))


def plain(value: object, style: str = "") -> Text:
    """A rich Text of the printable value: shown as it is, never read as markup."""
    return Text(printable(value), style=style)


def styled(*parts: tuple[object, str]) -> Text:
    """One line of (text, style) parts, each shown as it is: ``styled(("error:", "bold red"), (message, ""))``."""
    line = Text()
    for value, style in parts:
        line.append(printable(value), style=style)
    return line
