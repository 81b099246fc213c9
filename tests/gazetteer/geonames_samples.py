"""Small GeoNames dumps written in the layout of https://download.geonames.org/export/dump/.

The rows of real places (al-Qaim 92138, Anbar 99592, Rawa 92004) carry their GeoNames ids with
rounded points; the test villages have made-up ids above 90,000,000, which GeoNames does not use.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from frontlines.gazetteer.geonames_files import geoname_line

AL_QAIM = 92138
ANBAR = 99592
RAWA = 92004
NORTH_TESTVILLE = 90_000_001  # two made-up villages of one name, 450 km apart
SOUTH_TESTVILLE = 90_000_002
QAIM_DISTRICT = 90_000_003
ALEPPO_TESTFARM = 90_000_004  # a Syrian row, for country filters
TURKISH_TESTKOY = 90_000_005  # a row outside Iraq and Syria
TURKISH_PROVINCE = 90_000_006

IRAQ_ROWS = [
    geoname_line(AL_QAIM, "Al Qā’im", 34.368, 41.094, feature="P.PPLA2", admin1="01", population=74100,
                 ascii_name="Al Qa'im", alternate_names=("Al Qaim", "Husaybah", "القائم", "BGW", "alqaym"),
                 modified="2023-06-01"),
    geoname_line(ANBAR, "Muḩāfaz̧at al Anbār", 32.8, 42.0, feature="A.ADM1", admin1="01", population=1771656,
                 ascii_name="Muhafazat al Anbar", alternate_names=("Anbar", "الأنبار")),
    geoname_line(RAWA, "Rāwah", 34.47, 41.92, feature="P.PPLA2", admin1="01", population=21000,
                 ascii_name="Rawah", alternate_names=("Rawa", "راوة")),
    geoname_line(NORTH_TESTVILLE, "Qaryat Testville", 36.30, 43.20, admin1="15", ascii_name="Qaryat Testville",
                 alternate_names=("Testville", "تستفيل")),
    geoname_line(SOUTH_TESTVILLE, "Testville", 32.40, 45.80, admin1="16", alternate_names=("تستفيل",)),
    geoname_line(QAIM_DISTRICT, "Qaḑā’ al Qā’im", 34.30, 41.30, feature="A.ADM2", admin1="01",
                 ascii_name="Qada' al Qa'im", alternate_names=("Al Qaim District",)),
]  # fmt: skip

OTHER_ROWS = [
    geoname_line(ALEPPO_TESTFARM, "Mazra‘at Testfarm", 36.2, 37.1, country="SY", admin1="09",
                 ascii_name="Mazra`at Testfarm", alternate_names=("Testfarm",)),
    geoname_line(TURKISH_TESTKOY, "Testköy", 37.0, 38.0, country="TR", admin1="63"),
    geoname_line(TURKISH_PROVINCE, "Şanlıurfa", 37.25, 38.9, feature="A.ADM1", country="TR", admin1="63",
                 ascii_name="Sanliurfa"),
]  # fmt: skip


def alternate_names_line(name_id: int, geonames_id: int, language: str, name: str) -> str:
    return "\t".join((str(name_id), str(geonames_id), language, name, "", "", "", "", "", "")) + "\n"


ALTERNATE_ROWS = [
    alternate_names_line(1, AL_QAIM, "en", "Al-Qa'im City"),
    alternate_names_line(2, AL_QAIM, "link", "https://en.wikipedia.org/wiki/Al-Qa%27im"),
    alternate_names_line(3, AL_QAIM, "iata", "QIM"),
    alternate_names_line(4, RAWA, "ar", "مدينة راوة"),
    alternate_names_line(5, 90_999_999, "en", "A place nobody imported"),
    alternate_names_line(6, 98182, "en", "Madinat as-Salam"),  # Baghdad: bundled, not imported
]


def write_text(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(lines), encoding="utf-8")
    return path


def write_zip(path: Path, member: str, lines: list[str], *, extra: dict[str, str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, "".join(lines))
        for name, text in (extra or {}).items():
            archive.writestr(name, text)
    return path


def iraq_file(folder: Path) -> Path:
    return write_text(folder / "IQ.txt", IRAQ_ROWS)


def all_countries_file(folder: Path) -> Path:
    return write_zip(folder / "allCountries.zip", "allCountries.txt", IRAQ_ROWS + OTHER_ROWS)


def alternate_names_file(folder: Path) -> Path:
    return write_text(folder / "alternateNamesV2.txt", ALTERNATE_ROWS)
