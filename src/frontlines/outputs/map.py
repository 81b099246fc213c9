"""`frontlines map`: one self-contained HTML page (Leaflet, the basemap, the data, all inline) that
works offline: places coloured by who held them on the slider's day, events as markers by type
with their sources in popups.

Report text travels only inside JSON made safe for a <script> element, and the page's script puts
it on screen as text, never as HTML.
"""

from __future__ import annotations

import base64
import html
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

_TEMPLATES = ("data", "templates")
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")


def script_json(value: Any) -> str:
    """JSON that can sit inside <script type="application/json">: no `<`, `>` or `&` (so no
    `</script>` or `<!--`), and no U+2028/2029 line separators."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_UNSAFE[m.group()], text)


def _packaged(*parts: str) -> str:
    return (resources.files("frontlines").joinpath(*parts)).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def basemap_json() -> str:
    """The shipped basemap (data/basemap/theatres.geojson, from Natural Earth), script-safe."""
    return script_json(json.loads(_packaged("data", "basemap", "theatres.geojson")))


@lru_cache(maxsize=1)
def leaflet_assets() -> tuple[str, str]:
    """Leaflet's CSS (its images as data: URLs) and script, from the xstatic-leaflet package."""
    import xstatic.pkg.leaflet as leaflet

    folder = Path(leaflet.BASE_DIR)
    images = folder / "images"

    def inline(match: re.Match[str]) -> str:
        image = images / match.group(1)
        return f"url(data:image/png;base64,{base64.b64encode(image.read_bytes()).decode('ascii')})"

    css = re.sub(r"url\(images/([\w.-]+\.png)\)", inline, (folder / "leaflet.css").read_text(encoding="utf-8"))
    script = (folder / "leaflet.js").read_text(encoding="utf-8")
    script = re.sub(r"^//# sourceMappingURL=.*$", "", script, flags=re.MULTILINE)  # no request for the map file
    return css, script.replace("</script", "<\\/script")


def render_map(data: dict[str, Any]) -> str:
    """The page for `data` (see frontlines.outputs.map_data.map_data)."""
    css, script = leaflet_assets()
    parts = {
        "TITLE": html.escape(str(data.get("title", "frontlines map"))),
        "LEAFLET_CSS": css,
        "MAP_CSS": _packaged(*_TEMPLATES, "map.css"),
        "LEAFLET_JS": script,
        "MAP_JS": _packaged(*_TEMPLATES, "map.js"),
        "DATA": script_json(data),
        "BASEMAP": basemap_json(),
    }
    # one pass over the template: a value that happens to contain "{{...}}" is never expanded
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], _packaged(*_TEMPLATES, "map.html"))
