"""Find a Chromium for the browser tests: the system's first, then Playwright's own.

`python tests/browser/find_chromium.py --ensure` (run by `make test`) tries
`playwright install chromium` when neither is there; with CI=true a missing
browser is an error.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

SYSTEM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


def system_chromium() -> str | None:
    explicit = os.environ.get("FACILITATOR_CHROMIUM")
    if explicit and Path(explicit).exists():
        return explicit
    for candidate in SYSTEM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


def playwright_chromium() -> str | None:
    """The browser `playwright install chromium` put in its cache, if any."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    with sync_playwright() as p:
        path = p.chromium.executable_path
    return path if path and Path(path).exists() else None


def find_chromium() -> str | None:
    return system_chromium() or playwright_chromium()


def main() -> int:
    found = find_chromium()
    if not found and "--ensure" in sys.argv:
        print("no Chromium found; trying `playwright install chromium`", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=False)
        found = find_chromium()
    if found:
        print(f"browser tests use {found}")
        return 0
    message = "no Chromium: install the `chromium` package (apt) or run `playwright install chromium`"
    if os.environ.get("CI", "").lower() == "true":
        print(f"error: {message}", file=sys.stderr)
        return 1
    print(f"warning: {message}; browser tests will be skipped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
