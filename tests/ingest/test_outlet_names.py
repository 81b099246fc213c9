"""Outlet names: aliases, spellings and domains → one canonical name."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.ingest.outlets import canonical_outlet, domain_of, load_outlet_aliases


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("Iraqi News", "Iraqi News"),
        ("IraqiNews", "Iraqi News"),
        ("iraqinews.com", "Iraqi News"),
        ("www.iraqinews.com", "Iraqi News"),
        ("https://www.iraqinews.com/iraq-war/akkas/", "Iraqi News"),
        ("  iraqi   news ", "Iraqi News"),
        ("National Iraqi News Agency", "NINA"),
        ("ninanews.com", "NINA"),
        ("Alsumaria", "Al Sumaria"),
        ("السومرية نيوز", "Al Sumaria"),
        ("Al-Mada", "Al Mada"),
        ("xinhuanet.com", "Xinhua"),
        ("english.news.cn", "Xinhua"),
        ("BBC News", "BBC"),
        ("www.bbc.co.uk", "BBC"),
        ("Rudaw English", "Rudaw"),
        ("Kurdistan24", "Kurdistan 24"),
        ("english.aawsat.com", "Asharq Al-Awsat"),
        ("aa.com.tr", "Anadolu Agency"),
        ("Agence France-Presse", "AFP"),
        ("reuters.com", "Reuters"),
        ("Shafaaq News", "Shafaq News"),
        ("Alforat News", "Al Forat"),
        ("musingsoniraq.blogspot.com", "Musings on Iraq"),
    ],
)
def test_known_outlets_get_their_canonical_name(given: str, canonical: str) -> None:
    assert canonical_outlet(given) == canonical


@pytest.mark.parametrize(
    ("given", "tidied"),
    [
        ("  Iraq   Oil Report ", "Iraq Oil Report"),
        ("https://www.iraqoilreport.com/news/", "iraqoilreport.com"),
        ("WWW.Example.ORG", "example.org"),
    ],
)
def test_unknown_outlets_pass_through_tidied(given: str, tidied: str) -> None:
    assert canonical_outlet(given) == tidied


def test_an_outlets_file_of_ones_own_can_be_passed_in(tmp_path: Path) -> None:
    table = tmp_path / "outlets.yaml"
    table.write_text('"Iraq Oil Report": [IOR, iraqoilreport.com]\n', encoding="utf-8")
    aliases = load_outlet_aliases(table)
    assert canonical_outlet("ior", aliases=aliases) == "Iraq Oil Report"
    assert canonical_outlet("http://iraqoilreport.com/x", aliases=aliases) == "Iraq Oil Report"
    assert canonical_outlet("IraqiNews", aliases=aliases) == "IraqiNews"


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.rudaw.net/english", "rudaw.net"),
        ("rudaw.net:8080/x", "rudaw.net"),
        ("Rudaw", None),
        (None, None),
    ],
)
def test_domain_of_a_url(url: str | None, domain: str | None) -> None:
    assert domain_of(url) == domain
