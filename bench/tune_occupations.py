"""Fit the normaliser's evidence blend (``matching.occupations._BLEND``) by cross-validation.

Run from the repository root:  python bench/tune_occupations.py [titles-dev.csv]

For each of 5 folds of titles-dev.csv a normaliser is fitted on the other
four and its evidence rows are collected for the held-out titles, so every
title's evidence comes from a model that never saw it.  The blend is refined
from the current ``_BLEND`` by coordinate ascent on exact accuracy over that
out-of-fold evidence; whether a refinement generalises is estimated by
refining leave-one-fold-out (nested).  Paste the printed weights into
``_BLEND`` only when the nested figure beats the current one.
"""
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.quality import TITLES_DEV, read_titles  # noqa: E402
from matching.occupations import _BLEND, OccupationNormalizer, load_occupations  # noqa: E402

FOLDS = 5


def out_of_fold_evidence(path, seed=0):
    """Evidence of every title for every occupation from a model that never saw it: (folds, evidence, truths)."""
    occupations = load_occupations()
    titles, codes = read_titles(path, {code for code, _, _ in occupations})
    assignment = np.random.default_rng(seed).permutation(len(titles)) % FOLDS
    folds, evidence, truths = [], [], []
    for fold in range(FOLDS):
        train = np.flatnonzero(assignment != fold)
        normalizer = OccupationNormalizer().fit(occupations, [titles[i] for i in train], [codes[i] for i in train])
        position = {code: index for index, code in enumerate(normalizer.codes_)}
        for i in np.flatnonzero(assignment == fold):
            found = normalizer._evidence(titles[i])
            if found is not None:
                folds.append(fold)
                evidence.append(found[0])
                truths.append(position[codes[i]])
    return np.asarray(folds), np.stack(evidence), np.asarray(truths), len(titles)


def fit_blend(evidence, truths, start, rounds=2):
    """Coordinate ascent on exact accuracy (the figure reported) from ``start``."""
    weights, best = start.astype(np.float64).copy(), accuracy(evidence, truths, start)
    for _ in range(rounds):
        for row in range(len(weights)):
            for step in (-1.0, -0.5, -0.25, 0.25, 0.5, 1.0):
                trial = weights.copy()
                trial[row] += step
                found = accuracy(evidence, truths, trial)
                if found > best:
                    best, weights = found, trial
    return weights


def accuracy(evidence, truths, weights):
    return int((np.argmax(np.einsum("f,nfc->nc", weights.astype(np.float32), evidence), axis=1) == truths).sum())


def main(path=TITLES_DEV):
    folds, evidence, truths, total = out_of_fold_evidence(Path(path))
    start = _BLEND.astype(np.float64)
    print(f"current blend, out-of-fold exact: {accuracy(evidence, truths, start) / total:.3f}")
    nested = sum(
        accuracy(evidence[folds == fold], truths[folds == fold],
                 fit_blend(evidence[folds != fold], truths[folds != fold], start))
        for fold in range(FOLDS)
    )
    print(f"refined blend, nested held-out exact: {nested / total:.3f}")
    weights = fit_blend(evidence, truths, start)
    print("_BLEND =", np.array2string(np.round(weights, 3), separator=", "))


if __name__ == "__main__":
    main(*sys.argv[1:])
