"""The ``kg`` command: a thin shell over the library. Each command parses its options
and calls one function; the work happens in kg/pipeline.py, kg/query.py, kg/view.py ...

>>> from click.testing import CliRunner
>>> r = CliRunner().invoke(main, ["--help"])
>>> r.exit_code, all(c in r.output for c in ("build", "query", "eval", "view"))
(0, True)
>>> r = CliRunner().invoke(main, ["no-such-command"])
>>> r.exit_code != 0 and "no-such-command" in r.output
True
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .cli_checks import (
    PROBLEMS_SHOWN as PROBLEMS_SHOWN,
    _check_base,
    _check_date,
    _environment_error,
    _print_summary,
)
from .cli_web import web_inputs, web_options
from .errors import KGError
from .formats import FORMATS, Use
from .read import MAX_CHARS_DEFAULT
from .salience import HTML_MAX_NODES

if TYPE_CHECKING:  # pragma: no cover
    pass

#: The --report formats, by suffix.
REPORT_SUFFIXES = (".jsonl", ".tsv", ".csv")


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"kg: {message}", err=True)
    sys.exit(code)


class _Group(click.Group):
    """Turns the package's own errors into one-line messages instead of tracebacks."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KGError as exc:
            _fail(str(exc))
        except FileNotFoundError as exc:
            _fail(f"{exc.filename}: no such file")
        except Exception as exc:
            message = _environment_error(exc)
            if message is None or logging.getLogger().isEnabledFor(logging.DEBUG):
                raise  # a bug: the traceback says where (and -vv shows it for the others)
            _fail(message)
        return None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg-builder")
@click.option("-v", "--verbose", count=True, help="More logging (-vv for debug).")
def main(verbose: int) -> None:
    """Build knowledge graphs from news text (Arabic first): facts, Wikidata links, RDF, HTML."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


analyser_option = click.option(
    "--analyser",
    default="auto",
    show_default=True,
    help="Analyser: auto (stanza when its models are on disk, else rules), rules, conllu, stanza.",
)


_F = TypeVar("_F", bound=Callable[..., Any])


def stanza_options(f: _F) -> _F:
    """--model-dir, --gpu/--no-gpu and --batch-size, for the stanza analyser.

    >>> @stanza_options
    ... def cmd(model_dir: object, gpu: bool, batch_size: int) -> None: ...
    >>> sorted(p.name for p in cmd.__click_params__)
    ['batch_size', 'gpu', 'model_dir']
    """
    f = click.option(
        "--batch-size", type=int, default=16, show_default=True, help="stanza: documents per batch."
    )(f)
    f = click.option(
        "--gpu/--no-gpu",
        default=False,
        show_default=True,
        help="stanza: run on the GPU if there is one.",
    )(f)
    return click.option(
        "--model-dir",
        type=click.Path(path_type=Path),
        default=None,
        help="stanza's model folder (default: $STANZA_RESOURCES_DIR or stanza's own).",
    )(f)


def _analyser_options(
    analyser: str, model_dir: Path | None, gpu: bool, batch_size: int, lang: str | None
) -> dict[str, object]:
    if analyser not in ("auto", "stanza"):
        return {}
    opts: dict[str, object] = {"use_gpu": gpu, "batch_size": batch_size}
    if model_dir is not None:
        opts["model_dir"] = model_dir
    if analyser == "stanza" and lang:
        opts["lang"] = lang
    return opts


linker_option = click.option(
    "--linker",
    default="gazetteer",
    show_default=True,
    help="Linker: gazetteer, none, or a chain like gazetteer+wikidata.",
)


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    default=None,
    type=click.Path(path_type=Path),
    help="Output folder [default: build, unless --store is given].",
)
@click.option(
    "--store",
    "store_dir",
    default=None,
    type=click.Path(file_okay=False, path_type=Path),
    help="Add the documents to this persistent Oxigraph store (created if new); a document built again replaces its earlier version.",
)
@analyser_option
@linker_option
@click.option("--lang", default=None, help="Force the language (ar, en) instead of detecting it.")
@click.option(
    "--base", default=None, callback=_check_base, help="Base IRI of the resources (absolute)."
)
@click.option(
    "--date",
    callback=_check_date,
    help="YYYY-MM-DD: the date of documents whose metadata and dateline give none.",
)
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option(
    "--max-nodes",
    type=click.IntRange(min=0),
    default=HTML_MAX_NODES,
    show_default=True,
    help="graph.html draws at most N entities, those that matter most (as kg view --max-nodes); 0: all.",
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="No progress bar, no summary and no warnings (skipped files are still named).",
)
@click.option(
    "-w",
    "--workers",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Worker processes for analysis and extraction (0: one per CPU; more than the CPUs are capped).",
)
@click.option(
    "--engine",
    type=click.Choice(["serial", "process", "dask"]),
    default=None,
    help="Where documents are processed [default: serial for one worker, process for more].",
)
@click.option(
    "--scheduler",
    default=None,
    help="Dask scheduler address (tcp://HOST:8786) for --engine dask; without it, a local cluster.",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write one row per input (built, unchanged, skipped: why) to FILE.jsonl, FILE.tsv or FILE.csv.",
)
@click.option(
    "--rebuild", is_flag=True, help="With --store: process documents the store holds unchanged too."
)
@click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=None,
    help=f"Refuse a document longer than this many characters [default: {MAX_CHARS_DEFAULT:,}].",
)
@click.option(
    "--doc-timeout",
    type=click.FloatRange(min=0),
    default=300.0,
    show_default=True,
    help="Seconds one document may take (0: no limit).",
)
@web_options
@stanza_options
def build(
    inputs: tuple[Path, ...],
    out_dir: Path | None,
    store_dir: Path | None,
    analyser: str,
    linker: str,
    lang: str | None,
    base: str | None,
    date: str,
    no_html: bool,
    max_nodes: int,
    quiet: bool,
    workers: int,
    engine: str | None,
    scheduler: str | None,
    report: Path | None,
    rebuild: bool,
    max_chars: int | None,
    doc_timeout: float,
    url_lists: tuple[Path, ...],
    feeds: tuple[str, ...],
    sitemaps: tuple[str, ...],
    offline: bool,
    refresh: bool,
    cache_dir: Path | None,
    delay: float,
    model_dir: Path | None,
    gpu: bool,
    batch_size: int,
) -> None:
    """Read INPUTS (files or folders; saved web pages too), and web pages from --urls,
    --feed and --sitemap, extract facts and write OUT/graph.ttl, graph.trig, graph.html
    (and/or add them to a --store).

    Web pages are reduced to their main text (menus, "read also" blocks, captions,
    comments dropped) and their metadata (headline, date, author, outlet, URL) goes into
    the graph. Fetching obeys robots.txt, waits --delay seconds between two requests to
    a host, and keeps every answer in an HTTP cache, so a second build fetches nothing;
    --report lists every URL's outcome.

    Memory stays bounded whatever the number of documents; --workers N processes them in
    N processes, --engine dask on a Dask cluster. With --store (and no --out), documents
    the store already holds with the same text are skipped, so an interrupted build
    resumes where it stopped.
    """
    from .engine import default_workers
    from .pipeline import Options, build_corpus
    from .vocab import DEFAULT_BASE

    if quiet:
        import warnings

        logging.getLogger().setLevel(logging.ERROR)
        warnings.simplefilter("ignore")  # the libraries' warnings too (stanza, torch)
    web = web_inputs(url_lists, feeds, sitemaps, offline, refresh, cache_dir, delay)
    if not inputs and web is None:
        _fail("give files or folders to read, or --urls, --feed or --sitemap", 2)
    if out_dir is None and store_dir is None:
        out_dir = Path("build")
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        _fail(f"--out {out_dir}: is a file; give a folder")
    cpus = default_workers()
    if workers > cpus:
        if not quiet:
            click.echo(
                f"kg: warning: --workers {workers} is more than the {cpus} CPUs; using {cpus}",
                err=True,
            )
        workers = cpus
    workers = workers or cpus
    if report is not None and report.suffix.lower() not in REPORT_SUFFIXES:
        _fail(f"--report {report}: give a file ending in {', '.join(REPORT_SUFFIXES)}", 2)
    options = Options(
        analyser=analyser,
        linker=linker,
        lang=lang,
        base=base or DEFAULT_BASE,
        html=not no_html,
        html_max_nodes=max_nodes or None,
        max_chars=max_chars or MAX_CHARS_DEFAULT,
        analyser_options=_analyser_options(analyser, model_dir, gpu, batch_size, lang),
        web=web,
        date=date,
    )
    summary = build_corpus(
        inputs,
        out_dir,
        options,
        engine=engine or ("process" if workers > 1 else "serial"),
        workers=workers,
        scheduler=scheduler,
        store_dir=store_dir,
        rebuild=rebuild,
        report=report,
        doc_timeout=doc_timeout or None,
        progress=not quiet and sys.stderr.isatty(),
    )
    _print_summary(summary, report, quiet)
    if summary.documents == 0 and summary.unchanged == 0:
        _fail(
            "nothing could be read"
            + (f" ({len(summary.problems)} problems above)" if summary.problems else "")
        )


raw_csv_option = click.option(
    "--raw-csv",
    is_flag=True,
    help="CSV: write cells as they are; by default a cell starting with = + - @ (a spreadsheet formula) gets a leading '.",
)


@main.command()
@click.argument("graph", type=click.Path(exists=True, path_type=Path))
@click.argument("sparql", required=False)
@click.option(
    "-f",
    "--file",
    "query_file",
    help="A .rq file, or the name of a query in ontology/queries (see --list).",
)
@click.option(
    "--format",
    "fmt",
    default="table",
    show_default=True,
    help=", ".join(FORMATS.names(Use.RESULT)) + ".",
)
@click.option("--list", "list_queries", is_flag=True, help="List the stored example queries.")
@raw_csv_option
def query(
    graph: Path,
    sparql: str | None,
    query_file: str | None,
    fmt: str,
    list_queries: bool,
    raw_csv: bool,
) -> None:
    """Run a SPARQL query over GRAPH (.ttl, .trig, .nt, .nq, .jsonld, or a --store folder)."""
    from . import query as q

    if list_queries:
        for name in sorted(q.stored_queries()):
            click.echo(name)
        return
    if query_file is not None:
        sparql = q.read_query(query_file)
    if not sparql:
        _fail("give a query, or -f FILE.rq (kg query GRAPH --list shows the stored ones)", 2)
    from .link.wdclient import service_calls

    with service_calls(sparql or ""):  # SERVICE <…wikidata…> goes out politely
        click.echo(q.format_result(q.query(graph, sparql or ""), fmt, csv_safe=not raw_csv))


@main.command(name="eval")
@click.argument("graph", type=click.Path(exists=True, path_type=Path))
@click.argument("entities", type=click.Path(exists=True, path_type=Path))
@click.argument("facts", type=click.Path(exists=True, path_type=Path))
def eval_(graph: Path, entities: Path, facts: Path) -> None:
    """Score GRAPH against gold ENTITIES.tsv and FACTS.tsv (precision, core and all recall)."""
    from . import evaluate

    click.echo(evaluate.format_report(evaluate.evaluate(graph, entities, facts)))


@main.command()
@click.argument("graph", type=click.Path(exists=True, path_type=Path))
def validate(graph: Path) -> None:
    """Check GRAPH against the SHACL shapes of the ontology."""
    from . import shapes
    from .serialise import load

    conforms, report = shapes.validate(load(graph))
    click.echo(report)
    if not conforms:
        sys.exit(1)


lang_option = click.option(
    "--lang",
    default=None,
    help="Language of labels and of the page: ar or en (default: that of most documents).",
)


@main.command()
@click.argument("graph", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out", "out_file", default="graph.html", show_default=True, type=click.Path(path_type=Path)
)
@lang_option
@click.option(
    "--max-nodes",
    type=click.IntRange(min=1),
    default=None,
    help="Draw only the N entities that matter most: named ones before quantities and times, then by the documents that join them to others (kg.salience).",
)
@click.option(
    "--size-by", type=click.Choice(["degree", "pagerank"]), default="degree", show_default=True
)
@click.option("--title", default=None, help="Title of the page.")
def view(
    graph: Path,
    out_file: Path,
    lang: str | None,
    max_nodes: int | None,
    size_by: str,
    title: str | None,
) -> None:
    """Render GRAPH as a self-contained interactive HTML network."""
    from . import view as view_mod
    from .serialise import load

    path = view_mod.render_html(
        load(graph), out_file, lang=lang, max_nodes=max_nodes, size_by=size_by, title=title
    )
    click.echo(f"wrote {path}")


@main.command()
@click.argument("graph", type=click.Path(exists=True, path_type=Path))
@lang_option
@click.option("--top", default=10, show_default=True, help="How many entities per ranking.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(graph: Path, lang: str | None, top: int, as_json: bool) -> None:
    """Counts per class and relation, most central entities, communities."""
    import json

    from . import analytics
    from .serialise import load
    from .view import documents_lang

    g = load(graph)
    s = analytics.stats(analytics.to_networkx(g, lang=lang or documents_lang(g)), top)
    click.echo(
        json.dumps(s, ensure_ascii=False, indent=2) if as_json else analytics.format_stats(s)
    )


@main.command()
@click.argument("graph", type=click.Path(exists=True, path_type=Path))
@click.argument("a")
@click.argument("b")
@lang_option
def path(graph: Path, a: str, b: str, lang: str | None) -> None:
    """The shortest chain of facts from entity A to entity B, with the sentence behind each hop."""
    from . import analytics
    from .serialise import load
    from .view import documents_lang

    g = load(graph)
    hops = analytics.shortest_path(analytics.to_networkx(g, lang=lang or documents_lang(g)), a, b)
    if not hops:
        _fail(f"no path between {a!r} and {b!r}")
    for hop in hops:
        click.echo(analytics.format_hop(hop))


@main.command()
@click.argument("graph", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS.names(Use.EXPORT)),
    required=True,
    help="RDF (ttl = union of all graphs, trig, nq, jsonld), the entity network (graphml, gexf) or every fact with its source (csv).",
)
@click.option(
    "--out",
    "out_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Defaults to GRAPH with the new suffix, if no such file exists (kg build's own graph.trig is never replaced unasked).",
)
@lang_option
@raw_csv_option
def export(graph: Path, fmt: str, out_file: Path | None, lang: str | None, raw_csv: bool) -> None:
    """Export GRAPH (a file or a --store folder) as RDF, for Gephi and other graph tools, or as CSV."""
    from .export import export as export_graph

    out = out_file or graph.with_suffix("." + fmt)
    if out_file is None and out.exists():
        _fail(f"{out} exists; give --out (--out {out} to replace it)")
    click.echo(f"wrote {export_graph(graph, fmt, out, lang=lang, csv_safe=not raw_csv)}")


@main.command()
@click.argument("graph", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but loopback exposes the graph to the network.",
)
@click.option(
    "--port",
    default=7878,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port (0: any free port).",
)
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds a query may run.",
)
@click.option(
    "--max-result-mb",
    default=64.0,
    show_default=True,
    type=click.FloatRange(min=0.001),
    help="Largest result sent, in MB.",
)
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Queries run at the same time (each worker holds the graph in memory).",
)
@click.option(
    "--max-memory",
    default=2000.0,
    show_default=True,
    type=click.FloatRange(min=1),
    help="MB of memory a query may add to a worker, beyond the graph it holds; a query that needs more is stopped (503).",
)
@click.option(
    "--read-timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds a client has to send its request (and may stay idle between two); then 408 or closed.",
)
@click.option(
    "--max-connections",
    default=64,
    show_default=True,
    type=click.IntRange(1, 10_000),
    help="Connections served at once (one thread each); more are answered 503 and closed.",
)
@click.option(
    "--on-disk",
    is_flag=True,
    help="Query the store in place instead of in memory: for stores larger than the memory.",
)
@click.option(
    "--allow-service",
    "allow_service",
    multiple=True,
    metavar="IRI",
    help="A SERVICE endpoint queries may call (the server fetches it), by IRI or by name "
    "(wikidata); repeat for several. Default: SERVICE is refused.",
)
@click.option(
    "--allow-host",
    "allow_host",
    multiple=True,
    metavar="NAME",
    help="A name clients may reach the server by (the Host header), besides the address it "
    "listens on and localhost; repeat for several, * for any.",
)
def serve(
    graph: Path,
    host: str,
    port: int,
    timeout: float,
    max_result_mb: float,
    workers: int,
    max_memory: float,
    read_timeout: float,
    max_connections: int,
    on_disk: bool,
    allow_service: tuple[str, ...],
    allow_host: tuple[str, ...],
) -> None:
    """Serve GRAPH (a --store folder or a graph file) as a read-only SPARQL 1.1 endpoint at /sparql,
    with the explorer at / and a query page at /query."""
    from . import server

    services = server.service_allow_list(allow_service)
    limits = server.Limits(
        timeout=timeout,
        max_bytes=int(max_result_mb * 1_000_000),
        workers=workers,
        max_memory=int(max_memory * 1_000_000),
        read_timeout=read_timeout,
        max_connections=max_connections,
        services=services,
    )
    with server.Endpoint(
        graph, host=host, port=port, limits=limits, on_disk=on_disk, allow_hosts=allow_host
    ) as endpoint:
        click.echo(
            f"serving {graph}: explorer {endpoint.url}, SPARQL endpoint {endpoint.url}sparql, "
            f"query page {endpoint.url}query; Ctrl-C stops",
            err=True,
        )
        if services:
            click.echo(f"SERVICE allowed to: {', '.join(services)}", err=True)
        if not server.is_loopback(host):
            click.echo(
                f"kg: warning: listening on {host}: anyone who can reach this address can query the graph",
                err=True,
            )
        endpoint.serve_forever()


@main.command()
@click.argument("graph", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    "out_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Write here; without it GRAPH itself is replaced by its enriched version.",
)
@click.option(
    "--cache",
    "cache",
    type=click.Path(path_type=Path),
    default=None,
    help="SQLite cache (default ~/.cache/kg-builder/wikidata.sqlite).",
)
def enrich(graph: Path, out_file: Path | None, cache: Path | None) -> None:
    """Add Wikidata labels (ar, en), descriptions and classes of the linked items to GRAPH (online).

    GRAPH is replaced by the enriched graph unless --out names another file."""
    from . import enrich as enrich_mod
    from .link.wdclient import WikidataClient

    summary, path = enrich_mod.enrich_file(graph, out_file, WikidataClient(cache_path=cache))
    click.echo(enrich_mod.format_summary(summary, path))
    if out_file is None:
        click.echo(f"kg: {graph} was replaced in place (--out FILE writes elsewhere)", err=True)


@main.command()
@click.argument("suite_file", type=click.Path(exists=True, path_type=Path))
@click.option("--analyser", default="rules", show_default=True)
@click.option("--all", "show_all", is_flag=True, help="Show passing cases too.")
def suite(suite_file: Path, analyser: str, show_all: bool) -> None:
    """Run a sentence suite (TSV of texts with the facts they must and must not give)."""
    from . import suite as suite_mod

    outcomes = suite_mod.run(suite_file, analyser=analyser)
    click.echo(suite_mod.format_outcomes(outcomes, verbose=show_all))
    if not all(o.ok for o in outcomes):
        sys.exit(1)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@analyser_option
@click.option("--lang", default=None, help="Force the language.")
@stanza_options
def analyse(
    inputs: tuple[Path, ...],
    analyser: str,
    lang: str | None,
    model_dir: Path | None,
    gpu: bool,
    batch_size: int,
) -> None:
    """Print the UD analysis of INPUTS as CoNLL-U (for inspecting the analyser)."""
    from .analyse.conllu import dumps
    from .model import Problem
    from .pipeline import Options, Stages, documents

    options = Options(
        analyser=analyser,
        lang=lang,
        analyser_options=_analyser_options(analyser, model_dir, gpu, batch_size, lang),
    )
    stages = Stages.from_options(options)
    stages.check(lang)
    for item in documents(inputs, options):
        if isinstance(item, Problem):
            click.echo(f"kg: skipped {item.source}: {item.reason}", err=True)
            continue
        click.echo(dumps(stages.analyser.choose(item).analyse(item)), nl=False)


@main.group()
def models() -> None:
    """stanza's neural models: download them once, list what is on disk."""


@models.command(name="download")
@click.argument("langs", nargs=-1, required=True)
@click.option(
    "--model-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Where to put them (default: $STANZA_RESOURCES_DIR or stanza's own).",
)
def models_download(langs: tuple[str, ...], model_dir: Path | None) -> None:
    """Download stanza's default models for LANGS (e.g. ar en); needs internet."""
    from .analyse import stanza as st

    for inst in st.download(list(langs), model_dir):
        state = "ready" if inst.usable else "incomplete: " + ", ".join(inst.missing)
        click.echo(
            f"{inst.lang}: {', '.join(f'{p}={k}' for p, k in inst.processors.items())} ({state}) in {inst.model_dir}"
        )


@models.command(name="list")
@click.option(
    "--model-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="The folder to look in (default: $STANZA_RESOURCES_DIR or stanza's own).",
)
def models_list(model_dir: Path | None) -> None:
    """List the stanza models on disk, per language."""
    from .analyse import stanza as st

    where = model_dir or st.default_model_dir()
    found = st.installed_languages(where)
    if not found:
        click.echo(f"no stanza models in {where} (kg models download LANG fetches them)")
        return
    for inst in found:
        state = (
            "ready"
            if inst.usable
            else "unusable, missing "
            + ", ".join(p for p in st.REQUIRED if p not in inst.processors)
        )
        procs = ", ".join(f"{p}={k}" for p, k in inst.processors.items())
        click.echo(f"{inst.lang}\t{procs}\t{state}")
    click.echo(f"in {where}")


if __name__ == "__main__":  # pragma: no cover
    main()
