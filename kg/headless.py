"""Headless Chromium with the network cut off, for the view's browser tests and benchmark.

Uses Debian's ``chromium`` and ``chromium-driver`` (``scripts/setup_browser.sh``) through
selenium, which is a development dependency and imported only inside these functions.
Set ``KG_CHROMIUM`` / ``KG_CHROMEDRIVER`` to use other binaries.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

#: Where Debian installs them; looked up on PATH otherwise.
_DEFAULT_BINARY = "/usr/bin/chromium"
_DEFAULT_DRIVER = "/usr/bin/chromedriver"
_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-dev-shm-usage",
    # Every host name fails to resolve: nothing can leave the machine even if asked to.
    "--host-resolver-rules=MAP * ~NOTFOUND",
)


def find_chromium() -> tuple[str, str] | None:
    """``(browser, driver)`` paths when both exist, else None.

    >>> found = find_chromium()
    >>> found is None or all(os.path.exists(p) for p in found)
    True
    """
    binary = os.environ.get("KG_CHROMIUM") or _first_existing(
        _DEFAULT_BINARY, "chromium", "chromium-browser"
    )
    driver = os.environ.get("KG_CHROMEDRIVER") or _first_existing(_DEFAULT_DRIVER, "chromedriver")
    if binary and driver and os.path.exists(binary) and os.path.exists(driver):
        return binary, driver
    return None


def _first_existing(path: str, *names: str) -> str | None:
    if os.path.exists(path):
        return path
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


@contextmanager
def chromium(width: int = 1280, height: int = 860, loopback: bool = False) -> Iterator[Any]:
    """A headless Chromium WebDriver with a fresh profile, the network blocked and the
    browser console captured; quit and cleaned up on exit.

    ``loopback``: pages may reach 127.0.0.1 (a ``kg serve`` the caller started) and
    nothing else: every host name still fails to resolve, so only that literal address
    is reachable."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise RuntimeError("selenium is needed: pip install 'kg-builder[dev]'") from e
    found = find_chromium()
    if found is None:
        raise RuntimeError("chromium and chromedriver not found; run scripts/setup_browser.sh")
    binary, driver_path = found
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = binary
    flags = [f for f in _FLAGS if not (loopback and f.startswith("--host-resolver-rules"))]
    if loopback:
        flags.append("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1")
    for flag in (*flags, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=opts)
    try:
        if not loopback:
            block_network(driver)
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def block_network(driver: Any) -> None:
    """Make the browser offline through the DevTools protocol and refuse http(s) and
    websocket URLs outright (file:// pages still load)."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd(
        "Network.setBlockedURLs",
        {"urls": ["http://*", "https://*", "ws://*", "wss://*", "ftp://*"]},
    )
    driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0},
    )


def requested_urls(driver: Any) -> list[str]:
    """Every URL the page has loaded or tried to, from the Resource Timing API."""
    return list(
        driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)"
            ".concat(performance.getEntriesByType('navigation').map(e => e.name));"
        )
    )


def console_errors(driver: Any) -> list[dict[str, Any]]:
    """Browser console entries at level SEVERE since the last call."""
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def wait_until_ready(driver: Any, timeout: float = 30.0) -> float:
    """Wait for the network page to finish its layout (physics off); returns the
    milliseconds from navigation start to that moment, as the page measured it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        at = driver.execute_script(
            "return window.kgView && window.kgView.ready ? window.kgView.stabilizedAt : null;"
        )
        if at is not None:
            return float(at)
        time.sleep(0.02)
    raise TimeoutError(f"the network page was not ready within {timeout} s")
