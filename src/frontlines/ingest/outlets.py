"""Outlet names: one canonical name per outlet, from ``data/outlets.yaml``.

"IraqiNews", "Iraqi News" and "www.iraqinews.com" are one outlet, and a
SOURCES list must say so once. The table is read on first use, not at import.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

OUTLETS_FILE = Path(__file__).resolve().parent.parent / "data" / "outlets.yaml"

_NOT_ALNUM = re.compile(r"[\W_]+")
_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?(?:/\S*)?", re.IGNORECASE)


def load_outlet_aliases(path: Path | None = None) -> dict[str, str]:
    """Map each matching key (see :func:`outlet_key`) to its canonical outlet name."""
    if path is None:
        return dict(_default_aliases())
    return _read_aliases(path)


def canonical_outlet(name_or_domain: str, *, aliases: Mapping[str, str] | None = None) -> str:
    """The canonical name of an outlet given by name, alias, domain or URL.

    >>> canonical_outlet("https://www.iraqinews.com/iraq-war/akkas/")
    'Iraqi News'

    Unknown names come back tidied: whitespace collapsed, and a domain or URL
    reduced to its host without ``www.``.
    """
    table = _default_aliases() if aliases is None else aliases
    value = " ".join(name_or_domain.split())
    host = domain_of(value) if _looks_like_domain(value) else None
    if host is not None:
        for candidate in _parent_domains(host):
            found = table.get(outlet_key(candidate))
            if found:
                return found
        return host
    return table.get(outlet_key(value)) or value


def domain_of(url: str | None) -> str | None:
    """The host of a URL or bare domain, lower-cased, without ``www.`` or a port."""
    if not url:
        return None
    value = url.strip()
    if "://" not in value:
        value = "//" + value
    try:
        host = urlsplit(value).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def outlet_key(name: str) -> str:
    """The matching key of a name: case-folded, without spaces or punctuation."""
    return _NOT_ALNUM.sub("", name.casefold())


def _looks_like_domain(value: str) -> bool:
    return "://" in value or _DOMAIN.fullmatch(value) is not None


def _parent_domains(host: str) -> list[str]:
    labels = host.split(".")
    return [".".join(labels[i:]) for i in range(len(labels) - 1)]


@lru_cache(maxsize=1)
def _default_aliases() -> Mapping[str, str]:
    return _read_aliases(OUTLETS_FILE)


def _read_aliases(path: Path) -> dict[str, str]:
    with open(path, encoding="utf-8") as handle:
        entries = yaml.safe_load(handle) or {}
    table: dict[str, str] = {}
    for canonical, names in entries.items():
        canonical = str(canonical)
        for name in (canonical, *(str(alias) for alias in names or ())):
            table[outlet_key(name)] = canonical
    return table
