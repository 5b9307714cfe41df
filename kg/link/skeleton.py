"""One name in two scripts: the consonant skeleton an Arabic name and an English label share.

An Arabic paper writes «محمد جواد ظريف» where Wikidata's English label is "Mohammad Javad
Zarif". Both reduce to the skeleton ``MHMD_JD_ZRF`` (:func:`arabic_keys`,
:func:`latin_keys`): one letter per Arabic consonant class (ت ط ث T; د ض D; ذ ز ظ Z; س ص
S; ش C; ح ه H; ب پ B; ف ڤ F; ج J, غ G, ق Q, ك K), and for each Latin letter the readings
transcriptions give it (g: ج غ ق; k and q: ك ق; ch: ش or ك; dh: ذ ظ or ض; gh غ; kh خ; sh
ش; th T; v: ف, or و; an s between vowels س or ز, a final s س or ش; a soft c س or ج; a
z after a consonant تس), so a label has a few skeletons; vowels and و ي ا ع dropped,
doubled letters once, a final ه ة ح and h dropped (-a/-ah), the article (ال, al-/el-,
Al, ad-/as- before a sun letter) and «بن»/bin/ibn left out, «عبد ال»/Abdel/Abdul/Abdur
read alike, one skeleton per word joined by "_" (توماس زايلر is not Tom Schedler).
A French label (``french=True``: the holder of a French-speaking country's office) also
reads its words without the final consonants French does not sound (:func:`french_silent`:
Barrot بارو, Bernard برنار, Renault رينو, Charles شارل); Macron keeps its n.

The skeleton forgets the long vowels the Arabic writes; :func:`vowels_agree` checks them
after a match: a written و needs an o, u or w (or v) in the label at that place, a ي an i,
e or y, an ا an a or e, and a long vowel the label spells with two letters (ou, ee, ei,
ai, aa …) needs a written vowel in the Arabic: «محمود» is not Mohammed, «حسن» not Hussein;
a v between vowels read as و needs و beside another long vowel (جواد Javad; جون is not
Gavin).

>>> arabic_keys("محمد جواد ظريف"), sorted(latin_keys("Mohammad Javad Zarif"))
(frozenset({'MHMD_JD_ZRF'}), ['MHMD_JD_ZRF', 'MHMD_JFD_ZRF'])
>>> vowels_agree("محمد جواد ظريف", "Mohammad Javad Zarif")
True
>>> vowels_agree("محمود عباس", "Mohammed Abbas"), vowels_agree("محمد حسن", "Mohamed Hussein")
(False, False)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import product

from ..text import normalize

#: At most this many skeletons per name (a g has three readings, a k or a v two).
_MAX_KEYS = 32

_AR_CLASSES = {
    **dict.fromkeys("بپ", "B"),
    **dict.fromkeys("تطث", "T"),
    **dict.fromkeys("جچ", "J"),
    **dict.fromkeys("غگڨ", "G"),
    "ق": "Q",
    "ك": "K",
    **dict.fromkeys("حهة", "H"),
    "خ": "X",
    **dict.fromkeys("دض", "D"),
    **dict.fromkeys("ذزظ", "Z"),
    "ر": "R",
    **dict.fromkeys("سص", "S"),
    "ش": "C",
    **dict.fromkeys("فڤ", "F"),
    "ل": "L",
    "م": "M",
    "ن": "N",
}
_AR_VOWELS = {"و": "w", "ي": "y", "ى": "y", "ا": "a", "آ": "a", "أ": "a", "إ": "a"}
#: Arabic words that are no part of a skeleton: son/daughter of, the family article (آل).
_AR_DROP = frozenset({"بن", "ابن", "بنت", "ال"})
#: Latin digraphs first (longest first), then single letters; "v" is F or nothing.
_LATIN_DIGRAPHS = (
    ("sch", "C"),
    ("sh", "C"),
    ("ch", "Ч"),  # ش (Michel) or ك (Michael)
    ("kh", "X"),
    ("gh", "G"),
    ("th", "T"),
    ("dh", "Ð"),  # ذ ظ (Kadhimi) or ض
    ("ph", "F"),
    ("zh", "J"),
    ("dj", "J"),
    ("ck", "k"),
    ("x", "kS"),
)
_LATIN_CLASSES = {
    **dict.fromkeys("bp", "B"),
    "t": "T",
    "d": "D",
    "z": "Z",
    "s": "S",
    "j": "J",
    "f": "F",
    "l": "L",
    "m": "M",
    "n": "N",
    "r": "R",
    "h": "H",
}
#: Latin letters read several ways (g: ج Egyptian, غ most papers, ق Gulf).
_LATIN_OPTIONS = {
    "g": ("J", "G", "Q"),
    "k": ("K", "Q"),
    "q": ("Q", "K"),
    "Ч": ("C", "K"),
    "Ð": ("Z", "D"),
}
_VOWELS = frozenset("aeiouyw")
_LATIN_SPECIAL = str.maketrans({"ş": "sh", "ç": "ch", "ğ": "gh", "ı": "i", "ø": "o", "ß": "ss"})
#: Latin words that are no part of a skeleton: the article, son of.
_LATIN_DROP = frozenset({"al", "el", "ul", "ol", "bin", "ben", "ibn", "bn", "bint"})
#: The article assimilated to a sun letter and hyphenated (ad-Din, as-Sisi).
_LATIN_SUN = re.compile(r"^(a|e|u)(d|t|s|sh|z|r|n|th|dh)$")
#: Abdel-, Abdul-, Abdur- (عبد ال…) before the rest of the name.
_ABD = re.compile(r"^abd(?:[aeiou]l|[aeiou](?=(?:r|s|sh|t|d|z|n)))")
_ABUL = re.compile(r"^ab(?:ou|u|o)l$")
_ROMAN = re.compile(r"^(i|ii|iii|iv|v|vi|vii|viii|ix|x)$")
#: Honorifics a label may begin with and Arabic text may leave out (Sheikh Mohammed …).
_HONORIFICS = frozenset({"sheikh", "shaikh", "sheikha", "prince", "princess", "dr", "sir"})
#: Words of labels whose last words may be another man's name: Arabic nasab and
#: honorifics, common given names (Hassan Sheikh Mohamud: not «الشيخ محمود»).
_NOT_SUFFIXED = frozenset(
    {
        *"bin ben ibn bint al el ul sheikh shaikh cheikh ould ag abu abou abdi abd".split(),
        *"abdel abdul mohamed mohammed muhammad mohammad ahmed ahmad ali hassan hussein".split(),
    }
)
#: Particles that are given names at the start of a name (Ben Wallace, بن والاس).
_GIVEN_PARTICLES = frozenset({"ben"})
#: Long vowels a label spells with two letters: the Arabic writes them.
_LONG = {
    **dict.fromkeys(("ou", "oo"), "w"),
    **dict.fromkeys(("ee", "ei", "ey", "ai", "ay", "ie"), "y"),
    "aa": "a",
}
_LONG_RX = re.compile("|".join(_LONG))
#: The Latin vowel letters that may spell each Arabic long vowel.
_SOUNDS = {"w": "ouwv", "y": "iey", "a": "ae'"}
#: A v between vowels read as و is a consonant there: the Arabic writes و next to another
#: long vowel (جواد Javad), not alone (جون is not Gavin).
#: Letters an Arabic word begins with before a vowel sound, and ends with after one.
_AR_OPEN = frozenset("اأإآعء")
_AR_FINAL_VOWEL = frozenset("اىيوةهعءأئؤ")
#: A word starting with a consonant y or w (Yamani, Walid; a v read as و: Vahidi).
_LEAD = re.compile(r"^([yw])[aeiou]")
_V_BETWEEN = re.compile(r"[aeiou]-?v[aeiou]")


#: French final letters not sounded, after a vowel (Barrot, Giroux, Jacques) or an r or n
#: (Bernard, Laurent); -ault is o (Renault), -ier ie (Barnier), -ez e.
_FRENCH_FINAL = (
    (re.compile(r"ault$"), "o"),
    (re.compile(r"(?<=[aeou])x$"), ""),
    (re.compile(r"(?<=i)er$"), "e"),
    (re.compile(r"(?<=e)z$"), ""),
    (re.compile(r"(?<=[aeiouy])(?:ts|ds|[tds])$"), ""),
    (re.compile(r"(?<=[rn])(?:ts|ds|[td])$"), ""),
)


def french_silent(word: str) -> str:
    """A (lower-case, unaccented) French word as sounded, without its silent final
    consonants and initial h, its oi as oua; the word itself when it has none.

    >>> [french_silent(w) for w in ("barrot", "bernard", "renault", "charles", "macron")]
    ['barro', 'bernar', 'reno', 'charle', 'macron']
    >>> [french_silent(w) for w in ("giroux", "barnier", "laurent", "yves", "hortefeux")]
    ['girou', 'barnie', 'lauren', 'yve', 'ortefeu']
    >>> french_silent("fransois"), french_silent("benoit")
    ('fransoua', 'benoua')
    """
    if word[:1] == "h" and word[1:2] in ("a", "e", "i", "o", "u", "y"):
        word = word[1:]  # Hortefeux أورتفو
    for rx, sub in _FRENCH_FINAL:
        out = rx.sub(sub, word)
        if out != word:
            word = out if len(out) >= 2 else word
            break
    return word.replace("oi", "oua")  # François فرانسوا, Benoît بنوا


def _collapse(s: str) -> str:
    return "".join(c for i, c in enumerate(s) if i == 0 or c != s[i - 1])


# ----------------------------------------------------------------------------- words


@lru_cache(maxsize=50_000)
def arabic_parts(name: str) -> tuple[tuple[str, ...], ...]:
    """The words of an Arabic name as the skeleton reads them (normalised; each word's
    readings: with and without a leading article, البيرق may be Albayrak).

    >>> arabic_parts("عبد العزيز بن حمد آل ثاني")
    (('عبد',), ('العزيز', 'عزيز'), ('حمد',), ('ثاني',))
    """
    out: list[tuple[str, ...]] = []
    for i, w in enumerate(normalize(name).replace("-", " ").split()):
        if w in _AR_DROP and (i > 0 or w == "ال"):  # بن والاس: Ben, a given name
            continue
        if w.startswith("عبدال") and len(w) > 5:
            out.extend((("عبد",), (w[5:],)))
        elif w.startswith("ال") and len(w) > 3:
            out.append((w, w[2:]))
        else:
            out.append((w,))
    return tuple(p for p in out if any(_ar_word(x) for x in p))


@lru_cache(maxsize=50_000)
def latin_parts(label: str, french: bool = False) -> tuple[tuple[str, ...], ...]:
    """The words of an English label as the skeleton reads them (lower case, marks and the
    article dropped; "" a leading honorific the Arabic may leave out; a French label's
    words also as sounded, :func:`french_silent`).

    >>> latin_parts("Sheikh Tamim bin Hamad Al-Thani"), latin_parts("Abdullah II of Jordan")
    ((('sheikh', ''), ('tamim',), ('hamad',), ('thani',)), (('abd',), ('lah',)))
    >>> latin_parts("Jean-Noël Barrot", french=True)
    (('jean',), ('noel',), ('barrot', 'barro'))
    """
    text = unicodedata.normalize("NFC", label.casefold())
    text = (text.replace("ç", "s") if french else text).translate(_LATIN_SPECIAL)  # François
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"\(.*?\)|\.", "", text)
    text = re.sub(r"[’ʿʾ`]", "'", text)  # ع or ء: kept, a vowel slot's mark
    text = re.split(r",| of ", text)[0]  # Abdullah II of Jordan; John Reid, Baron Reid of …
    out: list[tuple[str, ...]] = []
    for word in text.split():
        parts = word.split("-")
        for i, part in enumerate(parts):
            first = not out and i == 0
            if part in _LATIN_DROP and not (first and part in _GIVEN_PARTICLES):
                continue
            if (i + 1 < len(parts) and _LATIN_SUN.match(part)) or (
                _ROMAN.match(part) and not first  # Mohammed VI
            ):
                continue
            if first and part in _HONORIFICS:  # Sheikh Mohammed …: written or not
                out.append((part, ""))
                continue
            if _ABUL.match(part):  # Aboul Gheit: أبو الغيط
                out.append((part[:-1],))
                continue
            abd = _ABD.match(part)
            if abd:
                out.append(("abd",))
                part = part[abd.end() :]
            if _latin_word(part):
                sounded = french_silent(part) if french else part
                out.append((part, sounded) if sounded != part else (part,))
    return tuple(out)


def _ar_word(word: str) -> str:
    out = _collapse("".join(_AR_CLASSES.get(c, "") for c in word))
    return out[:-1] if out.endswith("H") else out


def _latin_marked(word: str) -> str:
    """A Latin word with its digraphs as class letters (upper case) or placeholders; a
    hard c as k; a c before e, i, y stays "c" (س, or ج in Turkish: Recep رجب)."""
    for a, b in _LATIN_DIGRAPHS:
        word = word.replace(a, b)
    return re.sub(r"c(?![eiy])", "k", word)


def _options(word: str, i: int) -> tuple[str, ...]:
    """The readings of the letter at ``i`` of a marked word: g, k, q, ch, dh as the table
    says; v is F or و; s between vowels is س or ز (Josep جوزيب), a final s after a vowel
    س or ش (Guterres غوتيريش); a soft c is س or ج; z after a consonant is ز or تس (Scholz
    شولتس)."""
    c = word[i]
    if c in _LATIN_OPTIONS:
        return _LATIN_OPTIONS[c]
    if c == "v":
        return ("F", "v")
    if c == "s" and 0 < i < len(word) - 1 and _VOWELS.issuperset(word[i - 1 : i + 2 : 2]):
        return ("S", "Z")
    if c == "s" and i == len(word) - 1 and i > 0 and word[i - 1] in _VOWELS:
        return ("S", "C")
    if c == "c":
        return ("S", "J")
    if c == "z" and i > 0 and word[i - 1] not in _VOWELS:
        return ("Z", "TS")
    return (c,)


@lru_cache(maxsize=50_000)
def _latin_word(word: str) -> frozenset[str]:
    word = _latin_marked(word)
    outs = [""]
    for i in range(len(word)):
        outs = [o + _latin_class(x) for o in outs for x in _options(word, i)][:_MAX_KEYS]
    outs = [_collapse(o) for o in outs]
    return frozenset(o[:-1] if o.endswith("H") else o for o in outs) - {""}


def _latin_class(x: str) -> str:
    """Class letters of a reading ("F", "TS", "w": no consonant)."""
    return "".join(ch if ch.isupper() else _LATIN_CLASSES.get(ch, "") for ch in x)


def arabic_words(name: str) -> tuple[frozenset[str], ...]:
    """Word skeletons of an Arabic name (Latin text goes to :func:`latin_words`).

    >>> [sorted(w) for w in arabic_words("عبد العزيز بوتفليقة")]
    [['BD'], ['LZ', 'Z'], ['BTFLQ']]
    """
    if re.search("[a-z]", normalize(name)):
        return latin_words(name)
    return tuple(frozenset(_ar_word(x) for x in p) - {""} for p in arabic_parts(name))


def latin_words(label: str, french: bool = False) -> tuple[frozenset[str], ...]:
    """Word skeletons of an English label ("" for a leading honorific: optional).

    >>> [sorted(w) for w in latin_words("Abdelaziz Bouteflika")]
    [['BD'], ['Z'], ['BTFLK', 'BTFLQ']]
    >>> [sorted(w) for w in latin_words("Tamim bin Hamad Al Thani")]
    [['TM'], ['HMD'], ['TN']]
    """
    return tuple(
        frozenset(k for x in p for k in (_latin_word(x) if x else {""}))
        for p in latin_parts(label, french)
    )


# ----------------------------------------------------------------------------- keys


def joined(words: Sequence[frozenset[str]]) -> frozenset[str]:
    """A name's keys: one skeleton per word, joined by "_" (word boundaries count)."""
    keys: set[str] = set()
    for combo in product(*(sorted(w) for w in words)):
        keys.add("_".join(w for w in combo if w))  # "": an honorific left out
        if len(keys) >= _MAX_KEYS:
            break
    return frozenset(keys)


def arabic_keys(name: str) -> frozenset[str]:
    """The skeletons of a whole Arabic name."""
    return joined(arabic_words(name))


def latin_keys(label: str, french: bool = False) -> frozenset[str]:
    """The skeletons of a whole English label.

    >>> sorted(latin_keys("Jean-Noël Barrot", french=True))
    ['JN_NL_BR', 'JN_NL_BRT']
    """
    return joined(latin_words(label, french))


def suffix_keys(label: str, french: bool = False) -> frozenset[str]:
    """The skeletons of a label of three words without its first word (Matamela Cyril
    Ramaphosa is called Cyril Ramaphosa), for labels with no Arabic particle or common
    given name: in «Mohammed bin Salman Al Saud» the last words are another man's.

    >>> sorted(suffix_keys("Matamela Cyril Ramaphosa")), suffix_keys("Mohammed bin Salman Al Saud")
    (['JRL_RMFS', 'JRL_RMFZ', 'SRL_RMFS', 'SRL_RMFZ'], frozenset())
    """
    tokens = re.split(r"[\s-]+", label.casefold())
    words = latin_words(label, french)
    if len(words) != 3 or len(tokens) != 3 or _NOT_SUFFIXED & set(tokens):
        return frozenset()
    return joined(words[1:])


# ----------------------------------------------------------------------------- vowels


def _ar_slots(word: str) -> tuple[str, tuple[frozenset[str], ...]]:
    """An Arabic word's consonant classes and the long vowels written around each (slot
    i is before consonant i; the last slot after the last one)."""
    cons: list[str] = []
    slots: list[set[str]] = [set()]
    for i, c in enumerate(word):
        if c in _AR_CLASSES:
            k = _AR_CLASSES[c]
            if not (cons and cons[-1] == k and not slots[-1]):
                cons.append(k)
                slots.append(set())
        elif c in _AR_VOWELS and (i > 0 or _AR_VOWELS[c] != "a"):  # not an initial alef
            slots[-1].add(_AR_VOWELS[c])
        elif c == "ع":  # a consonant Latin leaves out: it keeps عسعس's two s apart
            slots[-1].add("ع")
    if cons and cons[-1] == "H" and not slots[-1]:
        cons.pop()
        slots.pop()
    return "".join(cons), tuple(frozenset(s) for s in slots)


def _latin_slots(word: str) -> list[tuple[str, tuple[str, ...]]]:
    """A Latin word's consonant classes and the vowel letters around each, one reading per
    way of taking its v (a consonant ف, or a و) and its s between vowels (س, or ز). A
    vowel run before two consonants is marked "-": a closed syllable's vowel is short
    (the French ou of Moustafa, مصطفى)."""
    word = _latin_marked(word)
    readings: list[tuple[list[str], list[str]]] = [([], [""])]
    for i in range(len(word)):
        closed = _closed(word, i)
        nxt = []
        for cons, runs in readings:
            for x in _options(word, i):
                cons2, runs2 = list(cons), list(runs)
                for ch in x:
                    k = ch if ch.isupper() else _LATIN_CLASSES.get(ch, "")
                    if k and not (cons2 and cons2[-1] == k and not runs2[-1]):
                        cons2.append(k)
                        runs2.append("")
                    elif not k and (ch in _VOWELS or ch in "v'"):
                        runs2[-1] += ch + ("-" if closed else "")
                nxt.append((cons2, runs2))
        readings = nxt[:_MAX_KEYS]
    out = []
    for cons, runs in readings:
        if cons and cons[-1] == "H" and not runs[-1]:
            cons, runs = cons[:-1], runs[:-1]
        out.append(("".join(cons), tuple(runs)))
    return out


def _closed(word: str, i: int) -> bool:
    """Whether the letter at ``i`` is a vowel followed by two consonants."""
    nxt = word[i + 1 : i + 3]
    return (
        word[i] in _VOWELS
        and len(nxt) == 2
        and not any(ch in _VOWELS for ch in nxt)
        and not (i + 1 < len(word) and word[i + 1] in _VOWELS)
    )


def _slot_agrees(written: frozenset[str], run: str, last: bool, inner: bool) -> bool:
    """Whether the long vowels an Arabic slot writes and a Latin slot's vowels agree."""
    long = {_LONG[m] for m in _LONG_RX.findall(run)} if not run.endswith("-") else set()
    if inner and long - written - ({"a"} if "ع" in written else set()):
        return False  # Hussein's ei is ي, Mahmoud's ou is و; Kaabi's aa may be ع
    if last and "y" in written:  # ى/ي at the end is -a as often (مصطفى Mustafa)
        return bool(run) and all(any(ch in run for ch in _SOUNDS[v]) for v in written - {"y", "ع"})
    if _V_BETWEEN.search(run) and not (written & {"a", "y"} and "w" in written):
        return False
    if "ع" in written and not run.strip("-"):
        return False  # ع is written as a vowel or an apostrophe (Ali, Shia')
    return all(any(ch in run for ch in _SOUNDS[v]) for v in written - {"ع"})


def _word_agrees(ar: str, latin: str) -> bool:
    cons, slots = _ar_slots(ar)
    lead = _LEAD.match(latin)
    if lead and {"y": "y", "w": "w", "v": "w"}[lead.group(1)] not in slots[0]:
        return False  # Yamani, Walid: the Arabic writes ي, و
    if (latin[0] in "aeiou'") != (ar[0] in _AR_OPEN):
        return False  # an Arabic word begins with a consonant, or with ا ع before a vowel
    if latin[-1] in "aiouy'" and ar[-1] not in _AR_FINAL_VOWEL:
        return False  # Samira is سميرة, not سمير (a final e is often silent: Wallace)
    if re.search("[aeiou]h$", latin) and ar[-1] not in "هةح":
        return False  # Hamadeh is حمادة, not حمادي
    if ar[-1] in "ةه" and len(ar) > 2 and latin[-1] not in "aeiouyh'":
        return False  # حماده is Hamada, not Hamad
    for lcons, runs in _latin_slots(latin):
        if lcons != cons:
            continue
        last = len(slots) - 1
        if all(_slot_agrees(slots[i], runs[i], i == last, 0 < i < last) for i in range(len(slots))):
            return True
    return False


def _aligned(n: int, label: tuple[tuple[str, ...], ...]) -> list[tuple[tuple[str, ...], ...]]:
    """The ways ``n`` Arabic words may line up with a label's words: all of them, without
    a leading honorific, or the label's last words."""
    out = [label]
    if label and "" in label[0]:
        out.append(label[1:])
    out.extend(label[i:] for i in range(1, len(label) - 1))
    return [a for a in out if len(a) == n]


@lru_cache(maxsize=50_000)
def vowels_agree(name: str, label: str, french: bool = False) -> bool:
    """Whether an Arabic name's written long vowels agree with an English label's vowels,
    word by word (see the module docstring).

    >>> vowels_agree("مصطفى الكاظمي", "Mustafa Al-Kadhimi"), vowels_agree("حسين", "Hassan")
    (True, False)
    >>> vowels_agree("جان نويل بارو", "Jean-Noël Barrot", french=True)
    True
    """
    ar = arabic_parts(name)
    return any(
        all(
            any(_word_agrees(a, x) for a in ws for x in ls if x)
            for ws, ls in zip(ar, lab, strict=True)
        )
        for lab in _aligned(len(ar), latin_parts(label, french))
    )


__all__ = [
    "arabic_keys",
    "arabic_parts",
    "arabic_words",
    "french_silent",
    "joined",
    "latin_keys",
    "latin_parts",
    "latin_words",
    "suffix_keys",
    "vowels_agree",
]
