#!/usr/bin/env python3
"""Train tiny stanza models from the project's own hand-written CoNLL-U, with no network.

The models are deliberately tiny (a few thousand parameters) and trained until they
reproduce their training sentences, so the tests can run the real stanza Pipeline
(tokenize, mwt, pos, lemma, depparse, ner) from disk on a machine that cannot download
stanza's models. They are useless on any other text.

Writes, for each language, the layout ``stanza.download`` would leave::

    OUT/resources.json                 packages.default of each language -> "tiny"
    OUT/LANG/tokenize/tiny.pt          character tokenizer (with MWT labels for ar)
    OUT/LANG/mwt/tiny.pt               dictionary MWT expander (languages with MWTs)
    OUT/LANG/pretrain/tiny.pt          word vectors made here from a word2vec text file
    OUT/LANG/pos/tiny.pt  lemma/tiny.pt  depparse/tiny.pt  ner/tiny.pt

Usage::

    python scripts/train_tiny_stanza.py --out /tmp/tiny-stanza [--langs ar en]

Input: ``tests/data/stanza/LANG_tiny.conllu`` (``# text`` lines, multi-word token lines,
``NER=`` tags in MISC). About 20-40 s on two CPU cores for both languages.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "stanza"
LANG_NAMES = {"ar": "Arabic", "en": "English"}
PACKAGE = "tiny"
SEED = 1234
#: Small enough to train in seconds, large enough to memorise a dozen sentences.
DIM = 16


@dataclass
class Word:
    form: str
    ner: str  # BIO tag, "O" if none


@dataclass
class TokenSpan:
    surface: str
    words: list[Word]


@dataclass
class Sent:
    text: str
    tokens: list[TokenSpan]


def read_sentences(path: Path) -> list[Sent]:
    """Sentences with their surface tokens (a multi-word token keeps its words)."""
    from kg.analyse.conllu import parse

    out: list[Sent] = []
    for s in parse(path.read_text(encoding="utf-8"), str(path)):
        if s.text is None:
            raise SystemExit(f"{path}:{s.line}: every training sentence needs a '# text' line")
        tokens: list[TokenSpan] = []
        words = list(s.words)
        i = 0
        while i < len(words):
            w = words[i]
            if w.id in s.mwt:
                last, surface = s.mwt[w.id]
                group = [x for x in words[i:] if x.id <= last]
                tokens.append(TokenSpan(surface, [Word(g.form, _ner(g.misc)) for g in group]))
                i += len(group)
            else:
                tokens.append(TokenSpan(w.form, [Word(w.form, _ner(w.misc))]))
                i += 1
        out.append(Sent(s.text, tokens))
    return out


def _ner(misc: str) -> str:
    for item in misc.split("|"):
        k, _, v = item.partition("=")
        if k.lower() == "ner" and v:
            return v
    return "O"


def tokenizer_files(sents: list[Sent], folder: Path, name: str) -> tuple[Path, Path, Path]:
    """stanza's tokenizer input: raw text, one label per character, and the MWT list.

    Labels: 0 inside a token, 1 end of a token, 2 end of a sentence, 3 end of a
    multi-word token, 4 a multi-word token that ends a sentence. Paragraphs (blank line
    between them) hold the sentences in two orders, so sentence breaks are learnt
    inside a paragraph, not only at its end.
    """
    paragraphs_txt: list[str] = []
    paragraphs_lab: list[str] = []
    for order in (sents, list(reversed(sents))):
        txt: list[str] = []
        lab: list[str] = []
        for s in order:
            if txt:
                txt.append(" ")
                lab.append("0")
            pos = 0
            for k, t in enumerate(s.tokens):
                start = s.text.find(t.surface, pos)
                if start < 0:
                    raise SystemExit(f"token {t.surface!r} not in {s.text!r}")
                gap = s.text[pos:start]
                txt.append(gap)
                lab.append("0" * len(gap))
                mwt = len(t.words) > 1
                end_label = (3 if mwt else 1) + (1 if k == len(s.tokens) - 1 else 0)
                txt.append(t.surface)
                lab.append("0" * (len(t.surface) - 1) + str(end_label))
                pos = start + len(t.surface)
        paragraphs_txt.append("".join(txt))
        paragraphs_lab.append("".join(lab))
    txt_path, lab_path, mwt_path = (
        folder / f"{name}.txt",
        folder / f"{name}.label",
        folder / f"{name}_mwt.json",
    )
    txt_path.write_text("\n\n".join(paragraphs_txt) + "\n\n", encoding="utf-8")
    lab_path.write_text("\n\n".join(paragraphs_lab) + "\n\n", encoding="utf-8")
    counts: dict[tuple[str, tuple[str, ...]], int] = {}
    for s in sents:
        for t in s.tokens:
            if len(t.words) > 1:
                key = (t.surface, tuple(w.form for w in t.words))
                counts[key] = counts.get(key, 0) + 1
    mwt_path.write_text(
        json.dumps([[[k[0], list(k[1])], n] for k, n in counts.items()], ensure_ascii=False),
        encoding="utf-8",
    )
    return txt_path, lab_path, mwt_path


def ner_file(sents: list[Sent], path: Path) -> Path:
    """stanza's NER training JSON: sentences of surface tokens with BIO tags.

    stanza tags tokens, not syntactic words: a clitic token (بالعراق) takes the tag of
    its non-O word.
    """
    data = []
    for s in sents:
        data.append(
            [
                {"text": t.surface, "ner": next((w.ner for w in t.words if w.ner != "O"), "O")}
                for t in s.tokens
            ]
        )
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def word2vec_file(sents: list[Sent], path: Path, dim: int = DIM) -> Path:
    """A word2vec text file over the training vocabulary, with seeded random vectors."""
    rng = random.Random(SEED)
    vocab: dict[str, None] = {}
    for s in sents:
        for t in s.tokens:
            for w in [t.surface, *(x.form for x in t.words)]:
                vocab.setdefault(w, None)
                vocab.setdefault(w.lower(), None)
    lines = [f"{len(vocab)} {dim}"]
    for w in vocab:
        lines.append(
            w.replace(" ", "\xa0") + " " + " ".join(f"{rng.uniform(-1, 1):.4f}" for _ in range(dim))
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _small(*extra: str) -> list[str]:
    return ["--seed", str(SEED), "--cpu", *extra]


def train_language(lang: str, conllu: Path, out: Path, work: Path, steps: int) -> dict[str, object]:
    """Train every processor of one language; return its resources.json entry."""
    from stanza.models import lemmatizer, mwt_expander, ner_tagger, parser, tagger, tokenizer
    from stanza.models.common.pretrain import Pretrain

    sents = read_sentences(conllu)
    has_mwt = any(len(t.words) > 1 for s in sents for t in s.tokens)
    lang_dir = out / lang
    model = {
        p: lang_dir / p / f"{PACKAGE}.pt"
        for p in ("tokenize", "mwt", "pretrain", "pos", "lemma", "depparse", "ner")
    }
    for p in model.values():
        p.parent.mkdir(parents=True, exist_ok=True)
    train = work / f"{lang}.train.conllu"
    shutil.copyfile(conllu, train)
    pred = str(work / f"{lang}.pred.conllu")
    short = f"{lang}_{PACKAGE}"
    timings: dict[str, float] = {}

    t = time.perf_counter()
    txt, lab, mwt_json = tokenizer_files(sents, work, f"{lang}.tok")
    tok_args = tokenizer.parse_args(
        [
            "--txt_file",
            str(txt),
            "--label_file",
            str(lab),
            "--mwt_json_file",
            str(mwt_json),
            "--dev_txt_file",
            str(txt),
            "--dev_label_file",
            str(lab),
            "--lang",
            lang,
            "--shorthand",
            short,
            "--save_dir",
            str(model["tokenize"].parent),
            "--save_name",
            model["tokenize"].name,
            "--steps",
            str(steps),
            "--eval_steps",
            str(steps),
            "--report_steps",
            str(steps),
            "--batch_size",
            "8",
            "--hidden_dim",
            "32",
            "--emb_dim",
            "16",
            "--rnn_layers",
            "1",
            "--dropout",
            "0",
            "--unit_dropout",
            "0",
            "--tok_noise",
            "0",
            "--max_seqlen",
            "120",
            "--last_char_drop_prob",
            "0",
            "--punct_move_back_prob",
            "0",
            "--split_mwt_prob",
            "0",
            "--comma_typo_prob",
            "0",
            "--comma_glue_prob",
            "0",
            "--drop_initial_punct_prob",
            "0",
            "--augment_final_punct_prob",
            "0",
            "--augment_mid_punct_prob",
            "0",
            "--lr",
            "0.01",
            *_small(),
        ]
    )
    tokenizer.utils.set_random_seed(SEED)
    tok_args["feat_funcs"] = tokenizer.DEFAULT_FEAT_FUNCS
    tok_args["feat_dim"] = len(tok_args["feat_funcs"])
    tok_args["save_name"] = str(model["tokenize"])
    tokenizer.train(tok_args)
    timings["tokenize"] = time.perf_counter() - t

    if has_mwt:
        t = time.perf_counter()
        mwt_expander.main(
            [
                "--train_file",
                str(train),
                "--eval_file",
                str(train),
                "--gold_file",
                str(train),
                "--output_file",
                pred,
                "--lang",
                lang,
                "--shorthand",
                short,
                "--save_dir",
                str(model["mwt"].parent),
                "--save_name",
                model["mwt"].name,
                "--dict_only",
                "--no_force_exact_pieces",
                *_small(),
            ]
        )
        timings["mwt"] = time.perf_counter() - t

    t = time.perf_counter()
    vec = word2vec_file(sents, work / f"{lang}.vec.txt")
    Pretrain(str(model["pretrain"]), str(vec)).load()
    timings["pretrain"] = time.perf_counter() - t

    tiny = [
        "--hidden_dim",
        str(DIM),
        "--char_hidden_dim",
        str(DIM),
        "--word_emb_dim",
        str(DIM),
        "--char_emb_dim",
        "8",
        "--tag_emb_dim",
        "8",
        "--transformed_dim",
        str(DIM),
        "--num_layers",
        "1",
        "--char_num_layers",
        "1",
        "--deep_biaff_hidden_dim",
        str(DIM),
        "--word_dropout",
        "0",
        "--dropout",
        "0",
        "--rec_dropout",
        "0",
        "--char_rec_dropout",
        "0",
        "--batch_size",
        "200",
    ]
    common = [
        "--wordvec_pretrain_file",
        str(model["pretrain"]),
        "--train_file",
        str(train),
        "--eval_file",
        str(train),
        "--output_file",
        pred,
        "--lang",
        lang,
        "--shorthand",
        short,
        "--augment_nopunct",
        "0",
    ]

    t = time.perf_counter()
    tagger.main(
        [
            *common,
            *tiny,
            "--composite_deep_biaff_hidden_dim",
            str(DIM),
            "--max_steps",
            str(steps),
            "--eval_interval",
            str(steps),
            "--save_dir",
            str(model["pos"].parent),
            "--save_name",
            model["pos"].name,
            "--lr",
            "0.01",
            "--no_second_optim",
            *_small(),
        ]
    )
    timings["pos"] = time.perf_counter() - t

    t = time.perf_counter()
    lemmatizer.main(
        [
            "--train_file",
            str(train),
            "--eval_file",
            str(train),
            "--output_file",
            pred,
            "--shorthand",
            short,
            "--save_dir",
            str(model["lemma"].parent),
            "--save_name",
            model["lemma"].name,
            "--dict_only",
            *_small(),
        ]
    )
    timings["lemma"] = time.perf_counter() - t

    t = time.perf_counter()
    parser.main(
        [
            *common,
            *tiny,
            "--deep_biaff_output_dim",
            "8",
            "--max_steps",
            str(steps),
            "--eval_interval",
            str(steps),
            "--save_dir",
            str(model["depparse"].parent),
            "--save_name",
            model["depparse"].name,
            "--no_checkpoint",
            "--optim",
            "adam",
            "--lr",
            "0.01",
            "--no_second_optim",
            *_small(),
        ]
    )
    timings["depparse"] = time.perf_counter() - t

    t = time.perf_counter()
    ner_json = ner_file(sents, work / f"{lang}.ner.json")
    ner_tagger.main(
        [
            "--wordvec_pretrain_file",
            str(model["pretrain"]),
            "--train_file",
            str(ner_json),
            "--eval_file",
            str(ner_json),
            "--shorthand",
            short,
            "--save_dir",
            str(model["ner"].parent),
            "--save_name",
            model["ner"].name,
            "--hidden_dim",
            str(DIM),
            "--char_hidden_dim",
            str(DIM),
            "--word_emb_dim",
            str(DIM),
            "--char_emb_dim",
            "8",
            "--num_layers",
            "1",
            "--word_dropout",
            "0",
            "--locked_dropout",
            "0",
            "--dropout",
            "0",
            "--rec_dropout",
            "0",
            "--char_rec_dropout",
            "0",
            "--char_dropout",
            "0",
            "--max_steps",
            str(steps * 3),
            "--eval_interval",
            str(steps * 3),
            "--batch_size",
            "200",
            "--lr",
            "0.05",
            *_small(),
        ]
    )
    timings["ner"] = time.perf_counter() - t
    logging.getLogger("train_tiny_stanza").info(
        "%s: %s", lang, {k: round(v, 1) for k, v in timings.items()}
    )

    pretrain_dep = [{"model": "pretrain", "package": PACKAGE}]
    processors = ["tokenize", *(["mwt"] if has_mwt else []), "pos", "lemma", "depparse", "ner"]
    entry: dict[str, object] = {"lang_name": LANG_NAMES.get(lang, lang), "pretrain": {PACKAGE: {}}}
    for p in processors:
        entry[p] = {
            PACKAGE: {"dependencies": pretrain_dep} if p in ("pos", "depparse", "ner") else {}
        }
    entry["packages"] = {"default": {p: PACKAGE for p in processors}}
    entry["default_processors"] = {p: PACKAGE for p in processors}
    return entry


def verify(out: Path, lang: str, conllu: Path) -> list[str]:
    """Differences between what the trained pipeline gives on each training sentence and
    the gold CoNLL-U (words, lemmas, UPOS, heads, relations, NER): empty when the models
    reproduce their data, which is what the tests rely on."""
    import stanza

    from kg.analyse.conllu import parse

    nlp = stanza.Pipeline(
        lang, dir=str(out), download_method=None, logging_level="ERROR", use_gpu=False
    )
    level = logging.getLogger("stanza").level
    logging.getLogger("stanza").setLevel(max(level, logging.WARNING))
    problems: list[str] = []
    for gold in parse(conllu.read_text(encoding="utf-8"), str(conllu)):
        doc = nlp(gold.text or "")
        words = [w for s in doc.sentences for w in s.words]
        want = [(w.form, w.lemma, w.upos, w.head, w.deprel) for w in gold.words]
        got = [(w.text, w.lemma, w.upos, w.head, w.deprel) for w in words]
        if len(doc.sentences) != 1 or got != want:
            problems.append(f"{lang}: {gold.text!r}: got {got} want {want}")
        tokens = [t for s in doc.sentences for t in s.tokens]
        gold_ner = [_ner(w.misc) for w in gold.words]
        if any(t != "O" for t in gold_ner):
            got_spans = {(e.text, e.type) for s in doc.sentences for e in s.ents}
            if not got_spans:
                problems.append(f"{lang}: {gold.text!r}: no entities ({[t.ner for t in tokens]})")
    return problems


def train_all(
    out: Path, langs: list[str], steps: int = 150, data: Path = DATA, tries: int = 3
) -> Path:
    """Train the tiny models of ``langs`` into ``out``, write ``out/resources.json``, and
    check that they reproduce their training sentences (training longer if not)."""
    import torch

    torch.set_num_threads(1)  # tiny tensors: threads only contend, worst on a busy machine
    out.mkdir(parents=True, exist_ok=True)
    resources: dict[str, object] = {}
    for lang in langs:
        conllu = data / f"{lang}_tiny.conllu"
        for attempt in range(tries):
            with tempfile.TemporaryDirectory(prefix="tiny-stanza-") as tmp:
                resources[lang] = train_language(lang, conllu, out, Path(tmp), steps * 2**attempt)
            (out / "resources.json").write_text(
                json.dumps(resources, ensure_ascii=False, indent=1), encoding="utf-8"
            )
            problems = verify(out, lang, conllu)
            if not problems:
                break
            logging.getLogger("train_tiny_stanza").warning(
                "%s: %d sentences not reproduced; training longer", lang, len(problems)
            )
        else:
            raise SystemExit(
                "the tiny models do not reproduce their training data:\n" + "\n".join(problems)
            )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, type=Path, help="model directory to write")
    ap.add_argument("--langs", nargs="+", default=["ar", "en"])
    ap.add_argument("--steps", type=int, default=150, help="training steps of each model")
    ap.add_argument("-v", "--verbose", action="store_true", help="show stanza's training log")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("stanza").setLevel(logging.INFO if args.verbose else logging.ERROR)
    t0 = time.perf_counter()
    train_all(args.out, args.langs, args.steps)
    size = sum(p.stat().st_size for p in args.out.rglob("*.pt"))
    print(
        f"trained {', '.join(args.langs)} into {args.out} ({size / 1e6:.2f} MB) in {time.perf_counter() - t0:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
