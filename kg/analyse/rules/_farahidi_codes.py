"""Codes for farahidi's Arabic labels, shared by the lexicon builder and the analyser.

>>> POS["فعل"], TYPES["اسم فاعل"], TYPES[None]
('V', 'ap', '')
"""

from __future__ import annotations

POS = {"فعل": "V", "اسم": "N", "حرف": "P"}
TYPES = {
    None: "",
    "مصدر أصلي": "vn",
    "مصدر مرة": "vn",
    "مصدر ميمي": "vn",
    "مصدر هيئة": "vn",
    "مصدر صناعي": "vn",
    "اسم جامد": "n",
    "اسم فاعل": "ap",
    "اسم مفعول": "pp",
    "مبالغة اسم الفاعل": "ap",
    "صفة مشبهة": "adj",
    "نسبة": "nisba",
    "اسم تفضيل": "elative",
    "اسم زمان أو مكان": "n",
    "اسم آلة": "n",
    "اسم علم": "prop",
    "ظرف": "adv",
    "إشارة": "dem",
    "موصول": "rel",
    "ضمير": "pron",
    "استفهام": "interrog",
    "شرط": "cond",
    "ناسخ": "kana",
    "جامد": "rigid",
}
TENSE = {None: "", "ماض": "past", "مضارع": "pres", "أمر": "imp"}
VOICE = {None: "", "معلوم": "act", "مجهول": "pass"}
PRON = {
    None: "",
    "هو": "3ms",
    "هي": "3fs",
    "هما": "3d",
    "هم": "3mp",
    "هن": "3fp",
    "أنا": "1s",
    "نحن": "1p",
    "أنتَ": "2ms",
    "أنتِ": "2fs",
    "أنتما": "2d",
    "أنتم": "2mp",
    "أنتن": "2fp",
}
GENDER = {None: "", "مذكر": "m", "مؤنث": "f"}
NUMBER = {None: "", "مفرد": "s", "مثنى": "d", "جمع": "p"}
