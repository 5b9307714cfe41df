"""The online Wikidata linker (``--linker wikidata``, or ``gazetteer+wikidata``).

For each name mention it asks ``wbsearchentities`` (in the document's language, ar or
en) for candidates, fetches their labels, aliases, descriptions, P31 and P17 with
``wbgetentities``, and keeps a candidate only when

- one of its labels or aliases *is* the name (after normalisation, and after stripping
  proclitics or a designator when the whole name finds nothing): Wikidata's search also
  returns prefix matches, which are never links;
- its P31 classes (closed over ``wdt:P279*``) fit the class of the mention and of its
  entity (a Person mention never links to a city); an item of no known class is dropped.

The surviving candidates are readings of the name, decided by the same context cues as
the offline linker (:mod:`kg.link.cues`): the search's first hit gets a prior of 0.5, the
names of a candidate's country (P17, from the gazetteer) count as its cues, and the
table's common-word readings (الحرة "free") stay in the race. Two cities named طرابلس
and no cue to choose: no link.

Scores: 0.9 for a label match in the document's language, 0.85 for an alias or another
language, times 0.95 after stripping proclitics, times the ambiguity factor of
:func:`kg.link.gazetteer.link_score`; links under ``threshold`` (0.7) are dropped.

The client (:mod:`kg.link.wdclient`) caches every answer in SQLite, so a second run over
the same texts makes no request. Construction checks that Wikidata answers and raises
a one-line :class:`LinkerUnavailable` when it does not.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from ..errors import KGError
from ..model import Extraction, Link, Mention
from ..text import detect_lang
from .cues import (
    Context,
    Cues,
    Reading,
    compatible,
    decide,
    form_index,
    forms,
    with_extra_readings,
    words,
)
from .gazetteer import _DESIGNATORS, LINKABLE, _without_proclitics, link_score, match_key

log = logging.getLogger(__name__)

_QID = re.compile(r"Q[1-9][0-9]*")


class LinkerUnavailable(KGError):
    """An online linker cannot reach its service."""


@dataclass(frozen=True, slots=True)
class _Query:
    text: str  # what is sent to the search
    key: str  # its match key
    factor: float
    designators: tuple[str, ...] = ()


class WikidataLinker:
    """Links name mentions through the Wikidata API; see the module docstring."""

    name = "wikidata"

    def __init__(
        self,
        threshold: float = 0.7,
        client: Any = None,
        probe: bool = True,
        limit: int = 7,
        **client_options: Any,
    ) -> None:
        from .wdclient import WikidataClient, WikidataUnavailable

        self.threshold = threshold
        self.limit = limit
        self.client = client if client is not None else WikidataClient(**client_options)
        if probe:
            try:
                self.client.probe()
            except WikidataUnavailable as e:
                raise LinkerUnavailable(
                    f"the wikidata linker needs the network: {e}. Link offline with --linker gazetteer."
                ) from None

    # -- per mention ---------------------------------------------------------------------

    def queries(self, text: str, lang: str) -> list[_Query]:
        """What to search for a surface form: itself, then without proclitics or a designator.

        >>> [q.text for q in WikidataLinker(client=object(), probe=False).queries("وبغداد", "ar")]
        ['وبغداد', 'بغداد', 'غداد']
        >>> [q.text for q in WikidataLinker(client=object(), probe=False).queries("للولايات المتحدة", "ar")]
        ['للولايات المتحدة', 'الولايات المتحده', 'لولايات المتحده']
        """
        key = match_key(text)
        if not key:
            return []
        out = [_Query(text.strip(), key, 1.0)]
        if lang == "ar":
            # shortest proclitic first (و before وب), at most three tries, no stubs
            variants = sorted(
                _without_proclitics(key),
                key=lambda v: (
                    len(key)
                    - len(v)
                    + (
                        1
                        if v.startswith("ال") and not key[len(key) - len(v) :].startswith("ال")
                        else 0
                    )
                ),
            )
            out += [_Query(v, v, 0.95) for v in variants if len(v) >= 3][:3]
            head, _, rest = key.partition(" ")
            if rest and head in _DESIGNATORS:
                out.append(_Query(rest, rest, 0.9, (head,)))
        return out

    def readings(
        self, m: Mention, entity_cls: str, lang: str
    ) -> tuple[_Query, list[Reading], dict[str, float]] | None:
        """The candidates that bear the name and fit the class, as readings, with the
        score factor of each (None: no candidate)."""
        from .wdclient import WikidataError, classes_of

        for q in self.queries(m.text, lang):
            try:
                hits = self.client.search(q.text, lang, self.limit)
                if not hits:
                    continue
                items = self.client.entities([h.id for h in hits])
            except WikidataError as e:
                log.warning("wikidata: no link for %r: %s", m.text, e)
                return None
            out: list[Reading] = []
            factors: dict[str, float] = {}
            for rank, h in enumerate(hits):
                item = items.get(h.id)
                if item is None or item.missing:
                    continue
                names = {(lang_, match_key(n)) for lang_, n in item.names()}
                if q.key not in {n for _, n in names}:
                    continue  # a prefix or fuzzy hit: never a link
                try:
                    classes = classes_of(self.client, item)
                except WikidataError as e:
                    log.warning("wikidata: no class for %s: %s", item.id, e)
                    continue
                fitting = sorted(
                    c for c in classes if compatible(m.label, c) and compatible(entity_cls, c)
                )
                if not fitting:
                    continue
                cls = (
                    m.label
                    if m.label in fitting
                    else entity_cls
                    if entity_cls in fitting
                    else fitting[0]
                )
                in_label = match_key(item.labels.get(lang, "")) == q.key
                factor = q.factor * (0.9 if in_label else 0.85)
                out.append(
                    Reading(
                        item.id,
                        cls,
                        item.id,
                        item.labels.get("en", ""),
                        item.labels.get("ar", ""),
                        prior=0.5 if rank == 0 else 0.0,
                        cues=_country_cues(item.country),
                    )
                )
                factors[item.id] = factor
            if out:
                return q, out, factors
        return None

    def __call__(self, extraction: Extraction) -> tuple[Link, ...]:
        doc = extraction.analysed.doc
        lang = doc.lang if doc.lang in ("ar", "en") else detect_lang(doc.text)
        if lang not in ("ar", "en"):
            return ()
        sentences = {s.index: s for s in extraction.analysed.sentences}
        entity_cls = {e.key: e.cls for e in extraction.entities}
        doc_forms: dict[str, frozenset[str]] | None = None
        links: list[Link] = []
        for m in extraction.mentions:
            cls = entity_cls.get(m.entity, m.label)
            if m.kind != "name" or m.label not in LINKABLE or cls not in LINKABLE:
                continue
            found = self.readings(m, cls, lang)
            if found is None:
                continue
            q, readings, factors = found
            s = sentences.get(m.sentence)
            a, b = (
                (s.start, s.end)
                if s is not None and s.start <= m.start and m.end <= s.end
                else (0, len(doc.text))
            )
            if doc_forms is None:
                doc_forms = form_index(words(doc.text))
            ctx = Context.of_text(doc.text, m.start, m.end, (a, b), doc_forms)
            if q.designators:
                ctx = replace(ctx, left=(*q.designators, *ctx.left))
            all_readings = with_extra_readings(q.key, readings)
            decision = decide(q.key, all_readings, ctx, m.label)
            r = decision.reading
            if r is None or not r.qid:
                continue
            score = link_score(
                factors.get(r.qid, 0.85), decision.margin if len(all_readings) > 1 else float("inf")
            )
            if score >= self.threshold:
                links.append(Link(m.id, r.qid, score, self.name, r.label_en, r.label_ar))
        return tuple(links)


def _country_cues(countries: Iterable[str]) -> tuple[Cues, ...]:
    """The names of an item's countries (from the gazetteer) as cues for that item."""
    from ..lexicon.gazetteer import load

    by_qid = load().by_key
    names: set[str] = set()
    for c in countries:
        e = by_qid.get(c)
        if e is None:
            continue
        for n in e.names:
            k = match_key(n)
            if " " not in k:
                names.update(forms(k))
    return (Cues(near=frozenset(names)),) if names else ()


__all__ = ["LinkerUnavailable", "WikidataLinker"]
