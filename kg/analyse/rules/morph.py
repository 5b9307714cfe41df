"""Arabic word analysis out of context: every plausible segmentation and reading.

Sources, in order of trust:

1. closed-class words (``kg/data/ar/function_words.tsv``, read in closed.py), alone or
   with the conjunction و/ف, a preposition ب/ل/ك and a pronoun suffix (وفي, بأن, عليه);
2. the attested lexicon (``kg/data/ar_lexicon.tsv.gz``, built from farahidi by
   ``scripts/build_ar_lexicon.py``): readings whose lemma was seen with that very form
   in a corpus;
3. farahidi's full analysis for forms the lexicon lacks (cached per form);
4. a proper-noun reading for words nothing knows (foreign names).

Segmentation follows UD Arabic (PADT): the conjunctions و ف, the prepositions ب ل ك,
the future marker س and pronoun suffixes are words of their own; the article ال stays
on its noun. Offsets of the parts index the surface form, so tokens keep exact
character spans.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache
from importlib.resources import files

from ...text import normalize, strip_diacritics
from .blocks import gunzip
from .closed import function_readings, function_words
from .farahidi_cache import farahidi_analyse
from .lexicon_forms import sorted_forms
from .lexicon_text import read_lexicon, split_lexicon
from .parts import (
    CLITIC_PARTS,
    PRON_LEMMA,
    PRON_SUFFIX,
    SUFFIXES,
    Part,
    Reading,
    clitic_letters,
    letter_index,
    letter_index_from_end,
    rescored,
)
from .twins import (
    conjunction_twin,
    definite_twin,
    nisba_dual,
    present_twin,
    verb_of_name,
)

__all__ = [
    "Part",
    "Reading",
    "analyse_word",
    "common_shape",
    "function_words",
    "known_form",
    "listed_form",
    "listed_noun",
    "proper_noun_reading",
    "shape_reading",
]

# ----------------------------------------------------------------- the lexicon


@lru_cache(maxsize=1)
def _lexicon() -> tuple[Mapping[str, str], dict[str, float]]:
    """Form -> raw readings string, and lemma -> corpus weight. Parsed lazily per form."""
    # decompressed at once, the forms found in the text (lexicon_forms), not made a dict
    data = gunzip(files("kg").joinpath("data/ar_lexicon.tsv.gz").read_bytes())
    found = sorted_forms(data)
    if found is not None:
        return found
    text = data.decode("utf-8")
    return split_lexicon(text) or read_lexicon(text)


def known_form(form: str) -> bool:
    """Whether the attested lexicon lists this undiacritised form."""
    return strip_diacritics(form) in _lexicon()[0]


def listed_form(surface: str) -> bool:
    """Whether the attested lexicon lists the word as :func:`analyse_word` looks it up
    (diacritics and tatweel aside). Only such a word has a reading of the lexicon's own
    (source ``lex``) other than a listed noun, so a caller asking for those alone need not
    have farahidi analyse the rest.

    >>> listed_form("وزيـر"), listed_form("ستولتنبرغ")
    (True, False)
    """
    return strip_diacritics(surface).replace("\u0640", "") in _lexicon()[0]


def listed_noun(surface: str) -> bool:
    """Whether the word is a noun of the listed-noun table as it stands (دولار), the other
    source of the lexicon's own readings (``lex``) for a word without clitics."""
    return strip_diacritics(surface) in _listed_nouns()


# ----------------------------------------------------------------- analysis


def _pro_parts(surface: str, pro: str) -> tuple[list[Part], int]:
    """Split proclitic letters (without the article) off ``surface``; returns parts and stem start."""
    letters = pro[:-2] if pro.endswith("ال") else pro
    if pro in ("لل",):  # ل + ال written لل: the preposition is one letter
        letters = "ل"
    parts: list[Part] = []
    pos = 0
    for k, ch in enumerate(letters):
        if ch not in CLITIC_PARTS:
            return [], 0
        upos, lemma, feats, tag = CLITIC_PARTS[ch]
        if ch == "ل" and k == len(letters) - 1 and pro == "ل":
            tag = "prep"
        end = letter_index(surface, k + 1)
        parts.append(Part(pos, end, upos, lemma, feats, tag))
        pos = end
    return parts, pos


def _enc_part(surface: str, enc: str) -> tuple[Part | None, int]:
    if not enc:
        return None, len(surface)
    start = letter_index_from_end(surface, len(enc))
    return Part(
        start,
        len(surface),
        "PRON",
        PRON_LEMMA.get(enc, enc),
        PRON_SUFFIX.get(enc, "_") + "|PronType=Prs",
        "pron",
    ), start


_POS_UPOS = {"V": "VERB", "N": "NOUN", "A": "ADJ", "PN": "PROPN", "F": "X"}


@lru_cache(maxsize=4096)
def _noun_feats(gender: str, number: str, definite: bool) -> str:
    f = []
    if definite:
        f.append("Definite=Def")
    if gender:
        f.append("Gender=" + ("Masc" if gender == "m" else "Fem"))
    if number:
        f.append("Number=" + {"s": "Sing", "d": "Dual", "p": "Plur"}[number])
    return "|".join(f) or "_"


@lru_cache(maxsize=4096)
def _verb_feats(tense: str, voice: str, person: str) -> str:
    f = []
    if tense:
        f.append("Aspect=" + {"past": "Perf", "pres": "Imp", "imp": "Imp"}[tense])
    if person:
        p, rest = person[0], person[1:]
        g = {"m": "Masc", "f": "Fem"}.get(rest[:1])
        n = {"s": "Sing", "p": "Plur", "d": "Dual"}.get(rest[-1:])
        if g:
            f.append("Gender=" + g)
        if tense == "imp":
            f.append("Mood=Imp")
        if n:
            f.append("Number=" + n)
        f.append("Person=" + p)
    if voice:
        f.append("Voice=" + ("Act" if voice == "act" else "Pass"))
    return "|".join(f) or "_"


_ADJ_TYPES = {"nisba", "ap", "pp", "adj", "elative"}


@lru_cache(maxsize=1)
def _adjective_lemmas() -> frozenset[str]:
    """Adjectives the lexicon types as plain nouns (جديد, آخر): kg/data/ar/adjectives.txt."""
    text = files("kg").joinpath("data/ar/adjectives.txt").read_text(encoding="utf-8")
    return frozenset(normalize(x) for x in text.splitlines() if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=1)
def _listed_nouns() -> dict[str, tuple[str, str]]:
    """Common nouns the lexicon lacks or types as names (currencies, units): form -> (number,
    gender), from kg/data/ar/nouns.tsv."""
    text = files("kg").joinpath("data/ar/nouns.tsv").read_text(encoding="utf-8")
    rows = [x.split("\t") for x in text.splitlines() if x.strip() and not x.startswith("#")]
    return {r[0]: (r[1], r[2]) for r in rows}


#: Proclitics before a listed noun, longest first: و/ف, then ب/ل/ك, then the article.
_NOUN_PROCLITICS = tuple(
    sorted(
        {c + p + a for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك") for a in ("", "ال")}
        | {c + "لل" for c in ("", "و", "ف")},
        key=len,
        reverse=True,
    )
)


#: :data:`_NOUN_PROCLITICS` by the letter a word starts with: those it may start with, in
#: the same order, the empty one last.
_NOUN_PROCLITICS_AT = {
    c: tuple(p for p in _NOUN_PROCLITICS if p[:1] in ("", c))
    for c in {p[0] for p in _NOUN_PROCLITICS if p}
}


def _listed_noun_readings(surface: str, bare: str) -> list[Reading]:
    """A listed noun (:func:`_listed_nouns`: دولار, برميل), alone or after و/ف, ب/ل/ك and the
    article (بالدولار, وبرميل)."""
    listed = _listed_nouns()
    for pro in _NOUN_PROCLITICS_AT.get(bare[:1], ("",)):
        if not bare.startswith(pro) or bare[len(pro) :] not in listed:
            continue
        stem = bare[len(pro) :]
        number, gender = listed[stem]
        definite = pro.endswith(("ال", "لل"))
        letters = pro.removesuffix("ال") if pro.endswith("ال") else pro
        letters = letters[:-1] if pro.endswith("لل") else letters
        parts, start = clitic_letters(surface, letters)
        main = Part(
            start, len(surface), "NOUN", stem, _noun_feats(gender, number, definite), "noun"
        )
        return [
            Reading(
                (*parts, main),
                len(parts),
                "N",
                normalize(stem),
                1.0 - 0.2 * len(letters),
                ntype="n",
                gender=gender,
                number=number,
                definite=definite,
                source="lex",
            )
        ]
    return []


_KANA = {"كان", "اصبح", "ظل", "بات", "صار", "ليس", "زال", "امسي", "اضحي"}


#: The lexicon's closed classes of nouns: demonstratives, pronouns, relatives, interrogative
#: and conditional words (its particles, ``P``, are closed too).
_CLOSED_TYPES = {"dem", "pron", "rel", "interrog", "cond"}

#: Interrogative and conditional words that ask or set a time, place or manner: adverbs.
_WH_ADVERBS = frozenset(normalize(w) for w in "متى أين أنى كيف حيثما".split())


@lru_cache(maxsize=4096)
def _closed_class(plemma: str, ntype: str, particle: bool) -> tuple[str, str, str]:
    """UPOS, syntactic tag and features of a closed-class word the lexicon lists: as the
    table of function words has it, else by the lexicon's class (هل, سوى: particles; ماذا,
    من: pronouns; متى, أين: adverbs; ذلك: a demonstrative)."""
    bare = plemma.replace("\u0640", "")
    entry = function_words().get(bare) or function_words().get(normalize(bare))
    if entry is not None:
        return entry.upos, entry.tag, entry.feats
    if bare in CLITIC_PARTS:
        upos, _, feats, tag = CLITIC_PARTS[bare]
        return upos, tag, feats
    if particle:
        return "PART", "part", "PronType=Int" if ntype == "interrog" else "_"
    if ntype == "dem":
        return "DET", "dem", "PronType=Dem"
    if ntype == "pron":
        return "PRON", "pron", "PronType=Prs"
    if ntype == "rel":
        return "PRON", "rel", "PronType=Rel"
    if ntype in ("interrog", "cond"):
        if normalize(bare) in _WH_ADVERBS:
            return "ADV", "adv", "_"
        return "PRON", "pron", "PronType=Int" if ntype == "interrog" else "_"
    return "PART", "part", "_"  # (not reached: the lexicon's closed nouns are typed)


def _reading_from_lex(surface: str, fields: list[str], weights: dict[str, float]) -> Reading | None:
    pro, lemma, pos, ntype, tense, voice, person, gender, number, enc, score = fields
    parts, stem_start = _pro_parts(surface, pro) if pro else ([], 0)
    if pro and not parts and pro != "ال":
        return None
    enc_part, stem_end = _enc_part(surface, enc)
    if stem_end <= stem_start:
        return None
    definite = pro.endswith("ال") or pro == "لل"
    plemma = strip_diacritics(lemma)
    suffixed_name = False
    if pos == "V":
        upos = "AUX" if normalize(plemma) in _KANA else "VERB"
        feats = _verb_feats(tense, voice, person)
        tag = "aux" if upos == "AUX" else "verb"
        rpos = "V"
    elif pos == "P" or ntype in _CLOSED_TYPES:
        rpos = "F"
        upos, tag, feats = _closed_class(plemma, ntype, pos == "P")
    else:
        suffixed_name = ntype == "prop" and bool(enc) and not (definite or plemma.endswith("ة"))
        if ntype == "prop" and (definite or plemma.endswith("ة") or enc):
            # مسيرة, البرلمان: common nouns the lexicon also lists as names; لقائه: a name
            # takes no pronoun suffix
            ntype = "n"
        if ntype == "n" and lemma.endswith("يّ"):
            ntype = "nisba"  # حوثيّ: a relative adjective the lexicon types as a noun
        elif ntype == "n" and normalize(plemma) in _adjective_lemmas():
            ntype = "adj"  # جديد
        if ntype == "prop":
            rpos, upos, tag = "PN", "PROPN", "propn"
        elif ntype in _ADJ_TYPES:
            rpos, upos, tag = "A", "ADJ", "adj"
        else:
            rpos, upos, tag = "N", "NOUN", "noun"
        if ntype == "vn":
            tag = "vnoun"
        feats = _noun_feats(gender, number, definite)
    main = Part(stem_start, stem_end, upos, lemma, feats, tag)
    all_parts = [*parts, main] + ([enc_part] if enc_part else [])
    w = weights.get(lemma, 1e-7)
    s = float(score or 0) + 0.15 * (math.log10(w) + 7)
    return Reading(  # (the fields in their order: faster than by name)
        tuple(all_parts),
        len(parts),
        rpos,
        plemma,
        s,
        ntype,
        tense,
        voice,
        person,
        gender,
        number,
        definite,
        "lex",
        suffixed_name,
    )


#: Whether words the lexicon lacks go to farahidi's full analyser (slow to load, ~1 s).
USE_FARAHIDI = True

_PREFIXES = ("وب", "ول", "وك", "فب", "فل", "وس", "فس", "و", "ف", "ب", "ل", "ك", "س")


def _weak_participle(
    surface: str, bare: str, gender: str, score: float, number: str = "s"
) -> Reading:
    """The active participle of a verb with a weak last letter, as a حال: داعيا, داعية,
    داعين (of دعا); its lemma drops the ي (داعٍ)."""
    plural = "Plur" if number == "p" else "Sing"
    feats = f"Gender={'Fem' if gender == 'f' else 'Masc'}|Number={plural}"
    return Reading(
        (Part(0, len(surface), "ADJ", bare[:3], feats, "adj"),),
        0,
        "A",
        normalize(bare[:3]),
        score,
        ntype="ap",
        gender=gender,
        number=number,
        source="composed",
    )


#: Pronoun suffixes news almost never puts on a word the lexicon lacks, but foreign names
#: end in: كن (you, feminine plural) in بلينكن, هوكن is a name, not ب + لين + كن.
_RARE_SUFFIXES = frozenset({"كن"})


def _rare_suffix(r: Reading) -> bool:
    """Whether a reading ends in a pronoun suffix of :data:`_RARE_SUFFIXES`."""
    last = r.parts[-1]
    return len(r.parts) > 1 and last.tag == "pron" and normalize(last.lemma) == "انتن"


def _composed_readings(
    surface: str, forms: Mapping[str, str], weights: dict[str, float]
) -> list[Reading]:
    """Readings of a form the lexicon lacks made from one it has, with a proclitic or a
    pronoun suffix more: لأميركا = ل + أميركا, وسيواصلون = و + س + يواصلون, جهوده = جهود + ه."""
    bare = strip_diacritics(surface).replace("\u0640", "")
    out: list[Reading] = []
    out.extend(_inflected_readings(surface, bare, forms, weights))
    out.extend(_adjective_guesses(surface, bare, forms))
    for pro in ("", *_PREFIXES):
        if pro and not bare.startswith(pro):
            continue
        for enc in ("", *SUFFIXES):
            if not pro and not enc or enc in _RARE_SUFFIXES:
                continue
            if enc and not bare.endswith(enc):
                continue
            out.extend(_with_clitics(surface, bare, pro, enc, forms, weights))
    return out


def _adjective_guesses(surface: str, bare: str, forms: Mapping[str, str]) -> list[Reading]:
    """Adjectives the lexicon lacks, by their shape: a weak verb's participle (داعيا), a
    relative adjective in the accusative (باليستيا) or with the article (الأممي)."""
    out: list[Reading] = []
    if len(bare) == 5 and bare[1] == "ا" and bare.endswith("يا") and bare not in forms:
        out.append(_weak_participle(surface, bare, "m", 0.4))  # داعيا, ساعيا (فاعيًا)
    if len(bare) == 5 and bare[1] == "ا" and bare.endswith("ين") and bare not in forms:
        # داعين, ساعين (فاعين): the masculine plural of such a participle
        out.append(_weak_participle(surface, bare, "m", 0.0, "p"))  # (below a name beside names)
    if not bare.startswith("ال") and bare.endswith("يا") and len(bare) >= 5 and bare not in forms:
        # باليستيا: the accusative of a relative adjective the lexicon lacks; weaker than a
        # foreign name unless the tagger sees an accusative noun before it
        lemma = bare[:-1] + "ّ"
        out.append(
            Reading(
                (Part(0, len(surface), "ADJ", lemma, "Gender=Masc|Number=Sing", "adj"),),
                0,
                "A",
                normalize(bare[:-1]),
                -0.8,
                ntype="nisba",
                gender="m",
                number="s",
                source="composed",
            )
        )
    if bare.startswith("ال") and bare.endswith("ي") and len(bare) >= 5 and bare not in forms:
        # الأممي, الكيني: a relative adjective of a noun the lexicon lacks in that form
        lemma = bare[2:] + "ّ"
        out.append(
            Reading(
                (
                    Part(
                        0, len(surface), "ADJ", lemma, "Definite=Def|Gender=Masc|Number=Sing", "adj"
                    ),
                ),
                0,
                "A",
                normalize(bare[2:]),
                0.3,
                ntype="nisba",
                gender="m",
                number="s",
                definite=True,
                source="composed",
            )
        )
    return out


def _with_clitics(
    surface: str, bare: str, pro: str, enc: str, forms: Mapping[str, str], weights: dict[str, float]
) -> list[Reading]:
    """Readings of ``pro`` + a form the lexicon has + ``enc``, where the clitics fit it: a
    preposition takes a noun, the future marker a present verb, a suffix a word without one."""
    out: list[Reading] = []
    stem = bare[len(pro) : len(bare) - len(enc)]
    if len(stem) < 2:
        return out
    raw = forms.get(stem)
    if raw is None and pro.endswith("ل") and stem.startswith("ل"):
        raw = forms.get("ا" + stem)  # لل = ل + ال
    if raw is None and enc and stem.endswith("ت"):
        raw = forms.get(stem[:-1] + "ة")  # جلالته: ة is written ت before a suffix
    twin = definite_twin(stem, raw, forms)
    dual = present_twin(stem, raw, forms)  # ستوقعان, سيلتقى
    raw = ";".join(x for x in (raw, twin, dual) if x) or None
    if raw is None:
        return out
    for chunk in raw.split(";"):
        f = chunk.split(",")
        spro, stem_pos, stem_enc, tense = f[0], f[2], f[9], f[4]
        if enc and stem_enc:
            continue
        if pro[-1:] in ("ب", "ل", "ك") and stem_pos != "N":
            continue  # a preposition takes a noun
        if pro.endswith("س") and not (stem_pos == "V" and tense == "pres"):
            continue  # the future marker takes a present verb
        if pro and spro and not spro.startswith("ال"):
            continue
        f[0] = pro + spro
        f[9] = stem_enc + enc
        r = _reading_from_lex(surface, f, weights)
        if r is not None:
            out.append(rescored(r, r.score - 0.2 * (len(pro) + (1 if enc else 0)), "composed"))
    return out


#: Noun endings the lexicon may lack for a stem it has: (ending, number, gender).
_ENDINGS = (
    ("ون", "p", "m"),
    ("ين", "p", "m"),
    ("ات", "p", "f"),
    ("ية", "s", "f"),
    ("ة", "s", "f"),
    ("ا", "", ""),
)


def _inflected_readings(
    surface: str,
    bare: str,
    forms: Mapping[str, str],
    weights: dict[str, float],
    bare_alif: bool = False,
) -> list[Reading]:
    """A noun or adjective with a plural, feminine or accusative ending on a stem the
    lexicon has: أميركيون, الأوروبيون, الأيديولوجية, جهودًا."""
    out: list[Reading] = []
    for article in ("", "ال"):
        if article and not bare.startswith(article):
            continue
        for ending, number, gender in _ENDINGS:
            if not bare.endswith(ending) or len(bare) - len(ending) - len(article) < 2:
                continue
            if ending == "ا" and "\u064b" not in surface and not bare_alif:
                continue  # the accusative alif only with its tanween written
            if bare_alif and ending != "ا":
                continue
            stem = bare[len(article) : len(bare) - len(ending)]
            if ending == "ية":
                stem += "ي"
            direct = forms.get(stem)
            if direct is None and ending == "ات":
                direct = forms.get(stem + "ة")  # بنايات: the plural of بناية
            raw = direct or forms.get("ال" + stem)
            if raw is None:
                continue
            for chunk in raw.split(";"):
                f = chunk.split(",")
                if f[2] != "N" or f[9] or (f[0] and f[0] != "ال"):
                    continue
                # تونسية from التونسي: indefinite unless the article is written
                f[0] = article or (f[0] if direct is not None else "")
                f[7] = gender or f[7]
                f[8] = number or f[8]
                r = _reading_from_lex(surface, f, weights)
                if r is not None:
                    out.append(rescored(r, r.score - 0.2, "composed"))
    return out


def _farahidi_readings(surface: str) -> list[Reading]:
    weights = _lexicon()[1]
    out: list[Reading] = []
    seen: set[tuple[str, ...]] = set()
    for a in farahidi_analyse(strip_diacritics(surface)):
        key = a
        if key in seen:
            continue
        seen.add(key)
        r = _reading_from_lex(surface, list(a), weights)
        if r is not None:
            out.append(rescored(r, r.score - 1.0, "farahidi"))
    return out


def proper_noun_reading(
    surface: str, pro: str = "", score: float = 0.0, source: str = "unknown"
) -> Reading:
    """A proper-noun reading, optionally after the proclitics ``pro`` (e.g. ل in لماكرون)."""
    parts, stem_start = _pro_parts(surface, pro) if pro else ([], 0)
    main = Part(
        stem_start, len(surface), "PROPN", strip_diacritics(surface[stem_start:]), "_", "propn"
    )
    return Reading(
        (*parts, main),
        len(parts),
        "PN",
        normalize(surface[stem_start:]),
        score,
        ntype="prop",
        definite=normalize(surface[stem_start:]).startswith("ال"),
        source=source,
    )


#: Proclitics before the article of a word nothing knows (والإغريقية, بالأكسجين, للمتاحف).
_ARTICLE_PROCLITICS = ("وبال", "وال", "فال", "بال", "كال", "وكال", "ولل", "فلل", "لل", "ال")


def common_shape(surface: str) -> bool:
    """Whether a word nothing knows has the shape of a common noun or adjective rather than
    a foreign name: a feminine ending ة or ات, a tanween, or a sound plural after the
    article (الميلانيزيون). Foreign names take none of these."""
    bare = strip_diacritics(surface).replace("\u0640", "")
    if any(c in surface for c in "\u064b\u064c\u064d") or bare.endswith("ة"):
        return True
    if bare.endswith("ات") and len(bare) >= 5:
        return True
    return bare.startswith(_ARTICLE_PROCLITICS) and bare.endswith(("ون", "ين")) and len(bare) >= 7


def shape_reading(surface: str) -> Reading:
    """A noun (or a relative adjective, in يّة/يون/يين) read from the shape of a word
    nothing knows (:func:`common_shape`), its proclitics split before the article."""
    bare = strip_diacritics(surface).replace("\u0640", "")
    pro = next(
        (p for p in _ARTICLE_PROCLITICS if bare.startswith(p) and len(bare) > len(p) + 2), ""
    )
    letters = pro.removesuffix("ال") if pro.endswith("ال") else pro[:-1]  # لل: ل + ال
    parts, stem_start = clitic_letters(surface, letters)
    core = bare[len(pro) :]  # without the article
    gender, number = ("f", "s") if core.endswith("ة") else ("", "")
    if core.endswith("ات"):
        gender, number = "f", "p"
    elif core.endswith(("يون", "يين")):
        gender, number = "m", "p"
    nisba = core.endswith(("ية", "يون", "يين"))
    definite = bool(pro)
    upos, rpos, tag = ("ADJ", "A", "adj") if nisba else ("NOUN", "N", "noun")
    main = Part(stem_start, len(surface), upos, core, _noun_feats(gender, number, definite), tag)
    return Reading(
        (*parts, main),
        len(parts),
        rpos,
        normalize(core),
        -0.5,
        ntype="nisba" if nisba else "n",
        gender=gender,
        number=number,
        definite=definite,
        source="composed",
    )


@lru_cache(maxsize=200_000)
def analyse_word(surface: str) -> tuple[Reading, ...]:
    """All readings of one Arabic surface word, best guesses first (before context); a
    word the lexicon lacks is read as another spelling of one it has where there is one
    (:func:`_spellings`).

    >>> [(r.pos, r.lemma) for r in analyse_word("وزير")][:1]
    [('N', 'وزير')]
    >>> [surface[p.start:p.end] for surface in ["بالعراق"] for p in analyse_word(surface)[0].parts]
    ['ب', 'العراق']
    >>> analyse_word("فى")[0].lemma
    'في'
    """
    readings = list(_analyse_word(surface))
    if not any(r.source in ("lex", "fw", "composed") for r in readings):
        bare = strip_diacritics(surface).replace("\u0640", "")
        forms = _lexicon()[0]
        fw = function_words()
        for variant in _spellings(bare):
            seat = _hamza_seat(bare, variant)
            if variant not in forms and variant not in fw and not seat:
                continue  # only the lexicon's own readings count (no farahidi run)
            found = [
                r
                for r in _analyse_word(variant)
                if r.source == "lex"
                or (r.source == "fw" and len(r.parts) == 1)
                or (seat and r.source == "composed" and r.pos == "N" and len(r.parts) == 2)
            ]
            if found:
                # the same number of letters, so the same offsets: فى is في, مسئول is مسؤول
                readings = [rescored(r, r.score - 0.1, "spelling") for r in found] + readings
                readings.sort(key=lambda r: -r.score)
                break
    return tuple(readings)


def _analyse_word(surface: str) -> tuple[Reading, ...]:
    """All readings of one Arabic surface word as written."""
    forms, weights = _lexicon()
    bare = strip_diacritics(surface).replace("\u0640", "")
    readings: list[Reading] = list(function_readings(surface))
    readings.extend(_listed_noun_readings(surface, bare))
    raw = forms.get(bare)
    if raw is None and bare != surface:
        raw = forms.get(bare.replace("\u0640", ""))
    if raw:
        for chunk in raw.split(";"):
            r = _reading_from_lex(surface, chunk.split(","), weights)
            if r is not None:
                readings.append(r)
    else:
        readings.extend(_composed_readings(surface, forms, weights))
        if not readings and USE_FARAHIDI:
            readings.extend(r for r in _farahidi_readings(surface) if not _rare_suffix(r))
        if bare.endswith("ا") and len(bare) >= 4 and not any(r.pos in ("N", "A") for r in readings):
            # سفنا: the accusative alif, written without its tanween, on a noun the lexicon knows
            # (besides the analyser's verb + نا)
            readings.extend(_inflected_readings(surface, bare, forms, weights, bare_alif=True))
    twin = definite_twin(bare, raw, forms) if raw else None
    for chunk in twin.split(";") if twin else ():
        r = _reading_from_lex(surface, chunk.split(","), weights)
        if r is not None:
            readings.append(rescored(r, r.score - 0.2))
    twins = (*conjunction_twin(bare, raw, forms).split(";"), verb_of_name(bare, raw, forms))
    for chunk in (*twins, *nisba_dual(bare, raw, forms).split(";")):
        r = _reading_from_lex(surface, chunk.split(","), weights) if chunk else None
        if r is not None:
            readings.append(rescored(r, r.score - 0.2))
    for chunk in present_twin(bare, raw, forms).split(";"):
        # the same word as its twin in ي (masculine, or spelt so), only unseen: no discount
        r = _reading_from_lex(surface, chunk.split(","), weights) if chunk else None
        if r is not None:
            readings.append(r)
    readings.extend(_unlisted_readings(surface, bare, bool(raw), readings, forms, weights))
    readings = _names_below_common(readings)
    readings.sort(key=lambda r: -r.score)
    return tuple(readings)


def _unlisted_readings(
    surface: str,
    bare: str,
    listed: bool,
    readings: list[Reading],
    forms: Mapping[str, str],
    weights: dict[str, float],
) -> list[Reading]:
    """Readings a form may have besides those found for it (``listed``: the lexicon lists
    the form): و + a dual verb, a weak verb's feminine participle, an accusative noun."""
    out: list[Reading] = []
    if (
        listed
        and bare[:1] in ("و", "ف")
        and bare.endswith("ا")
        and not any(r.pos == "V" for r in readings)
    ):
        # وبحثا: the lexicon lists و + the noun (بحثًا); و + the dual verb (بحثا) is a reading too
        out.extend(
            r
            for r in _composed_readings(surface, forms, weights)
            if r.pos == "V" and r.main == 1 and r.person == "3d"
        )
    if listed and bare[:2] in ("وس", "فس") and all(r.pos == "V" for r in readings):
        # وسيوقع: the lexicon lists و + س + أوقع only; سيوقع's وقّع is a reading too
        have = {r.lemma for r in readings}
        out.extend(
            rescored(r, r.score + 0.3)  # the stem's own reading, less a little
            for r in _with_clitics(surface, bare, bare[:2], "", forms, weights)
            if r.lemma not in have
        )
    if (
        len(bare) == 5
        and bare[1] == "ا"
        and bare.endswith("ية")
        and not any(r.ntype == "ap" for r in readings + out)
    ):
        out.append(_weak_participle(surface, bare, "f", 0.3))  # داعية: besides a noun (a preacher)
    if listed and bare.endswith("ا") and len(bare) >= 4:
        # وكرا: the accusative of a noun the lexicon knows, besides what it lists for the form
        out.extend(
            r
            for r in _inflected_readings(surface, bare, forms, weights, bare_alif=True)
            if r.lemma != bare
        )
    return out


def _names_below_common(readings: list[Reading]) -> list[Reading]:
    """A name reading (or a name read as a noun for its suffix) ranks below the same word's
    common readings."""
    common = {r.lemma for r in readings if r.pos in ("N", "A") and not r.suffixed_name}
    return [
        rescored(r, r.score - 0.3)
        if (r.pos == "PN" or r.suffixed_name) and r.lemma in common
        else r
        for r in readings
    ]


def _hamza_seat(bare: str, variant: str) -> bool:
    """Whether ``variant`` is ``bare`` with the hamza of اء off its seat (قضائه -> قضاءه),
    a noun and its pronoun that the lexicon composes (so :func:`analyse_word` takes it).

    >>> _hamza_seat("قضائه", "قضاءه"), _hamza_seat("فى", "في")
    (True, False)
    """
    diff = [k for k, (a, b) in enumerate(zip(bare, variant, strict=False)) if a != b]
    return len(diff) == 1 and bare[diff[0]] in "ئؤ" and variant[diff[0]] == "ء"


def _spellings(bare: str) -> list[str]:
    """Other spellings of a word nothing reads, letter for letter: a final ى for ي
    (فى, الماضى), ئ for ؤ (مسئول, شئون), a bare alif for أ or إ at the start of the word or
    after و (اعلنت, واعلام, إبن), a final ه for ة (الحكومه), the hamza of a noun in اء on
    its seat before a pronoun (قضائها, قضاؤها for قضاءها). Each has as many letters as the
    word. Readings found this way are marked ``spelling``: the word stays unattested, so a
    foreign name keeps its chance."""
    out: list[str] = []
    if bare.endswith("ى"):
        out.append(bare[:-1] + "ي")
    if "ئ" in bare[1:-1]:
        out.append(bare[0] + bare[1:-1].replace("ئ", "ؤ") + bare[-1])
    # the first letter of the stem: at the start, after و, after the article (الاوراق)
    starts = [0, 1] if bare.startswith("و") else [0]
    for pre in ("ال", "وال", "بال", "فال", "كال"):
        if bare.startswith(pre):
            starts.append(len(pre))
    for k in starts:
        if k >= len(bare) - 2:
            continue
        if bare[k] == "ا" and not bare.startswith("ال", k):
            out.extend(bare[:k] + h + bare[k + 1 :] for h in "أإ")
        elif bare[k] in "أإ":
            out.append(bare[:k] + "ا" + bare[k + 1 :])
    if bare.endswith("ه") and len(bare) > 3:
        out.append(bare[:-1] + "ة")
    for suffix in ("هما", "ها", "هم", "هن", "ه", "كم", "نا"):
        stem = bare[: -len(suffix)]
        if bare.endswith(suffix) and stem.endswith(("ائ", "اؤ")) and len(stem) >= 4:
            out.append(stem[:-1] + "ء" + suffix)  # قضائها: the hamza of قضاء on its seat
            break
    return out
