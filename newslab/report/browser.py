"""A minimal headless-Chromium driver for checking reports as a reader sees them.

Uses the browser's command line only (``--dump-dom`` gives the DOM after scripts ran,
``--screenshot`` a PNG), with a throw-away profile and no network features, so no driver
package is needed. Debian: ``apt-get install chromium``.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars")


def find_chromium() -> str | None:
    """The Chromium executable (``$NEWSLAB_CHROMIUM`` first), or None."""
    override = os.environ.get("NEWSLAB_CHROMIUM")
    if override:
        return shutil.which(override) or (override if Path(override).is_file() else None)
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess:
    exe = find_chromium()
    if exe is None:
        raise FileNotFoundError("headless Chromium not found (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="newslab-chromium-") as profile:
        return subprocess.run([exe, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                              text=True, timeout=timeout, check=False)


def url_of(path: str | os.PathLike) -> str:
    return Path(path).resolve().as_uri()


def dump_dom(target: str | os.PathLike, *, timeout: float = 60, budget_ms: int = 2000) -> str:
    """The serialized DOM of a page (a path or URL) after its scripts had ``budget_ms`` to run."""
    url = target if isinstance(target, str) and "://" in target else url_of(target)
    proc = _run([f"--virtual-time-budget={budget_ms}", "--dump-dom", url], timeout)
    if proc.returncode != 0 or not proc.stdout.strip():
        raise RuntimeError(f"chromium --dump-dom {url} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return proc.stdout


def screenshot(target: str | os.PathLike, png: str | os.PathLike, *, width: int = 1200, height: int = 1600,
               timeout: float = 60) -> Path:
    """Save a PNG screenshot of a page; returns its path."""
    url = target if isinstance(target, str) and "://" in target else url_of(target)
    png = Path(png).resolve()
    proc = _run([f"--window-size={width},{height}", f"--screenshot={png}", url], timeout)
    if proc.returncode != 0 or not png.is_file():
        raise RuntimeError(f"chromium --screenshot {url} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return png
