"""What the command line checks and prints around a build: the one-line message for an
environment error (disk full, permission), the build summary, and the checks of
``--base`` and ``--date``.

>>> _environment_error(PermissionError(13, "Permission denied", "/x"))
'/x: Permission denied'
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # pragma: no cover
    from .model import BuildSummary

#: With --report, the problems printed on the terminal (the report has them all).
PROBLEMS_SHOWN = 20


def _environment_error(exc: Exception) -> str | None:
    """One line for what the machine did to a command (a read-only or full disk, a file
    where a folder should be, a damaged store); None for anything else.

    >>> import errno
    >>> _environment_error(OSError(errno.ENOSPC, "No space left on device", "out/graph.ttl"))
    'out/graph.ttl: No space left on device'
    >>> _environment_error(ValueError("a bug")) is None
    True
    """
    import sqlite3

    from .atomic import shown_path

    if isinstance(exc, OSError):
        where = shown_path(str(exc.filename)) if exc.filename is not None else ""
        return f"{where}: {exc.strerror or exc}" if where else str(exc.strerror or exc)
    if isinstance(exc, sqlite3.Error):
        return f"SQLite: {(str(exc).splitlines() or ['error'])[0]} (a full or read-only disk, or a damaged file)"
    if isinstance(exc, RuntimeError) and str(exc).startswith(_ROCKSDB_STATUS):
        return f"the store: {str(exc).splitlines()[0]}"
    return None


#: How RocksDB (under Oxigraph) begins the messages of the errors it raises as RuntimeError.
_ROCKSDB_STATUS = ("Corruption", "IO error", "Invalid argument", "Not implemented", "Aborted")


def _print_summary(summary: BuildSummary, report: Path | None, quiet: bool) -> None:
    """Every skipped file (the first ones when a report lists them all), then the counts
    and the files written."""
    shown = summary.problems if report is None else summary.problems[:PROBLEMS_SHOWN]
    for p in shown:
        click.echo(f"kg: skipped {p.source}: {p.reason}", err=True)
    if len(shown) < len(summary.problems):
        click.echo(
            f"kg: … and {len(summary.problems) - len(shown)} more, listed in {report}", err=True
        )
    if quiet:
        return
    unchanged = f"  unchanged {summary.unchanged}" if summary.unchanged else ""
    skipped = f"  skipped {len(summary.problems)}" if summary.problems else ""
    click.echo(
        f"documents {summary.documents}{unchanged}{skipped}  sentences {summary.sentences}  entities {summary.entities}  "
        f"linked {summary.linked}  facts {summary.facts}  seconds {summary.seconds:.2f}"
    )
    if summary.documents:
        from .analytics import COUNTS_NOTE

        click.echo(COUNTS_NOTE)
    for o in summary.outputs:
        click.echo(f"wrote {o}")


def _check_base(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--base must be an absolute IRI (a scheme, no spaces or characters IRIs forbid)."""
    from .vocab import is_base_iri

    if value is not None and not is_base_iri(value):
        raise click.BadParameter(
            f"{value!r} is not an absolute IRI (e.g. https://example.org/kg/)", ctx, param
        )
    return value


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    from .dates import check_date

    try:
        return check_date(value) if value else ""
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None
