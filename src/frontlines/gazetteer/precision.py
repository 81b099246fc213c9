"""How exactly a gazetteer entry locates an event: point, town, district, province or country."""

from __future__ import annotations

from frontlines.model import Place

_BY_CODE = {
    "PCLI": "country", "PCL": "country", "PCLD": "country",
    "ADM1": "province", "ADM1H": "province",
    "ADM2": "district", "ADM3": "district", "ADMD": "district",
}  # fmt: skip


def place_precision(place: Place | None) -> str | None:
    """Populated places are towns; named features (crossings, fields, dams, bases) are points."""
    if place is None:
        return None
    if place.feature_code in _BY_CODE:
        return _BY_CODE[place.feature_code]
    if place.feature_class == "P" or place.feature_code.startswith("PPL"):
        return "town"
    return "point"
