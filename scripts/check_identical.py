"""Check that a change leaves every output byte-identical (for behaviour-preserving work).

    python scripts/check_identical.py --write before.json     # on the commit before the change
    python scripts/check_identical.py --check before.json     # after it: lists what differs

Each case is one ``kg build`` (a subprocess, as a user runs it) whose ``graph.ttl`` is
hashed: the seed folder, every article of ``tests/data/articles`` and the English article
one by one, UD Arabic-PUD through ``--analyser conllu`` and, as raw text through the
offline analyser, its sentences; and each text of a real-news folder (``--realnews``,
default ``../shared/realnews``). Cases whose input is missing are left out and named.
With ``--pages`` each build also writes its ``graph.html``, hashed as the case
``page/<name>`` (for work on the network projection or the page).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _kg() -> list[str]:
    return [sys.executable, "-m", "kg.cli"]


def _arg(p: Path) -> str:
    """A path as the builds get it: relative to the repository root where it can be, since
    the path a document was read from is part of the graph (``dcterms:source``) and a
    second checkout of the tree must give the same bytes."""
    return os.path.relpath(p, ROOT) if not p.is_relative_to(Path(tempfile.gettempdir())) else str(p)


def _write_shared(path: Path, text: str) -> None:
    """Write ``text`` at a path other runs of this script may be reading at the same time:
    left alone when it already holds that text, else written to a private temporary file
    and renamed over it, so a reader never sees a half-written file."""
    path.parent.mkdir(exist_ok=True)
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def cases(realnews: Path, ud: Path) -> dict[str, list[str]]:
    """Case name -> the arguments of ``kg build`` (before ``--out``), run from the root."""
    out: dict[str, list[str]] = {"seed": [_arg(ROOT / "seeds")]}
    for p in sorted((ROOT / "tests/data/articles").glob("*.txt")):
        out[f"article/{p.stem}"] = [_arg(p)]
    out["article/english"] = [_arg(ROOT / "tests/data/english_article.txt")]
    pud = ud / "ar_pud-ud-test.conllu"
    if pud.exists():
        out["pud/conllu"] = [_arg(pud), "--analyser", "conllu"]
        # a fixed path: the source path is part of the graph (dcterms:source)
        raw = Path(tempfile.gettempdir()) / "kg-check-identical" / "pud_raw.txt"
        lines = pud.read_text(encoding="utf-8").splitlines()
        _write_shared(
            raw, "\n".join(t[len("# text = ") :] for t in lines if t.startswith("# text = ")) + "\n"
        )
        out["pud/raw"] = [str(raw), "--analyser", "rules"]
    else:
        print(f"left out: {pud} not found", file=sys.stderr)
    texts = realnews / "texts"
    if texts.is_dir():
        for p in sorted(texts.glob("*.txt")):
            out[f"realnews/{p.stem}"] = [_arg(p)]
    else:
        print(f"left out: {texts} not found", file=sys.stderr)
    return out


def run_case(args: list[str], tmp: Path, name: str, pages: bool = False) -> dict[str, str]:
    """The case's hash (and with ``pages`` its page's, as ``page/<name>``)."""
    out = tmp / name.replace("/", "_")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    run = subprocess.run(
        [*_kg(), "build", *args, "--out", str(out), *([] if pages else ["--no-html"]), "-q"],
        capture_output=True,
        text=True,
        env=env,
    )
    files = {name: out / "graph.ttl", **({f"page/{name}": out / "graph.html"} if pages else {})}
    if run.returncode != 0 or not all(f.exists() for f in files.values()):
        failed = f"failed: exit {run.returncode}: {run.stderr.strip()[-300:]}"
        return dict.fromkeys(files, failed)
    return {k: hashlib.sha256(f.read_bytes()).hexdigest() for k, f in files.items()}


def hashes(realnews: Path, ud: Path, workers: int, pages: bool = False) -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix="kg-identical-") as d:
        tmp = Path(d)
        todo = cases(realnews, ud)
        with ThreadPoolExecutor(workers) as ex:
            futures = [ex.submit(run_case, args, tmp, name, pages) for name, args in todo.items()]
            return {k: v for f in futures for k, v in f.result().items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, help="write the hashes of this tree's outputs to FILE")
    mode.add_argument("--check", type=Path, help="compare this tree's outputs with FILE")
    ap.add_argument("--realnews", type=Path, default=ROOT.parent / "shared" / "realnews")
    ap.add_argument("--ud", type=Path, default=ROOT.parent / "shared" / "ud")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--pages", action="store_true", help="hash each build's graph.html too")
    args = ap.parse_args(argv)
    now = hashes(args.realnews, args.ud, args.jobs, args.pages)
    if args.write:
        args.write.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        failed = [k for k, v in now.items() if v.startswith("failed")]
        print(
            f"{len(now)} cases written to {args.write}"
            + (f"; {len(failed)} failed: {failed}" if failed else "")
        )
        return 0
    before = json.loads(args.check.read_text(encoding="utf-8"))
    differ = sorted(k for k in before.keys() & now.keys() if before[k] != now[k])
    gone, new = sorted(before.keys() - now.keys()), sorted(now.keys() - before.keys())
    for k in differ:
        what = "graph.html" if k.startswith("page/") else "graph.ttl"
        print(f"DIFFERS {k}: {now[k] if now[k].startswith('failed') else what + ' changed'}")
    for k in gone:
        print(f"MISSING {k} (in {args.check}, not run now)")
    for k in new:
        print(f"NEW     {k} (not in {args.check})")
    same = len(before.keys() & now.keys()) - len(differ)
    print(f"{same} identical, {len(differ)} differ, {len(gone)} missing, {len(new)} new")
    return 1 if differ or gone else 0


if __name__ == "__main__":
    sys.exit(main())
