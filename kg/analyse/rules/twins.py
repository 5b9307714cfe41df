"""Readings the attested lexicon lacks but a twin form of the same word has.

The lexicon (``kg/data/ar_lexicon.tsv.gz``) lists, for each word form, the analyses seen in
a corpus; a form seen in one use exists in the others. Each function here takes a form,
its raw lexicon readings (``raw``) and the lexicon's forms, and returns readings in the
lexicon's raw format (``;``-separated chunks of comma-separated fields) taken from a
twin: the form with the article, without the conjunction, without the feminine ت, or
with the masculine ي of a present verb.

>>> from kg.analyse.rules.morph import _lexicon
>>> forms = _lexicon()[0]
>>> conjunction_twin("وكلفه", forms["وكلفه"], forms) != ""
True
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "conjunction_twin",
    "definite_twin",
    "feminine_dual_twin",
    "final_ya_twin",
    "present_twin",
    "nisba_dual",
    "verb_of_name",
]


def definite_twin(form: str, raw: str | None, forms: Mapping[str, str]) -> str | None:
    """The noun readings of a form the lexicon lists only as a verb, taken from its twin
    with the article (تحمل: only تَحَمَّلَ, يحمل; التحمل: the verbal noun تَحَمُّل), the article
    dropped: the lexicon lists the analyses seen in a corpus, and a verbal noun seen with
    the article exists without it (على تحمل المسؤولية, قبل تشكل الحكومة)."""
    if form.startswith("ال"):
        return None
    twin = forms.get("ال" + form)
    if twin is None or (raw and any(c.split(",")[2] == "N" for c in raw.split(";"))):
        return None
    out = []
    for chunk in twin.split(";"):
        f = chunk.split(",")
        if f[0] == "ال" and f[2] == "N" and f[3] != "prop" and not f[9]:
            out.append(",".join(["", *f[1:]]))
    return ";".join(out) or None


def verb_of_name(form: str, raw: str | None, forms: Mapping[str, str]) -> str:
    """The feminine past reading of a form the lexicon lists only as a proper noun when the
    form without its ت is a past verb (حكمت: the name Hikmat, and حكمت المحكمة «the court
    ruled»; رفعت and مدحت are listed as verbs already): the lexicon lists the analyses seen
    in a corpus, and a verb seen in the masculine exists in the feminine.

    >>> from kg.analyse.rules.morph import _lexicon
    >>> forms = _lexicon()[0]
    >>> verb_of_name("حكمت", forms["حكمت"], forms).split(",")[1:7]
    ['حَكَمَ', 'V', '', 'past', 'act', '3fs']
    >>> verb_of_name("محمد", forms["محمد"], forms)
    ''
    """
    if not raw or len(form) < 4 or not form.endswith("ت"):
        return ""
    if any(c.split(",")[3] != "prop" for c in raw.split(";")):
        return ""
    for chunk in (forms.get(form[:-1]) or "").split(";"):
        f = chunk.split(",")
        if (
            len(f) == 11
            and not f[0]
            and f[2] == "V"
            and f[4:7] == ["past", "act", "3ms"]
            and not f[9]
        ):
            f[6] = "3fs"
            return ",".join(f)
    return ""


def conjunction_twin(form: str, raw: str | None, forms: Mapping[str, str]) -> str:
    """The verb readings of a form after و or ف that the lexicon lists only as a verbal
    noun with a pronoun suffix, taken from the form without the conjunction (وكلفه: only
    the noun كَلَف with و; كلفه: the verb كَلَّفَ with its object), the conjunction put
    back: the lexicon lists the analyses seen in a corpus, and a verb seen bare is the
    same verb after و.

    >>> from kg.analyse.rules.morph import _lexicon
    >>> forms = _lexicon()[0]
    >>> from kg.text import strip_diacritics
    >>> [strip_diacritics(c.split(",")[1]) for c in conjunction_twin("وكلفه", forms["وكلفه"], forms).split(";")][:1]
    ['كلف']
    """
    if form[:1] not in ("و", "ف"):
        return ""
    listed = [c.split(",") for c in (raw or "").split(";") if c]
    if not listed:
        return ""
    if not all(f[2] == "N" and f[3] == "vn" and f[9] for f in listed):
        return ""  # only a verbal noun with a pronoun suffix (وكلفه): وملك stays the king
    twin = forms.get(form[1:])
    if twin is None:
        return ""
    out = []
    for chunk in twin.split(";"):
        f = chunk.split(",")
        if f[2] == "V" and f[0] in ("", "س"):
            out.append(",".join([form[0] + f[0], *f[1:]]))
    return ";".join(out)


def feminine_dual_twin(form: str, raw: str | None, forms: Mapping[str, str]) -> str:
    """The present readings of a dual verb in ت (تفعلان: they two, feminine, do) taken from
    its twin in ي (يفعلان) where the lexicon lists no verb of that lemma for the form
    itself (توقعان: only أوقع and the noun توقع; يوقعان: وقّع), person 3fd: the lexicon
    lists the analyses seen in a corpus, and a verb seen in the masculine dual exists in
    the feminine (مصر والأردن توقعان اتفاقية). Weak first radicals (وقّع, وجّه, ودّع) are
    where a ت form is most often taken for another verb.

    >>> from kg.analyse.rules.morph import _lexicon
    >>> forms = _lexicon()[0]
    >>> from kg.text import strip_diacritics
    >>> f = feminine_dual_twin("توقعان", forms["توقعان"], forms).split(",")
    >>> strip_diacritics(f[1]), f[2], f[4:7]
    ('وقع', 'V', ['pres', 'act', '3fd'])
    >>> feminine_dual_twin("تبحثان", forms["تبحثان"], forms)
    ''
    """
    if len(form) < 5 or not form.startswith("ت") or not form.endswith("ان"):
        return ""
    listed = {f[1] for c in (raw or "").split(";") if c for f in [c.split(",")] if f[2] == "V"}
    out = []
    for chunk in (forms.get("ي" + form[1:]) or "").split(";"):
        f = chunk.split(",")
        if len(f) == 11 and not f[0] and f[2] == "V" and f[4] == "pres" and f[6] == "3d":
            if f[1] not in listed:
                out.append(",".join([*f[:6], "3fd", *f[7:]]))
    return ";".join(out)


#: Letters that open a present verb of the third person or of "we" (يلتقي، تلتقي، نلتقي);
#: not أ, which opens the past of the fourth form (أعفى، أجرى، ألقى) as often.
PRESENT_PREFIXES = frozenset("يتن")


def final_ya_twin(form: str, raw: str | None, forms: Mapping[str, str]) -> str:
    """The active present readings of a verb ending in ى that the lexicon lists only as a
    passive (يلتقى: only يُلتقى), taken from its twin in ي (يلتقي): much print, Egyptian
    above all, writes a final ي as ى, and the active is what news tells (سيلتقى الوزير
    مع نظيره: he will meet him). A form listed with another verb reading of its own (يبقى،
    يرى، يسعى active; تلقى past) keeps its readings.

    >>> from kg.analyse.rules.morph import _lexicon
    >>> forms = _lexicon()[0]
    >>> from kg.text import strip_diacritics
    >>> f = final_ya_twin("يلتقى", forms["يلتقى"], forms).split(",")
    >>> strip_diacritics(f[1]), f[2], f[4:7]
    ('التقى', 'V', ['pres', 'act', '3ms'])
    >>> final_ya_twin("يبقى", forms["يبقى"], forms)
    ''
    """
    if len(form) < 4 or not form.endswith("ى") or form[0] not in PRESENT_PREFIXES:
        return ""
    verbs = [f for c in (raw or "").split(";") if c for f in [c.split(",")] if f[2] == "V"]
    if not verbs or any(f[4] != "pres" or f[5] != "pass" for f in verbs):
        return ""  # (only a present passive: a past or an active reading is the word's own)
    out = []
    for chunk in (forms.get(form[:-1] + "ي") or "").split(";"):
        f = chunk.split(",")
        if len(f) == 11 and not f[0] and f[2] == "V" and f[4] == "pres" and f[5] == "act":
            out.append(chunk)
    return ";".join(out)


def present_twin(form: str, raw: str | None, forms: Mapping[str, str]) -> str:
    """The present readings a form lacks but a twin spelling has: a dual in ت from its
    twin in ي (:func:`feminine_dual_twin`), or a final ى from its twin in ي
    (:func:`final_ya_twin`). One form is never both (the one ends in ان, the other in ى)."""
    return feminine_dual_twin(form, raw, forms) or final_ya_twin(form, raw, forms)


#: The fewest letters of a nisba dual read from its singular: a stem of four letters or
#: more (مالي, تركي, أمريكي); a shorter one is as often the end of a foreign name.
NISBA_DUAL_LETTERS = 6


def nisba_dual(form: str, raw: str | None, forms: Mapping[str, str]) -> str:
    """The dual readings of a relative adjective the lexicon lists only in the singular
    (ماليان, أمريكيان: مالي, أمريكي), from that singular: the lexicon lists the forms
    seen in a corpus, and a nisba seen alone has its dual (جنديان ماليان, two Malian
    soldiers, not a name).

    >>> from kg.analyse.rules.morph import _lexicon
    >>> forms = _lexicon()[0]
    >>> nisba_dual("ماليان", forms.get("ماليان"), forms).split(",")[1:9]
    ['مَالِيّ', 'N', 'nisba', '', '', '', 'm', 'd']
    >>> nisba_dual("سفيان", forms.get("سفيان"), forms), nisba_dual("بريان", forms.get("بريان"), forms)
    ('', '')
    """
    if raw or not form.endswith("يان") or len(form) < NISBA_DUAL_LETTERS:
        return ""  # (بريان is Brian, not two of بري)
    out = []
    for chunk in (forms.get(form[:-2]) or "").split(";"):
        f = chunk.split(",")
        if len(f) == 11 and not f[0] and f[3] == "nisba" and f[7:9] == ["m", "s"] and not f[9]:
            out.append(",".join([*f[:8], "d", "", "0"]))
    return ";".join(out)
