"""Train the crisis model (`chatbot/crisis_model.py`) and write it beside the dialog.

Dev-time only (needs `pip install -e ".[train]"`: scikit-learn); the app reads the written
file with no library. Usage:

    python tools/train_crisis_model.py [--budget 0.01] [--check]

Trains on the corpus's tuning part only: its must-trigger phrases by concept, its must-not
phrases, and every tuning answer of the answer corpus that the grammar finds nothing in (the
everyday words of an intake). The held-out parts are never read here.

The threshold is chosen without the held-out parts too: each tuning file is scored by a model
trained on the others (grouped cross-validation), the engine's guards are applied (the grammar
cleared the words, a question about history, a short answer), and the threshold is the lowest
at which the model alone raises a check-in on at most `--budget` of the tuning must-not phrases.
`--check` trains and reports without writing.
"""

from __future__ import annotations

import argparse
import base64
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import yaml
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from chatbot.crisis_model import CHAR, WORD, features, letter_runs  # noqa: E402
from chatbot.dialogs import DEFAULT_DIALOG, load  # noqa: E402
from chatbot.safety import Detector  # noqa: E402
from chatbot.spec import Question  # noqa: E402

MIN_DF = 2  # a feature seen in one answer only says nothing about another
C = 4.0  # inverse regularisation; chosen by cross-validation on the tuning part (README)
MIN_WORDS = 4  # a yes or no with a word or two ("no, I can't") is an answer, not a disclosure
FOLDS = 6


def corpus(detector: Detector, history: set[str], questions: list[Question]) -> list[dict]:
    """Every tuning example: text, label ("none" or a concept), group (its file), and whether
    the engine would let the model read it (the guards). The dialog's own answers (each
    option's labels and synonyms) are everyday words too, unless an option is about a crisis."""
    rows = []
    for question in questions:
        for option in question.options:
            if option.crisis is not None:
                continue
            for text in filter(None, (option.label, option.label_other, *option.synonyms)):
                reading = detector.read(text)
                if not reading.hits:
                    rows.append(dict(text=text, label="none", group="options", quiet=False,
                                     read=not reading.cleared and question.id not in history))
    for path in sorted((ROOT / "tests" / "data" / "crisis").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data["part"] != "tuning":
            continue
        for group in ("trigger", "quiet"):
            for kind, phrases in data[group].items():
                for phrase in phrases:
                    text = str(phrase)
                    rows.append(dict(text=text, label=kind if group == "trigger" else "none", group=path.name,
                                     quiet=group == "quiet", read=not detector.read(text).cleared))
    for i, path in enumerate(sorted((ROOT / "tests" / "data" / "answers").glob("tuning*.yaml"))):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for qid, items in data.items():
            for item in items or []:
                text = str(item["say"])
                reading = detector.read(text)
                if reading.hits:
                    continue  # a disclosure in an answer: not an everyday example
                rows.append(dict(text=text, label="none", group=f"answers{i % FOLDS}", quiet=False,
                                 read=not reading.cleared and qid not in history))
    return rows


def blocks(text: str, negations: frozenset[str]) -> tuple[set[str], set[str]]:
    """The two feature blocks of one answer, named as in the model file."""
    present, plain = features(text, negations)
    return {WORD + f for f in present}, {CHAR + f for f in letter_runs(plain)}


def vectors(texts: list[str], negations: frozenset[str], vocabulary: dict[str, int] | None = None,
            idf: np.ndarray | None = None) -> tuple[csr_matrix, dict[str, int], np.ndarray]:
    """Idf of the features present, each block (words, letter runs) scaled to unit length, as the model reads."""
    counted = [blocks(t, negations) for t in texts]
    if vocabulary is None:
        df: Counter[str] = Counter()
        for pair in counted:
            for block in pair:
                df.update(block)
        kept = sorted(f for f, n in df.items() if n >= MIN_DF)
        vocabulary = {f: i for i, f in enumerate(kept)}
        idf = np.array([math.log((1 + len(texts)) / (1 + df[f])) + 1 for f in kept])
    assert idf is not None
    rows, cols, vals = [], [], []
    for r, pair in enumerate(counted):
        for block in pair:
            found = [(vocabulary[f], idf[vocabulary[f]]) for f in block if f in vocabulary]
            norm = math.sqrt(sum(v * v for _, v in found)) or 1.0
            for c, v in found:
                rows.append(r)
                cols.append(c)
                vals.append(v / norm)
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), len(vocabulary))), vocabulary, idf


def fit(x: csr_matrix, labels: list[str]) -> LogisticRegression:
    return LogisticRegression(C=C, class_weight="balanced", max_iter=3000).fit(x, labels)


def crisis_chance(model: LogisticRegression, x: csr_matrix) -> np.ndarray:
    return 1 - model.predict_proba(x)[:, list(model.classes_).index("none")]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=0.01)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    dialog = load(DEFAULT_DIALOG, model=False)
    safety = dialog.spec.safety
    detector = Detector(safety, dialog.grammar)
    history = {q.id for q in dialog.spec.questions if q.history}
    negations = frozenset(w for name in ("neg", "cant") for w in safety.words.get(name, []) if " " not in w)
    rows = corpus(detector, history, dialog.spec.questions)
    texts = [r["text"] for r in rows]
    labels = [r["label"] for r in rows]
    print(f"training on {len(rows)} tuning examples: {Counter(labels)}")

    chance = np.zeros(len(rows))
    for train, test in GroupKFold(n_splits=FOLDS).split(texts, labels, [r["group"] for r in rows]):
        x, vocabulary, idf = vectors([texts[i] for i in train], negations)
        model = fit(x, [labels[i] for i in train])
        chance[test] = crisis_chance(model, vectors([texts[i] for i in test], negations, vocabulary, idf)[0])
    words = np.array([len(features(t, negations)[1]) for t in texts])
    allowed = np.array([r["read"] for r in rows]) & (words >= MIN_WORDS)
    scored = np.where(allowed, chance, 0.0)
    quiet = np.array([r["quiet"] for r in rows])
    trigger = np.array([lab != "none" for lab in labels])
    ranked = np.sort(scored[quiet])[::-1]
    threshold = float(min(max(ranked[int(args.budget * len(ranked))], 0.5), 0.99))
    everyday = ~quiet & ~trigger
    print(f"cross-validated on the tuning files: threshold {threshold:.3f}; the model alone catches "
          f"{(scored[trigger] > threshold).mean():.1%} of must-trigger phrases, raises "
          f"{(scored[quiet] > threshold).mean():.1%} of must-not phrases and "
          f"{(scored[everyday] > threshold).mean():.2%} of everyday answers")

    x, vocabulary, idf = vectors(texts, negations)
    model = fit(x, labels)
    order = ["none"] + [c for c in model.classes_ if c != "none"]
    index = [list(model.classes_).index(c) for c in order]
    coef, intercept = model.coef_[index], model.intercept_[index]
    words = sorted(f for f in vocabulary if f.startswith(WORD))
    runs = sorted(f for f in vocabulary if f.startswith(CHAR))
    names = words + runs
    columns = [vocabulary[f] for f in names]
    scaled = coef[:, columns].T * idf[columns][:, None]
    scale = float(np.abs(scaled).max()) / 32767

    def packed(values: np.ndarray, kind: str) -> str:
        return base64.b64encode(values.astype(kind).tobytes()).decode("ascii")

    lines = [
        "# The crisis model for dialogs/intake.yaml (chatbot/crisis_model.py). Written by",
        "# tools/train_crisis_model.py from the corpus's tuning part; do not edit by hand.",
        "labels\t" + "\t".join(order),
        f"threshold\t{threshold:.4f}",
        f"min_words\t{MIN_WORDS}",
        "negations\t" + "\t".join(sorted(negations)),
        "intercepts\t" + "\t".join(f"{b:.6f}" for b in intercept),
        f"scale\t{scale:.9g}",
        "words\t" + "\t".join(f[len(WORD):] for f in words),
        "word_idf\t" + packed(idf[[vocabulary[f] for f in words]], "<f4"),
        "runs\t" + "\t".join(f[len(CHAR):] for f in runs),
        "run_idf\t" + packed(idf[[vocabulary[f] for f in runs]], "<f4"),
        "weights\t" + packed(np.round(scaled / scale), "<i2"),
    ]
    print(f"{len(vocabulary)} features ({sum(f.startswith(WORD) for f in vocabulary)} word, "
          f"{sum(f.startswith(CHAR) for f in vocabulary)} letter-run)")
    if not args.check:
        out = Path(dialog.file).parent / (safety.model or "crisis_model.tsv")
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {out} ({out.stat().st_size // 1024} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
