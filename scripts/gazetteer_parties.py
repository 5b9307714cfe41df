"""Parties and movements of the region from Party Facts, with Wikidata's QIDs.

Party Facts (github ``hdigital/partyfactsdata``, MIT licence) links the parties of the
social-science datasets to their English Wikipedia pages; its file
``import/wikipedia/wikidata.csv`` gives, per party, the Wikidata item of the page
(``wikidata_id``, the page's ``wikibase_item`` as wptools reads it), the English name and
the native name of the page's infobox (``name_native``). ``extract`` keeps the parties of
the Arab League states, with their native name when it is written in Arabic letters only
(Persian, Kurdish and Urdu names, and names with vowel marks, are left out), and writes
``gazetteer_sources/partyfacts_parties.tsv``; ``build_gazetteer.py build`` turns them into
Organization rows with the rules of the other parties (``gazetteer_orgs.org_rows``), and
one more: a name made only of the words parties of many countries bear (``GENERIC_WORDS``:
الحزب الوطني الديمقراطي, الجبهة الشعبية المتحدة) is left out unless it names the party's own
country (الحزب الشيوعي العراقي). Two rows whose name and item disagree are left out by
hand, with the reason (``LEFT_OUT``). A party without an Arabic name makes no row; its
QID goes to the curated row without one whose English label is the party's (Hamas).

    python scripts/build_gazetteer.py extract-orgs \\
        --partyfacts wikidata.csv=hdigital/partyfactsdata@80e6a1b:import/wikipedia/wikidata.csv

>>> iso2("LBN"), iso2("FRA")
('LB', '')
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

#: Licence of the rows, as the provenance file states it.
LIC_PF = (
    "MIT (Party Facts, hdigital/partyfactsdata); the QID is Wikidata's item of the party's "
    "English Wikipedia page (CC0), the Arabic name that page's infobox native name "
    "(English Wikipedia, CC BY-SA 4.0)"
)
#: The countries kept, ISO 3166 alpha-3 -> alpha-2: the Arab League states.
_ARAB_LEAGUE = {
    "DZA": "DZ",
    "BHR": "BH",
    "COM": "KM",
    "DJI": "DJ",
    "EGY": "EG",
    "IRQ": "IQ",
    "JOR": "JO",
    "KWT": "KW",
    "LBN": "LB",
    "LBY": "LY",
    "MRT": "MR",
    "MAR": "MA",
    "OMN": "OM",
    "PSE": "PS",
    "QAT": "QA",
    "SAU": "SA",
    "SOM": "SO",
    "SDN": "SD",
    "SYR": "SY",
    "TUN": "TN",
    "ARE": "AE",
    "YEM": "YE",
}
_AR_ONLY = re.compile(r"^[\u0621-\u064A ]+$")
_QID = re.compile(r"^Q[1-9]\d*$")
COLUMNS = ("qid", "label_en", "names_ar", "country", "group", "source")
HEADER = """\
# Political parties and movements of the Arab League states with their Wikidata QIDs, from
# Party Facts (github hdigital/partyfactsdata, MIT licence), file import/wikipedia/wikidata.csv:
# per party, the Wikidata item of its English Wikipedia page (wikidata_id, the page's
# wikibase_item) and the page's infobox native name (name_native: English Wikipedia text,
# CC BY-SA 4.0), kept when written in Arabic letters alone (else names_ar is empty: such a party
# only gives its QID to the curated row of its English label). group = partyfacts_id.
# Written by `build_gazetteer.py extract-orgs --partyfacts PATH=SOURCE` (scripts/gazetteer_parties.py)."""


def iso2(code: str) -> str:
    """The two-letter code of an Arab League state's three-letter one, "" for others."""
    return _ARAB_LEAGUE.get(code, "")


def extract(path: Path, source: str, dest: Path) -> None:
    """Rewrite ``partyfacts_parties.tsv`` from Party Facts' ``wikidata.csv``."""
    from build_gazetteer import write_tsv

    out = []
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            native = " ".join((r.get("name_native") or "").replace("\u0640", "").split())
            cc = iso2(r.get("country") or "")
            qid = r.get("wikidata_id") or ""
            if not cc or not _QID.match(qid) or qid in LEFT_OUT:
                continue
            # a party without an Arabic name only gives its QID to a curated row of its label
            names = native if native and _AR_ONLY.match(native) else ""
            out.append([qid, r["name"], names, cc, r["partyfacts_id"], source])
    target = dest / "partyfacts_parties.tsv"
    write_tsv(target, COLUMNS, sorted({tuple(x): x for x in out}.values()))
    target.write_text(HEADER + "\n" + target.read_text(encoding="utf-8"), encoding="utf-8")


#: The words of the names that parties of many countries bear in Arabic translation
#: (compared normalised, as kg.text.normalize writes them): a party's name made of
#: these alone (الحزب الوطني الديمقراطي, الجبهة الشعبية المتحدة, حزب الحرية والعدالة) is
#: no one party's name unless it names its country.
GENERIC_WORDS = frozenset(
    """حزب الحزب حركة الحركة تيار التيار جبهة الجبهة اتحاد الاتحاد تحالف التحالف تجمع
    التجمع ائتلاف الائتلاف مؤتمر المؤتمر منظمة المنظمة كتلة الكتلة جمعية الجمعية تنظيم
    التنظيم الوطني الوطنيه الوطنيين الديمقراطي الديمقراطيه الديموقراطي الديموقراطيه
    الشعبي الشعبيه الشعب الاشتراكي الاشتراكيه الاشتراكيين الاجتماعي الاجتماعيه المتحده
    المتحد التقدمي التقدميه التقدم الوحدوي الوحدويه الوحدويين الاتحادي الليبرالي الاحرار
    الحر الحره الجمهوري الجمهوريه العربي العربيه العرب الاسلامي الاسلاميه القومي القوميه
    الوسطي العام الجديد الجديده الوطن الاصلاح التنميه الحريه العداله العمل التغيير
    التحرير الشعبيه المستقل المستقله من اجل في""".split()
)
#: Rows of the source left out, by QID, with the reason (read by a person, not guessed).
LEFT_OUT = {
    "Q748617": "the Wafd of 1919-1952: today's «حزب الوفد» is the New Wafd (Q767012)",
    "Q4783205": "Arab Liberation Party, whose infobox names تيار الكرامة, another party's name",
}


def generic_name(name: str) -> bool:
    """Whether every word of a (normalised) party name is a word of :data:`GENERIC_WORDS`,
    a proclitic و or ل before one allowed.

    >>> generic_name("الحزب الوطني الديمقراطي"), generic_name("حزب الحريه و العداله")
    (True, True)
    >>> generic_name("جماعه الاخوان المسلمين"), generic_name("حزب الدعوه الاسلاميه")
    (False, False)
    """
    generic = _generic_words()
    for w in name.split():
        bare = w[1:] if w[:1] in "ول" and w[1:] in generic else w
        bare = "ال" + bare[2:] if w.startswith("لل") else bare
        if bare not in generic and w != "و":
            return False
    return True


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """:data:`GENERIC_WORDS` as kg.text.normalize writes them (المؤتمر -> الموتمر)."""
    from kg.text import normalize

    return frozenset(normalize(w) for w in GENERIC_WORDS)
