"""The ``stanza`` analyser: neural tokenisation, clitic (MWT) splitting, POS, lemmas,
dependency parses and NER in the ~70 languages stanza has models for.

Models are downloaded once (``kg models download ar``, which calls ``stanza.download``)
into stanza's model directory: ``$STANZA_RESOURCES_DIR`` or stanza's own default, or the
folder given as ``model_dir``. Nothing here downloads at run time
(``download_method=None``): a language whose models are not on disk raises
:class:`~kg.errors.ModelsMissingError` with the command that fetches them.

One ``stanza.Pipeline`` per language is built on first use and kept; documents are
processed in batches (``bulk_process``). stanza's Document becomes an AnalysedDoc:

- syntactic words become Tokens; the words of a multi-word token (Arabic وقال = و + قال,
  للعراق = ل + العراق) get character offsets inside the surface token, from stanza when
  the words spell the token exactly and by alignment otherwise;
- NER spans (stanza tags surface tokens) become EntitySpans over words, without the
  clitics at their edges, with ontology classes (``kg.analyse.spans.NER_CLASSES``)
  sharpened by the gazetteer (a GPE that is a known country becomes a Country);
  gazetteer names the NER missed are added.

This module imports neither stanza nor torch at import time: ``models_available`` and
``installed`` only read files, so ``--analyser auto`` can decide without loading torch.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import KGError, ModelsMissingError
from ..model import AnalysedDoc, Document, EntitySpan, Sentence, Token
from . import Analyser
from .spans import ner_class, refine, split_surface, trim

log = logging.getLogger(__name__)

#: The processors the analyser runs, in stanza's order.
PROCESSORS: tuple[str, ...] = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
#: Without these there is no UD tree to extract from.
REQUIRED: tuple[str, ...] = ("tokenize", "pos", "lemma", "depparse")


@dataclass(frozen=True)
class Installed:
    """What is on disk for one language: the processors of its default package whose
    files (and dependencies: pretrained vectors, character LMs) are present, and those
    that are listed but missing."""

    lang: str
    model_dir: Path
    processors: dict[str, str]  # processor -> package, complete on disk
    missing: tuple[str, ...]  # processors listed in resources.json whose files are absent

    @property
    def usable(self) -> bool:
        return all(p in self.processors for p in REQUIRED)


def default_model_dir() -> Path:
    """stanza's model directory: ``$STANZA_RESOURCES_DIR``, else stanza's default for the
    installed version (computed without importing stanza, which would load torch)."""
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return Path(env).expanduser()
    try:
        from importlib.metadata import version

        from platformdirs import user_cache_dir

        return Path(user_cache_dir("stanza", "StanfordNLP", version("stanza"))) / "resources"
    except Exception:  # stanza (or platformdirs) not installed
        return Path.home() / "stanza_resources"


def _resources(model_dir: Path) -> dict[str, Any]:
    path = model_dir / "resources.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _lang_entry(resources: dict[str, Any], lang: str) -> tuple[str, dict[str, Any]]:
    seen = set()
    entry = resources.get(lang)
    while isinstance(entry, dict) and "alias" in entry and lang not in seen:
        seen.add(lang)
        lang = entry["alias"]
        entry = resources.get(lang)
    return lang, entry if isinstance(entry, dict) else {}


def installed(lang: str, model_dir: str | os.PathLike[str] | None = None) -> Installed:
    """The stanza models on disk for ``lang`` (reads ``resources.json`` and checks files).

    >>> installed("ar", "/nonexistent").usable
    False
    """
    root = Path(model_dir).expanduser() if model_dir else default_model_dir()
    lang, entry = _lang_entry(_resources(root), lang)
    default = (entry.get("packages") or {}).get("default") or entry.get("default_processors") or {}
    have: dict[str, str] = {}
    missing: list[str] = []
    for proc in PROCESSORS:
        package = default.get(proc)
        if not isinstance(package, str):
            continue
        if proc == "lemma" and package == "identity":
            have[proc] = package
            continue
        deps = ((entry.get(proc) or {}).get(package) or {}).get("dependencies") or []
        files = [root / lang / proc / f"{package}.pt"]
        files += [
            root / lang / d["model"] / f"{d['package']}.pt"
            for d in deps
            if isinstance(d, dict) and "model" in d and "package" in d
        ]
        if all(f.is_file() for f in files):
            have[proc] = package
        else:
            missing.append(proc)
    return Installed(lang, root, have, tuple(missing))


def models_available(lang: str, model_dir: str | os.PathLike[str] | None = None) -> bool:
    """Whether stanza can analyse ``lang`` from disk (tokenize, pos, lemma, depparse).

    >>> models_available("ar", "/nonexistent")
    False
    """
    return installed(lang, model_dir).usable


def installed_languages(model_dir: str | os.PathLike[str] | None = None) -> list[Installed]:
    """Every language with at least one model file under the model directory."""
    root = Path(model_dir).expanduser() if model_dir else default_model_dir()
    out = []
    for lang in sorted(
        k for k, v in _resources(root).items() if isinstance(v, dict) and "alias" not in v
    ):
        if (root / lang).is_dir():
            inst = installed(lang, root)
            if inst.processors or inst.missing:
                out.append(inst)
    return out


def missing_message(lang: str, model_dir: str | os.PathLike[str] | None = None) -> str:
    """One paragraph: what was looked for, where, and the commands that fix it."""
    inst = installed(lang, model_dir)
    where = inst.model_dir
    if not (where / "resources.json").is_file():
        found = f"there is no {where / 'resources.json'}"
    elif not inst.processors and not inst.missing:
        found = f"{where / 'resources.json'} lists no default models for {lang!r}"
    else:
        lacking = [p for p in REQUIRED if p not in inst.processors]
        found = f"{', '.join(lacking)} model files for {lang!r} are missing under {where / lang}"
    return (
        f"no stanza models for {lang!r}: {found}. Download them once with "
        f"`kg models download {lang}` (needs internet; `--model-dir DIR` to choose the folder), "
        f"point --model-dir or STANZA_RESOURCES_DIR at a folder that has them, "
        f"or use --analyser rules, which needs no model."
    )


# ----------------------------------------------------------------- downloads


class DownloadError(KGError):
    """stanza's models could not be fetched."""


def download(
    langs: Sequence[str], model_dir: str | os.PathLike[str] | None = None, timeout: float = 5.0
) -> list[Installed]:
    """Fetch the default stanza models of ``langs`` (``stanza.download``).

    Checks first that stanza's model host can be reached, so a machine without network
    fails in seconds with a message naming what it tried.
    """
    import socket
    from urllib.parse import urlparse

    try:
        import stanza
        from stanza.resources.common import DEFAULT_RESOURCES_URL
    except ImportError as exc:  # pragma: no cover - stanza is a dependency
        raise DownloadError(
            f"stanza is not installed ({exc}); `pip install stanza` first"
        ) from None
    root = Path(model_dir).expanduser() if model_dir else default_model_dir()
    url = os.environ.get("STANZA_RESOURCES_URL") or DEFAULT_RESOURCES_URL
    host = urlparse(url).hostname or url
    port = urlparse(url).port or 443
    try:
        socket.create_connection((host, port), timeout=timeout).close()
    except OSError as exc:
        raise DownloadError(
            f"cannot download stanza models for {', '.join(langs)}: {host} (port {port}) is unreachable "
            f"({exc.strerror or exc}); tried {url}, where stanza.download starts, to fill {root}. "
            f"Without network, use --analyser rules, or copy a stanza model folder to this machine "
            f"and pass --model-dir."
        ) from None
    for lang in langs:
        try:
            stanza.download(lang, model_dir=str(root), resources_url=url, verbose=False)
        except Exception as exc:
            raise DownloadError(
                f"stanza.download({lang!r}) into {root} failed: {type(exc).__name__}: {exc}"
            ) from None
    return [installed(lang, root) for lang in langs]


# ------------------------------------------------------------------ analyser


class StanzaAnalyser(Analyser):
    """stanza's neural pipeline behind the analyser protocol (see the module docstring).

    ``model_dir``: stanza's model folder; ``lang``: analyse every document as this
    language; ``use_gpu``: run on the GPU when there is one; ``batch_size``: documents
    per ``bulk_process`` call; ``processors``: restrict the processors (default: those of
    :data:`PROCESSORS` that are on disk).
    """

    name = "stanza"
    formats = frozenset({"text"})
    languages = None  # whatever is on disk; checked per document
    batches = True  # one bulk_process call for many documents

    def __init__(
        self,
        model_dir: str | os.PathLike[str] | None = None,
        lang: str | None = None,
        use_gpu: bool = False,
        batch_size: int = 16,
        processors: Sequence[str] | None = None,
    ) -> None:
        self.model_dir = Path(model_dir).expanduser() if model_dir else default_model_dir()
        self.lang = lang
        self.use_gpu = use_gpu
        self.batch_size = max(1, int(batch_size))
        self.processors = tuple(processors) if processors else None
        self._pipelines: dict[str, Any] = {}

    # -- checks ------------------------------------------------------------

    def require(self, lang: str | None = None) -> None:
        """Raise ModelsMissingError unless models for ``lang`` (or, with no language
        given, for at least one language) are on disk. Reads files only."""
        lang = lang or self.lang
        if lang:
            if not models_available(lang, self.model_dir):
                raise ModelsMissingError(missing_message(lang, self.model_dir))
            return
        if not any(i.usable for i in installed_languages(self.model_dir)):
            raise ModelsMissingError(
                missing_message("ar", self.model_dir).replace("'ar'", "any language", 1)
            )

    # -- pipelines ---------------------------------------------------------

    def pipeline(self, lang: str) -> Any:
        """The stanza.Pipeline of one language, built once."""
        if lang not in self._pipelines:
            inst = installed(lang, self.model_dir)
            if not inst.usable:
                raise ModelsMissingError(missing_message(lang, self.model_dir))
            wanted = [p for p in (self.processors or PROCESSORS) if p in inst.processors]
            try:
                import stanza
            except ImportError as exc:  # pragma: no cover - stanza is a dependency
                raise ModelsMissingError(
                    f"stanza is not installed ({exc}); `pip install stanza` or use --analyser rules"
                ) from None
            # processors as a string: each from the default package, and nothing else of
            # it (a dict would add the package's sentiment, constituency ... models)
            self._pipelines[lang] = stanza.Pipeline(
                lang=inst.lang,
                dir=str(self.model_dir),
                processors=",".join(wanted),
                download_method=None,
                use_gpu=self.use_gpu,
                logging_level="WARN",
            )
            log.info("stanza pipeline for %r from %s: %s", lang, self.model_dir, ", ".join(wanted))
        return self._pipelines[lang]

    def _lang(self, doc: Document) -> str:
        return self.lang or doc.lang

    # -- analysis ----------------------------------------------------------

    def analyse(self, doc: Document) -> AnalysedDoc:
        return next(iter(self.analyse_many([doc])))

    def analyse_many(self, docs: Iterable[Document]) -> Iterator[AnalysedDoc]:
        """Analyse documents in order, ``batch_size`` consecutive same-language documents
        per stanza call."""
        batch: list[Document] = []
        for doc in docs:
            if batch and (len(batch) >= self.batch_size or self._lang(doc) != self._lang(batch[0])):
                yield from self._run(batch)
                batch = []
            batch.append(doc)
        if batch:
            yield from self._run(batch)

    def _run(self, docs: list[Document]) -> list[AnalysedDoc]:
        import stanza

        lang = self._lang(docs[0])
        nlp = self.pipeline(lang)
        inputs = [stanza.Document([], text=d.text) for d in docs]
        outputs = nlp.bulk_process(inputs) if len(inputs) > 1 else [nlp(inputs[0])]
        has_ner = "ner" in nlp.processors
        return [
            convert(d, out, f"stanza:{lang}", has_ner) for d, out in zip(docs, outputs, strict=True)
        ]


# ---------------------------------------------------------------- conversion


def convert(doc: Document, sdoc: Any, name: str = "stanza", has_ner: bool = True) -> AnalysedDoc:
    """A stanza Document (processed from ``doc.text``) as an AnalysedDoc."""
    sentences: list[Sentence] = []
    for s in sdoc.sentences:
        sent = _sentence(doc, s, len(sentences), has_ner)
        if sent is not None:
            sentences.append(sent)
    return AnalysedDoc(doc=doc, sentences=tuple(sentences), analyser=name)


def word_offsets(token: Any) -> list[tuple[int, int]]:
    """Character spans of the words of one stanza token (multi-word tokens included)."""
    words = token.words
    if len(words) == 1:
        return [(token.start_char, token.end_char)]
    if all(w.start_char is not None and w.end_char is not None for w in words):
        return [(w.start_char, w.end_char) for w in words]
    return split_surface(token.text, token.start_char, [w.text for w in words])


def _sentence(doc: Document, s: Any, index: int, has_ner: bool) -> Sentence | None:
    tokens: list[Token] = []
    word_start: dict[int, int] = {}  # stanza word id -> our token id
    for tok in s.tokens:
        if tok.start_char is None or tok.end_char is None:
            continue
        spans = word_offsets(tok)
        for k, (w, (a, b)) in enumerate(zip(tok.words, spans, strict=True)):
            misc = [
                m
                for m in (w.misc or "").split("|")
                if m and m != "_" and not m.startswith(("start_char", "end_char"))
            ]
            if k < len(tok.words) - 1:
                misc.append("SpaceAfter=No")
            word_start[w.id] = len(tokens) + 1
            tokens.append(
                Token(
                    id=len(tokens) + 1,
                    form=w.text,
                    lemma=w.lemma or w.text,
                    upos=w.upos or "X",
                    head=w.head or 0,
                    deprel=w.deprel or ("root" if not w.head else "dep"),
                    start=a,
                    end=b,
                    feats=w.feats or "_",
                    xpos=w.xpos or "_",
                    misc="|".join(misc) or "_",
                )
            )
    if not tokens:
        return None
    # stanza word ids are already 1..n within the sentence; remap heads defensively
    tokens = [t if t.head == 0 else _rehead(t, word_start) for t in tokens]
    start, end = tokens[0].start, tokens[-1].end
    sent = Sentence(
        index=index, start=start, end=end, text=doc.text[start:end], tokens=tuple(tokens)
    )
    ents = _ner(doc, s, sent) if has_ner else []
    ents = _with_gazetteer(doc, sent, ents)
    return Sentence(sent.index, sent.start, sent.end, sent.text, sent.tokens, tuple(ents))


def _rehead(t: Token, ids: dict[int, int]) -> Token:
    from dataclasses import replace

    return replace(t, head=ids.get(t.head, 0))


def _ner(doc: Document, s: Any, sent: Sentence) -> list[EntitySpan]:
    """stanza's entity spans (over surface tokens) as spans over our word tokens."""
    if doc.lang == "en":
        from ..lexicon.names import lookup_en as lookup_name
    else:
        from ..lexicon.names import lookup_name

    out: list[EntitySpan] = []
    for ent in getattr(s, "ents", []) or []:
        cls = ner_class(ent.type or "")
        if cls is None or ent.start_char is None:
            continue
        ids = [t.id for t in sent.tokens if t.start < ent.end_char and t.end > ent.start_char]
        if not ids:
            continue
        fl = trim(sent.tokens, ids[0], ids[-1])
        if fl is None:
            continue
        first, last = fl
        surface = doc.text[sent.token(first).start : sent.token(last).end]
        forms = " ".join(sent.token(k).form for k in range(first, last + 1))
        out.append(
            refine(
                EntitySpan(first, last, cls, "ner"),
                surface,
                lambda x, f=forms: lookup_name(x) or lookup_name(f),
            )
        )
    return out


def _with_gazetteer(doc: Document, sent: Sentence, ents: list[EntitySpan]) -> list[EntitySpan]:
    """Add gazetteer names (and, for Arabic, the name heuristics) the NER did not tag."""
    if doc.lang == "ar":
        from .names import find_entities
    elif doc.lang == "en":
        from .names_en import find_entities
    else:
        return ents
    taken = {k for e in ents for k in range(e.first, e.last + 1)}
    extra = [
        e
        for e in find_entities(sent.tokens)
        if not any(k in taken for k in range(e.first, e.last + 1))
    ]
    return sorted([*ents, *extra], key=lambda e: e.first)
