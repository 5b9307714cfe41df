"""The tiny stanza models of the tests: trained by scripts/train_tiny_stanza.py from
tests/data/stanza/*.conllu, once per content of script and data, and kept in a cache
folder (``$KG_TINY_STANZA_CACHE``, default ``kg-builder-tiny-stanza`` in the system's
temporary folder, not the user's cache) so that later runs on the same machine reuse
them. No network is used."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "train_tiny_stanza.py"
DATA = ROOT / "tests" / "data" / "stanza"


def _key() -> str:
    h = hashlib.sha1()
    for p in [SCRIPT, *sorted(DATA.glob("*.conllu"))]:
        h.update(p.read_bytes())
    h.update(version("stanza").encode())
    h.update(version("torch").encode())
    return h.hexdigest()[:16]


def tiny_model_dir() -> Path:
    """A folder with tiny ar and en stanza models (trained here if not cached)."""
    cache = Path(
        os.environ.get(
            "KG_TINY_STANZA_CACHE", Path(tempfile.gettempdir()) / "kg-builder-tiny-stanza"
        )
    )
    target = cache / _key()
    if (target / "resources.json").is_file():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="train-", dir=cache))
    try:
        subprocess.run(
            [sys.executable, str(SCRIPT), "--out", str(work)],
            check=True,
            capture_output=True,
            text=True,
            timeout=1200,
        )
    except subprocess.CalledProcessError as exc:  # pragma: no cover - shows why training failed
        shutil.rmtree(work, ignore_errors=True)
        raise RuntimeError(
            f"training the tiny stanza models failed:\n{exc.stdout[-3000:]}\n{exc.stderr[-3000:]}"
        ) from None
    try:
        work.rename(target)
    except OSError:  # another process finished first
        shutil.rmtree(work, ignore_errors=True)
    for old in cache.iterdir():  # models of earlier versions of the script or data
        if old != target and len(old.name) == 16 and (old / "resources.json").is_file():
            shutil.rmtree(old, ignore_errors=True)
    return target
