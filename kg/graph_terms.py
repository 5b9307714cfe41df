"""The literals and IRI keys of the graph: readable slugs (or stable hashes) for IRIs,
language tags of names, and confidences as short decimals.

>>> _key("وزير الخارجية"), _key("x" * 50)[:1]
('وزير_الخارجيه', 'h')
>>> str(_decimal(0.8)), _qid_number("Q42"), _doc_lang("und", "Rex met Ali.")
('0.8', 42, 'en')
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, XSD

from .text import detect_lang, normalize, slug
from .vocab import KG, modality_iri, relation_iri

#: Longest slug an IRI key keeps; a longer text is keyed by a hash.
_MAX_SLUG = 40
_QID = re.compile(r"Q[1-9][0-9]*")


def _key(text: str) -> str:
    """A readable IRI key (the slug) or, for long or symbol-only text, a stable hash."""
    s = slug(text)
    if s == "_" or len(s) > _MAX_SLUG:
        return "h" + hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()[:12]
    return s


def _qid_number(qid: str) -> int:
    return int(qid[1:]) if _QID.fullmatch(qid) else 1 << 62


def _doc_lang(lang: str, text: str) -> str:
    if lang and lang != "und":
        return lang
    guess = detect_lang(text)
    return "" if guess == "und" else guess


def _label_lang(doc_lang: str, label: str) -> str:
    """Names take the document's language; without one, the script of the name decides."""
    return doc_lang or _doc_lang("", label)


def _lit(text: str, lang: str) -> Literal:
    return Literal(text, lang=lang or None)


@lru_cache(maxsize=1 << 14, typed=True)
def _int(n: int) -> Literal:
    """An xsd:integer literal, made once per value: offsets and indexes recur from
    fact to fact and from document to document, and making a Literal costs a few
    microseconds of rdflib's checks each time.

    >>> _int(7) is _int(7), _int(7).n3()
    (True, '"7"^^<http://www.w3.org/2001/XMLSchema#integer>')
    """
    return Literal(n)


@lru_cache(maxsize=1 << 10)
def _plain(text: str) -> Literal:
    """A plain literal of a short text that recurs (an extractor's or analyser's name)."""
    return Literal(text)


@lru_cache(maxsize=1 << 12)
def _decimal(x: float) -> Literal:
    """A confidence as xsd:decimal with at most 4 digits: stable text, no float noise."""
    s = f"{float(x):.4f}".rstrip("0")
    return Literal(s + "0" if s.endswith(".") else s, datatype=XSD.decimal)


class T:
    """The IRIs the graph writes on every document, made once: rdflib's namespace
    attributes make a new URIRef at each look-up.

    >>> T.TYPE == RDF.type, T.INDEX == KG["index"]
    (True, True)
    """

    TYPE = RDF.type
    LABEL = RDFS.label
    ALIAS = KG.alias
    VALUE = KG.value
    SENTENCE = KG.Sentence
    TEXT = KG.text
    PART_OF = DCTERMS.isPartOf
    INDEX: URIRef = KG["index"]  # annotated, or mypy reads KG[...] as a generic type
    START = KG.start
    END = KG.end
    SAME_AS = OWL.sameAs
    MENTIONED_IN = KG.mentionedIn
    STATEMENT = RDF.Statement
    FACT = KG.Fact
    SUBJECT = RDF.subject
    PREDICATE = RDF.predicate
    OBJECT = RDF.object
    DERIVED_FROM = PROV.wasDerivedFrom
    EVIDENCE = KG.evidence
    EVIDENCE_START = KG.evidenceStart
    EVIDENCE_END = KG.evidenceEnd
    CONFIDENCE = KG.confidence
    EXTRACTOR = KG.extractor
    ANALYSER = KG.analyser
    MODALITY = KG.modality


@lru_cache(maxsize=64)
def _modality(modality: str) -> URIRef:
    return modality_iri(modality)


@lru_cache(maxsize=1 << 12)
def _relation(relation: str, lemma: str) -> URIRef:
    """A relation's predicate IRI, made once per relation (an open one per lemma)."""
    return URIRef(str(relation_iri(relation, lemma)))
