"""A forgiving HTML tree and the text in it, on the standard library's parser.

Pages in the wild are broken: unclosed paragraphs, stray end tags, documents
cut off mid-sentence. The tree builder never fails; it closes what the HTML
standard closes implicitly and records which elements were never closed, so
the page reader can tell a truncated download from a complete page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
# Elements whose content is never article text.
DROPPED = frozenset(
    "script style nav header footer aside form noscript template svg iframe button select textarea "
    "canvas object".split()
)
BLOCK = frozenset(
    "address article blockquote body dd details dialog div dl dt fieldset figcaption figure h1 h2 h3 "
    "h4 h5 h6 hr html li main ol p pre section table tbody td tfoot th thead tr ul".split()
)
# An open <p> ends where one of these starts (the HTML standard's list, shortened).
_CLOSES_P = BLOCK - {"body", "html", "td", "th", "tr", "tbody", "thead", "tfoot", "dd", "dt", "li"}
_SELF_NESTING_ENDS = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "option": {"option"}}


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = None
    closed: bool = False

    def iter(self, tag: str | None = None) -> Iterator[Element]:
        """This element and its descendants in document order, optionally of one tag."""
        stack: list[Element] = [self]
        while stack:
            element = stack.pop()
            if tag is None or element.tag == tag:
                yield element
            stack.extend(child for child in reversed(element.children) if isinstance(child, Element))

    def find(self, tag: str) -> Element | None:
        return next(self.iter(tag), None)

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def is_dropped(self) -> bool:
        """Inside (or itself) a script, nav, header, footer, aside, form..."""
        return self.tag in DROPPED or any(node.tag in DROPPED for node in self.ancestors())

    def raw_text(self) -> str:
        """All text below this element, dropped elements included (for <title>, JSON-LD)."""
        parts: list[str] = []
        stack: list[Element | str] = [self]
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                parts.append(node)
            else:
                stack.extend(reversed(node.children))
        return "".join(parts)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", closed=True)
        self.open: list[Element] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CLOSES_P:
            self._close_open_p()
        ends = _SELF_NESTING_ENDS.get(tag)
        if ends and self.open[-1].tag in ends:
            self._pop_to(len(self.open) - 1)
        element = Element(tag, {name: value or "" for name, value in attrs}, parent=self.open[-1])
        self.open[-1].children.append(element)
        if tag in VOID:
            element.closed = True
        else:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.open[-1].tag == tag:
            self._pop_to(len(self.open) - 1)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                self._pop_to(depth)
                return
        # A stray end tag closes nothing, as in browsers.

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        # The standard library raises AssertionError on a malformed "<![";
        # browsers read it as text, and so do we.
        try:
            return int(super().parse_marked_section(i, report))
        except AssertionError:
            self.handle_data(self.rawdata[i : i + 3])
            return i + 3

    def _close_open_p(self) -> None:
        for depth in range(len(self.open) - 1, 0, -1):
            tag = self.open[depth].tag
            if tag == "p":
                self._pop_to(depth)
                return
            if tag not in {"b", "i", "em", "strong", "span", "a", "font", "small", "u"}:
                return

    def _pop_to(self, depth: int) -> None:
        for element in self.open[depth:]:
            element.closed = True
        del self.open[depth:]


def parse_tree(text: str) -> Element:
    """Parse HTML into a tree; never fails. Elements left open at the end keep ``closed=False``."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def paragraph_text(element: Element) -> str:
    """The text of one paragraph: whitespace collapsed, <br> kept as a line break."""
    lines: list[list[str]] = [[]]
    stack: list[Element | str] = [element]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            lines[-1].append(node)
        elif node.tag == "br":
            lines.append([])
        elif node is element or node.tag not in DROPPED:
            stack.extend(reversed(node.children))
    texts = (" ".join("".join(parts).split()) for parts in lines)
    return "\n".join(text for text in texts if text)


def block_texts(element: Element) -> list[str]:
    """The text of an element split at block boundaries (<div>, <li>, <br>...), dropped parts left out."""
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            blocks.append(text)
        current.clear()

    block_end = object()
    stack: list[Element | str | object] = [element]
    while stack:
        node = stack.pop()
        if node is block_end:
            flush()
        elif isinstance(node, str):
            current.append(node)
        elif isinstance(node, Element):
            if node.tag == "br":
                flush()
            elif node is element or node.tag not in DROPPED:
                if node.tag in BLOCK:
                    flush()
                    stack.append(block_end)
                stack.extend(reversed(node.children))
    flush()
    return blocks


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed description), paragraphs joined by blank lines."""
    return "\n\n".join(block_texts(parse_tree(fragment)))
