"""Take the screenshot of `frontlines map` that docs/outputs.md shows (docs/images/map.png).

  frontlines demo --out /tmp/demo
  frontlines --db /tmp/demo/frontlines.db map --from 2017-08-20 --to 2017-11-20 --on 2017-11-17 --out /tmp/demo/map.html
  python scripts/map_screenshot.py /tmp/demo/map.html [docs/images/map.png]

Opens the page in Debian's headless Chromium (through Playwright) with the network cut, as the
tests do, and fails if the page asked for anything but itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "docs" / "images" / "map.png"


def screenshot(page_path: Path, out: Path, *, chromium: str = "/usr/bin/chromium") -> None:
    left: list[str] = []

    def offline(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            left.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        context.set_offline(True)
        context.route("**/*", offline)
        page = context.new_page()
        page.goto(page_path.resolve().as_uri())
        if not page.evaluate("window.frontlinesMap !== undefined"):  # goto waited for the load event
            raise SystemExit("the map script did not run")
        page.wait_for_timeout(500)
        page.screenshot(path=str(out))
        browser.close()
    if left:
        raise SystemExit(f"the page asked the network for {left}")


if __name__ == "__main__":
    screenshot(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_OUT)
