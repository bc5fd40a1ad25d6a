"""Fit the normaliser's evidence blend (``matching.occupations._BLEND``) by cross-validation.

Run from the repository root:  python bench/tune_occupations.py [titles-dev.csv]

For each of 5 folds of titles-dev.csv a normaliser is fitted on the other
four and its evidence rows are collected for the held-out titles, so every
title's evidence comes from a model that never saw it.  The blend is fitted
on that out-of-fold evidence as a conditional logit (softmax over the
occupations of the linear blend, L-BFGS), then refined by coordinate ascent
on exact accuracy, the figure reported.  The two exact-hit weights stay as
set by hand (``_HAND_SET_ROWS``: an official name or English alias always
wins; a Chinese alias counts as much as CV allows without losing accuracy).  Whether a refit
generalises is estimated leave-one-fold-out: the blend is fitted on the
evidence of four folds and scored on the fifth.  Paste the printed weights
into ``_BLEND`` only when that nested figure beats the current blend's.
"""
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.build_occupations import learning_rows  # noqa: E402
from bench.quality import TITLES_DEV, read_titles  # noqa: E402
from matching.occupations import _BLEND, _HAND_SET_ROWS, OccupationNormalizer, curated_aliases, load_occupations  # noqa: E402

FOLDS = 5


def out_of_fold_evidence(path, seed=0, **params):
    """Evidence of every title for every occupation from a model that never saw it: (folds, evidence, truths, n)."""
    occupations = load_occupations()
    titles, codes = read_titles(path, {code for code, _, _ in occupations})
    names = {code: name for code, name, _ in occupations}
    assignment = np.random.default_rng(seed).permutation(len(titles)) % FOLDS
    folds, evidence, truths = [], [], []
    for fold in range(FOLDS):
        train = np.flatnonzero(assignment != fold)
        normalizer = OccupationNormalizer(**params).fit(
            occupations, *learning_rows([titles[i] for i in train], [codes[i] for i in train], names),  # truths stay as given
            curated=curated_aliases())
        position = {code: index for index, code in enumerate(normalizer.codes_)}
        for i in np.flatnonzero(assignment == fold):
            found = normalizer._evidence(titles[i])
            if found is not None:
                folds.append(fold)
                evidence.append(found[0])
                truths.append(position[codes[i]])
    return np.asarray(folds), np.stack(evidence), np.asarray(truths), len(titles)


def fit_logit(evidence, truths, start, *, l2=1e-3):
    """Weights maximising the conditional likelihood of the true occupation (the hand-set weights kept)."""
    free = ~np.isin(np.arange(len(start)), _HAND_SET_ROWS)
    rows = np.arange(len(truths))
    chosen = evidence[rows, :, truths].astype(np.float64)  # (n, features)

    def loss(w_free):
        w = start.astype(np.float64).copy()
        w[free] = w_free
        votes = np.einsum("f,nfc->nc", w.astype(np.float32), evidence).astype(np.float64)
        votes -= votes.max(axis=1, keepdims=True)
        p = np.exp(votes)
        total = p.sum(axis=1, keepdims=True)
        p /= total
        value = -(votes[rows, truths] - np.log(total[:, 0])).sum() + l2 * (w_free**2).sum() * len(truths)
        expected = np.einsum("nc,nfc->nf", p.astype(np.float32), evidence).astype(np.float64)
        grad = -(chosen - expected).sum(axis=0)[free] + 2 * l2 * w_free * len(truths)
        return value, grad

    found = minimize(loss, start[free].astype(np.float64), jac=True, method="L-BFGS-B")
    weights = start.astype(np.float64).copy()
    weights[free] = found.x
    return weights


def refine(evidence, truths, start, rounds=2):
    """Coordinate ascent on exact accuracy from ``start`` (the hand-set weights kept)."""
    weights, best = start.astype(np.float64).copy(), accuracy(evidence, truths, start)
    for _ in range(rounds):
        for row in range(len(weights)):
            if row in _HAND_SET_ROWS:
                continue
            for step in (-0.5, -0.2, -0.1, 0.1, 0.2, 0.5):
                trial = weights.copy()
                trial[row] += step * max(abs(trial[row]), 0.2)
                found = accuracy(evidence, truths, trial)
                if found > best:
                    best, weights = found, trial
    return weights


def fit_blend(evidence, truths, start):
    return refine(evidence, truths, fit_logit(evidence, truths, start))


def accuracy(evidence, truths, weights):
    return int((np.argmax(np.einsum("f,nfc->nc", weights.astype(np.float32), evidence), axis=1) == truths).sum())


def main(path=TITLES_DEV):
    folds, evidence, truths, total = out_of_fold_evidence(Path(path))
    start = _BLEND.astype(np.float64)
    print(f"current blend, out-of-fold exact: {accuracy(evidence, truths, start) / total:.4f}")
    per_fold = []
    for fold in range(FOLDS):
        weights = fit_blend(evidence[folds != fold], truths[folds != fold], start)
        per_fold.append(accuracy(evidence[folds == fold], truths[folds == fold], weights))
    print(f"refitted blend, nested held-out exact: {sum(per_fold) / total:.4f} "
          f"(per fold {' '.join(str(n) for n in per_fold)} of ~{total // FOLDS})")
    weights = fit_blend(evidence, truths, start)
    print(f"refitted on all folds (training figure): {accuracy(evidence, truths, weights) / total:.4f}")
    print("_BLEND =", np.array2string(np.round(weights, 3), separator=", "))


if __name__ == "__main__":
    main(*sys.argv[1:])
