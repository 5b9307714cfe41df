"""The offline gazetteer linker.

Looks a mention up in the packaged gazetteer after Arabic normalisation and clitic
stripping (وبغداد, لواشنطن), English names too. Candidates must fit the mention's
class; an ambiguous name (عمان: Oman or Amman) is decided by class and by cue words
around it, and left unlinked when the cues do not settle it. A link's score is 1.0 for
an exact unambiguous name, less after clitic stripping or disambiguation; links below
``threshold`` are dropped.
"""

from __future__ import annotations

from .. import gazetteer
from ..model import Extraction, Link, Mention
from ..text import normalize

_PLACE = {"Country", "City", "Region", "Place"}
_LINKABLE = {"Person", "Organization", "Group", "Country", "City", "Region", "Place", "Position", "Event", "Thing"}
_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل")
#: Words near a name that point to one class of an ambiguous name.
_CUES = {
    "City": {normalize(w) for w in "مدينة العاصمة عاصمة بلدية شوارع وسط".split()},
    "Country": {normalize(w) for w in "سلطنة دولة بلاد مملكة جمهورية حكومة شعب".split()},
}


def _compatible(mention_cls: str, entry_cls: str) -> bool:
    if mention_cls == entry_cls:
        return True
    if mention_cls in _PLACE and entry_cls in _PLACE:
        return True
    return mention_cls in ("Thing", "Group") and entry_cls in ("Organization",)


class GazetteerLinker:
    name = "gazetteer"

    def __init__(self, threshold: float = 0.6) -> None:
        self.threshold = threshold
        self.gaz = gazetteer.load()

    def candidates(self, text: str) -> tuple[list[gazetteer.Entry], float]:
        """Entries for a surface form, and the score factor of how it matched."""
        n = normalize(text)
        found = self.gaz.index.get(n)
        if found:
            return found, 1.0
        for pre in _PROCLITICS:
            if n.startswith(pre) and len(n) - len(pre) >= 2:
                rest = n[len(pre) :]
                found = self.gaz.index.get(rest) or (self.gaz.index.get("ا" + rest) if pre.endswith("ل") and rest.startswith("ل") else None)
                if found:
                    return found, 0.9
        return [], 0.0

    def link_mention(self, m: Mention, context: str) -> Link | None:
        if m.label not in _LINKABLE or m.kind not in ("name", "nominal"):
            return None
        entries, factor = self.candidates(m.text)
        entries = [e for e in entries if e.qid and _compatible(m.label, e.cls)]
        if not entries:
            return None
        score = factor
        if len(entries) > 1:
            exact = [e for e in entries if e.cls == m.label]
            if len(exact) == 1 and m.label not in _PLACE:
                entries, score = exact, factor * 0.9
            else:
                entries, score = self._by_context(entries, context), factor * 0.8
        if len(entries) != 1 or score < self.threshold:
            return None
        e = entries[0]
        return Link(m.id, e.qid, round(score, 3), self.name, e.label_en, e.label_ar)

    def _by_context(self, entries: list[gazetteer.Entry], context: str) -> list[gazetteer.Entry]:
        words = set(normalize(context).split())
        votes = {cls: len(words & cues) for cls, cues in _CUES.items()}
        if votes["City"] == votes["Country"]:
            return entries
        want = "City" if votes["City"] > votes["Country"] else "Country"
        return [e for e in entries if e.cls == want]

    def __call__(self, extraction: Extraction) -> tuple[Link, ...]:
        doc = extraction.analysed.doc
        sentences = {s.index: s for s in extraction.analysed.sentences}
        links = []
        for m in extraction.mentions:
            s = sentences.get(m.sentence)
            context = doc.text[max(s.start if s else 0, m.start - 60) : m.end + 60]
            link = self.link_mention(m, context)
            if link is not None:
                links.append(link)
        return tuple(links)


class NoLinker:
    """Links nothing (``--linker none``)."""

    name = "none"

    def __call__(self, extraction: Extraction) -> tuple[Link, ...]:
        return ()
