"""A small archive for the explorer's tests: two dated documents from two outlets, a person
linked to Wikidata with an English alias, facts with their evidence, one reported as
planned (kg:modality), a name that is an HTML attack, and a served endpoint over it.

The sentences are made up for these tests.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, XSD

KG = Namespace("https://w3id.org/kg-builder/ontology#")
R = "https://w3id.org/kg-builder/resource/"
WD = Namespace("http://www.wikidata.org/entity/")
HOSTILE = '<img src=x onerror="window.__pwned=1">'

PERSON = URIRef(R + "Person/samir")
MINISTRY = URIRef(R + "Organization/ministry")
CITY = URIRef(R + "City/mosul")
EVENT = URIRef(R + "doc/d1/event/forum")
ODD = URIRef(R + "Thing/odd")

#: (document id, headline, outlet, date, url, sentences, facts); a fact is
#: (subject, relation, object, sentence index, evidence words, modality)
DOCS = [
    (
        "d1",
        "الوزير يفتتح منتدى الاستثمار",
        "وكالة المثال",
        "2024-03-05",
        "https://news.example/d1",
        [
            "افتتح سمير الحداد منتدى الاستثمار في الموصل صباح الثلاثاء.",
            "وقال الحداد إن الوزارة ستدعم المشاريع الصغيرة.",
        ],
        [
            (PERSON, KG.opened, EVENT, 0, "افتتح سمير الحداد منتدى الاستثمار", None),
            (EVENT, KG.location, CITY, 0, "منتدى الاستثمار في الموصل", None),
            (PERSON, KG.memberOf, MINISTRY, 1, "الحداد إن الوزارة", None),
        ],
    ),
    (
        "d2",
        "زيارة مرتقبة إلى الموصل",
        "صحيفة النموذج",
        "2024-06-20",
        "https://news.example/d2",
        [
            "ومن المقرر أن يزور سمير الحداد مدينة الموصل الأسبوع المقبل.",
            "وانتقد الحداد ما وصفه بالتأخير.",
        ],
        [
            (PERSON, KG.visited, CITY, 0, "يزور سمير الحداد مدينة الموصل", "planned"),
            (PERSON, KG.criticized, ODD, 1, "وانتقد الحداد", None),
        ],
    ),
]

NAMES = {
    PERSON: ("Person", [("سمير الحداد", "ar"), ("Samir al-Haddad", "en")], ["الحداد"]),
    MINISTRY: ("Organization", [("وزارة التخطيط", "ar")], []),
    CITY: ("City", [("الموصل", "ar"), ("Mosul", "en")], ["مدينة الموصل"]),
    EVENT: ("Event", [("منتدى الاستثمار", "ar")], []),
    ODD: ("Thing", [(HOSTILE, "ar")], []),
}


def archive() -> Dataset:
    """The archive as a dataset, one named graph per document (as ``kg build`` writes it)."""
    ds = Dataset()
    for doc_id, headline, outlet, date, url, sentences, facts in DOCS:
        doc = URIRef(R + "doc/" + doc_id)
        g = ds.graph(doc)
        g.add((doc, RDF.type, KG.Document))
        g.add((doc, DCTERMS.identifier, Literal(doc_id)))
        g.add((doc, DCTERMS.source, Literal(doc_id + ".txt")))
        g.add((doc, DCTERMS.language, Literal("ar")))
        g.add((doc, SDO.headline, Literal(headline)))
        g.add((doc, SDO.publisher, Literal(outlet)))
        g.add((doc, SDO.datePublished, Literal(date, datatype=XSD.date)))
        g.add((doc, SDO.url, URIRef(url)))
        starts, pos = [], 0
        for i, text in enumerate(sentences):
            s = URIRef(f"{doc}/s/{i}")
            starts.append(pos)
            g.add((s, RDF.type, KG.Sentence))
            g.add((s, KG.text, Literal(text, lang="ar")))
            g.add((s, DCTERMS.isPartOf, doc))
            g.add((s, KG["index"], Literal(i)))
            g.add((s, KG.start, Literal(pos)))
            g.add((s, KG.end, Literal(pos + len(text))))
            for e in NAMES:
                if any(n in text for n, _ in NAMES[e][1]) or any(a in text for a in NAMES[e][2]):
                    g.add((e, KG.mentionedIn, s))
            pos += len(text) + 1
        for n, (subj, rel, obj, si, words, modality) in enumerate(facts):
            f = URIRef(f"{doc}/fact/{n}")
            at = starts[si] + sentences[si].index(words)
            g.add((f, RDF.type, RDF.Statement))
            g.add((f, RDF.type, KG.Fact))
            g.add((f, RDF.subject, subj))
            g.add((f, RDF.predicate, rel))
            g.add((f, RDF.object, obj))
            g.add((f, PROV.wasDerivedFrom, URIRef(f"{doc}/s/{si}")))
            g.add((f, KG.evidence, Literal(words, lang="ar")))
            g.add((f, KG.evidenceStart, Literal(at)))
            g.add((f, KG.evidenceEnd, Literal(at + len(words))))
            g.add((f, KG.confidence, Literal(0.9)))
            if modality:
                g.add((f, KG.modality, Literal(modality)))
            else:
                g.add((subj, rel, obj))
    shared = ds.graph(URIRef(R + "shared"))
    for e, (cls, labels, aliases) in NAMES.items():
        shared.add((e, RDF.type, KG[cls]))
        for text, tag in labels:
            shared.add((e, RDFS.label, Literal(text, lang=tag)))
        for text in aliases:
            shared.add((e, KG.alias, Literal(text, lang="ar")))
    shared.add((PERSON, OWL.sameAs, WD.Q4115189))
    return ds


def write_archive(folder: Path) -> Path:
    path = folder / "archive.trig"
    archive().serialize(path, format="trig")
    return path


@contextmanager
def serving(path: Path) -> Iterator[str]:
    """``kg serve`` of ``path`` on a free loopback port, in this process; yields its URL."""
    from kg.server import Endpoint, Limits, free_port

    with Endpoint(path, port=free_port(), limits=Limits(workers=1)) as endpoint:
        thread = threading.Thread(target=endpoint.serve_forever, daemon=True)
        thread.start()
        yield endpoint.url
