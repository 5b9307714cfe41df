"""Engines: where the per-document stages run when a corpus is built.

An engine runs a :class:`Job` over chunks of items and yields each chunk's results in
input order. It keeps only a bounded number of chunks in flight, so a corpus of any
size streams through it. Each worker process builds the job's state (the analyser,
extractor and linker) once, the first time it needs it, and keeps it.

``serial``
    in this process (the default for one worker);
``process``
    a pool of worker processes on this machine (``--workers N``);
``dask``
    a Dask distributed cluster (``--engine dask --scheduler tcp://HOST:8786``), or a
    local one of ``--workers`` processes when no scheduler is given.

A worker that dies (a crash in native code, the out-of-memory killer) does not stop
the build: the items it held are run again one by one, elsewhere, and the one that
kills its worker again becomes a failure of that item alone (``Job.failed``).
"""

from __future__ import annotations

import collections
import hashlib
import logging
import os
import pickle
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

from .errors import InputError, KGError
from .registry import Registry

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")


class WorkerError(KGError):
    """The workers cannot run at all (they die as they start, or cannot import kg)."""


class Job(Protocol[T, R]):
    """What workers run: picklable, and deterministic in what it returns.

    ``setup()`` builds the per-process state (run once per process); ``run(state, items)``
    processes a chunk and must not raise for a bad item (it returns a failure result
    for it); ``failed(item, reason)`` is the result for an item whose worker died.
    """

    def setup(self) -> Any: ...

    def run(self, state: Any, items: list[T]) -> list[R]: ...

    def failed(self, item: T, reason: str) -> R: ...


class Engine(Protocol):
    """Runs a Job over chunks, results in input order; ``close`` releases the workers."""

    name: str
    workers: int

    def map(self, job: Job[T, R], chunks: Iterable[list[T]]) -> Iterator[list[R]]: ...

    def close(self) -> None: ...


ENGINES = Registry(
    "engine",
    {
        "serial": "kg.engine:SerialEngine",
        "process": "kg.engine:ProcessEngine",
        "dask": "kg.engine:DaskEngine",
    },
)


def get_engine(name: str, *, workers: int = 1, scheduler: str | None = None) -> Engine:
    """Start the engine registered as ``name``.

    >>> get_engine("serial").name
    'serial'
    >>> get_engine("spark")
    Traceback (most recent call last):
    ...
    kg.errors.UnknownNameError: unknown engine 'spark'. Available: dask, process, serial
    """
    cls = ENGINES.load(name)
    if name == "dask":
        return cls(workers=workers, scheduler=scheduler)  # type: ignore[no-any-return]
    if scheduler is not None:
        raise InputError("--scheduler", f"only the dask engine takes a scheduler, not {name!r}")
    return cls(workers=workers)  # type: ignore[no-any-return]


# --- per-process state ------------------------------------------------------------------

_STATES: dict[str, Any] = {}
_STATES_LOCK = threading.Lock()


def job_key(job: object) -> str:
    """A fingerprint of a job's settings: workers keep one state per distinct job."""
    return hashlib.sha256(pickle.dumps(job, protocol=4)).hexdigest()


def state_for(job: Job[Any, Any]) -> Any:
    """The state of ``job`` in this process, built on first use and kept."""
    key = job_key(job)
    with _STATES_LOCK:
        if key not in _STATES:
            _STATES.clear()  # a process serves one job at a time; drop an old one's state
            _STATES[key] = job.setup()
        return _STATES[key]


def run_chunk(job: Job[T, R], items: list[T]) -> list[R]:
    """Run one chunk with this process's state for ``job`` (what a worker executes)."""
    return job.run(state_for(job), items)


# --- ordering with a bounded window --------------------------------------------------------


def _ordered(
    chunks: Iterable[list[T]],
    submit: Callable[[list[T]], Any],
    result: Callable[[Any], list[R]],
    window: int,
    rescue: Callable[[list[list[T]]], Iterator[list[R]]],
    broken: tuple[type[BaseException], ...],
) -> Iterator[list[R]]:
    """Submit chunks ahead, at most ``window`` in flight, and yield their results in
    input order. When a worker dies (``broken`` raised by ``submit`` or ``result``),
    the chunks in flight go to ``rescue``, which yields their results in order."""
    queue: collections.deque[tuple[list[T], Any]] = collections.deque()
    source = iter(chunks)
    exhausted = False
    while True:
        try:
            while not exhausted and len(queue) < max(1, window):
                chunk = next(source, None)
                if chunk is None:
                    exhausted = True
                else:
                    queue.append((chunk, None))  # in the queue before submit, so a rescue finds it
                    queue[-1] = (chunk, submit(chunk))
            if not queue:
                return
            out = result(queue[0][1])
            queue.popleft()
        except broken as exc:
            log.warning("a worker died (%s); running its documents again one by one", exc)
            stranded = [c for c, _ in queue]
            queue.clear()
            yield from rescue(stranded)
            continue
        yield out


# --- engines ------------------------------------------------------------------------------------


class SerialEngine:
    """Everything in this process: no pickling, no start-up."""

    name = "serial"

    def __init__(self, workers: int = 1) -> None:
        self.workers = 1

    def map(self, job: Job[T, R], chunks: Iterable[list[T]]) -> Iterator[list[R]]:
        for chunk in chunks:
            yield run_chunk(job, chunk)

    def close(self) -> None:
        pass


def _mp_context() -> Any:
    import multiprocessing as mp

    # forkserver: workers start from a clean process, not a copy of this one with its
    # threads (the progress bar's, the store's) and open files.
    # No preloaded modules: Python 3.11's forkserver imports them with its own sys.path
    # (the current folder first), which may find another copy of kg; workers import
    # kg themselves, with the sys.path of this process.
    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    return mp.get_context(method)


def _init_worker(job: Job[Any, Any], writer: int, level: int = logging.WARNING) -> None:
    import signal

    # The writing process's logging level (``kg -v``, ``kg build -q``), and its format.
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger().setLevel(level)

    # Ctrl-C is for the writing process, which stops the pool; a worker interrupted
    # mid-document would only add a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(writer,), daemon=True, name="kg-watchdog").start()
    state_for(job)


def _exit_with(pid: int, every: float = 1.0) -> None:
    """Exit when process ``pid`` (the build that started this worker) is gone. A build
    killed with SIGKILL cannot stop its pool, and a worker waiting for work would wait
    forever: its own copy of the task pipe keeps the pipe open."""
    while True:
        time.sleep(every)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # the pid went to another user's process
            os._exit(1)


class ProcessEngine:
    """A pool of ``workers`` local processes (``concurrent.futures``); chunks go out
    ahead of the results, at most ``window`` of them (default four per worker)."""

    name = "process"

    def __init__(self, workers: int = 2, window: int | None = None) -> None:
        if workers < 1:
            raise InputError("--workers", f"must be at least 1, not {workers}")
        self.workers = workers
        self.window = window or 4 * workers
        self._pool: Any = None
        self._job: Job[Any, Any] | None = None
        self._worked = False  # some chunk came back: the workers can run at all
        self._deaths = 0

    def _start(self, job: Job[Any, Any]) -> Any:
        from concurrent.futures import ProcessPoolExecutor

        if self._pool is None or self._job is not job:
            self.close()
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=_mp_context(),
                initializer=_init_worker,
                initargs=(job, os.getpid(), logging.getLogger().getEffectiveLevel()),
            )
            self._job = job
        return self._pool

    def map(self, job: Job[T, R], chunks: Iterable[list[T]]) -> Iterator[list[R]]:
        from concurrent.futures.process import BrokenProcessPool

        def submit(chunk: list[T]) -> Any:
            return self._start(job).submit(run_chunk, job, chunk)

        def result(future: Any) -> list[R]:
            out = _result(future)
            self._worked = True
            return out

        def rescue(stranded: list[list[T]]) -> Iterator[list[R]]:
            self.close()
            for chunk in stranded:
                yield [self._alone(job, item) for item in chunk]

        yield from _ordered(chunks, submit, result, self.window, rescue, (BrokenProcessPool,))

    def _alone(self, job: Job[T, R], item: T) -> R:
        """One item by itself; if it kills its worker, it alone fails."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            out: R = _result(self._start(job).submit(run_chunk, job, [item]))[0]
            self._worked = True
            return out
        except BrokenProcessPool:
            self.close()
            self._deaths += 1
            if not self._worked and self._deaths >= 3:  # not one document's fault
                raise WorkerError(
                    "the worker processes die before finishing any document; try --workers 1"
                ) from None
            return job.failed(item, "the worker process died while processing this document")

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
            self._job = None


def _result(future: Any) -> list[Any]:
    out: list[Any] = future.result()
    return out


class DaskEngine:
    """A Dask distributed cluster.

    With ``scheduler`` (``tcp://HOST:8786``) it joins a running cluster: start
    ``dask scheduler`` on one machine and ``dask worker tcp://HOST:8786 --nthreads 1``
    on each, all with the same kg-builder installed. Without one it starts a local
    cluster of ``workers`` processes. Documents are read here and sent to the workers, and
    results come back here to be written, so workers need no shared file system.
    """

    name = "dask"

    def __init__(
        self, workers: int = 2, scheduler: str | None = None, window: int | None = None
    ) -> None:
        try:
            import distributed
        except ImportError:
            raise InputError(
                "--engine dask", "needs Dask: pip install 'kg-builder[dask]'"
            ) from None
        Client: Any = distributed.Client
        LocalCluster: Any = distributed.LocalCluster
        quiet = (
            logging.DEBUG if log.isEnabledFor(logging.DEBUG) else logging.WARNING
        )  # kg -vv shows Dask's log
        logging.getLogger("distributed").setLevel(quiet)
        self._cluster: Any = None
        if scheduler is None:
            self._cluster = LocalCluster(
                n_workers=max(1, workers),
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=quiet,
            )
            self._client: Any = Client(self._cluster)
        else:
            try:
                self._client = Client(scheduler, timeout="30s")
            except OSError as exc:
                raise InputError(scheduler, f"cannot reach the Dask scheduler: {exc}") from None
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})) or workers)
        self.window = window or 4 * self.workers

    def map(self, job: Job[T, R], chunks: Iterable[list[T]]) -> Iterator[list[R]]:
        from distributed import KilledWorker

        client = self._client
        remote = client.scatter(job, broadcast=True)  # pickled once, not with every chunk

        def submit(chunk: list[T]) -> Any:
            return client.submit(run_chunk, remote, chunk, pure=False)

        def rescue(stranded: list[list[T]]) -> Iterator[list[R]]:
            for chunk in stranded:
                out = []
                for item in chunk:
                    try:
                        out.append(_result(client.submit(run_chunk, remote, [item], pure=False))[0])
                    except KilledWorker:
                        out.append(
                            job.failed(
                                item, "the worker process died while processing this document"
                            )
                        )
                yield out

        def result(future: Any) -> list[R]:
            try:
                return _result(future)
            except ImportError as exc:  # raised on a worker, re-raised here
                raise WorkerError(
                    f"a Dask worker cannot import what kg needs ({exc}); every worker needs the same "
                    "environment as this machine, with kg-builder installed"
                ) from None

        yield from _ordered(chunks, submit, result, self.window, rescue, (KilledWorker,))

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def default_workers() -> int:
    """Worker processes to use when asked for "all": the CPUs this process may run on.

    >>> default_workers() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
