"""Write the example situation report in docs/examples/ from the bundled demo corpus.

usage: python scripts/example_report.py

Runs the demo pipeline into a temporary folder, then writes the report of 2017-10-20..2017-11-20 as
Markdown and HTML, exactly as `frontlines report` would. Run it again whenever extraction or the
report's wording changes; tests/outputs/test_example_report.py checks the committed file.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from frontlines.config import database_url
from frontlines.demo import run_demo
from frontlines.report_api import report
from frontlines.store import Store

ROOT = Path(__file__).resolve().parents[1]
PERIOD = (date(2017, 10, 20), date(2017, 11, 20))
OUT = ROOT / "docs" / "examples"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        result = run_demo(folder)
        with Store.open(database_url(str(result.database))) as store:
            for fmt in ("md", "html"):
                target = OUT / f"situation-report-{PERIOD[0]}-{PERIOD[1]}.{fmt}"
                target.write_text(report(store, *PERIOD, fmt=fmt), encoding="utf-8")
                print(target.relative_to(ROOT))


if __name__ == "__main__":
    main()
