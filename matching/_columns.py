"""Storage for one side of the index: growable slot arrays and inverted lists.

Internal module.  An :class:`Inverted` maps a feature id to the slots that
have it (with a value), split into a *main* CSR segment and a small *pending*
segment of recent entries, so that an upsert costs O(its features) and the
merge into the main segment is amortised.
"""
from array import array

import numpy as np

__all__ = ["Inverted", "Vocabulary", "grow"]

_EMPTY_INT = np.zeros(0, dtype=np.int32)
_EMPTY_FLOAT = np.zeros(0, dtype=np.float32)


class Vocabulary(dict):
    """String -> dense id, growing."""

    def id(self, key):
        found = self.get(key)
        if found is None:
            found = self[key] = len(self)
        return found


def grow(array, capacity, fill):
    """A copy of ``array`` with ``capacity`` rows, new rows set to ``fill``."""
    grown = np.full((capacity,) + array.shape[1:], fill, dtype=array.dtype)
    grown[: len(array)] = array
    return grown


def _gather(indptr, indices, data, features, weights):
    """Slots and weight x value of the posting lists of ``features`` in one CSR segment."""
    inside = features < len(indptr) - 1
    features, weights = features[inside], weights[inside]
    starts = indptr[features]
    lengths = indptr[features + 1] - starts
    total = int(lengths.sum())
    if total == 0:
        return _EMPTY_INT, _EMPTY_FLOAT
    # Positions of every entry of the selected rows, without a Python loop.
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    positions = offsets + np.arange(total)
    return indices[positions], data[positions] * np.repeat(weights, lengths)


def _csr(rows, columns, values, n_rows):
    """CSR arrays (indptr, indices, data) from coordinates, rows ascending."""
    order = np.argsort(rows, kind="stable")
    counts = np.bincount(rows, minlength=n_rows)
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    return indptr, columns[order].astype(np.int32), values[order].astype(np.float32)


class Inverted:
    """Feature -> (slot, value) lists; a main CSR segment plus pending entries.

    Entries of dead slots stay until :meth:`compact` drops them: callers mask
    dead slots out of the scores anyway.
    """

    def __init__(self):
        self.indptr = np.zeros(1, dtype=np.int64)
        self.indices = _EMPTY_INT
        self.data = _EMPTY_FLOAT
        # Pending entries as flat typed arrays: far fewer objects than one array per slot.
        self._features = array("i")
        self._slots = array("i")
        self._values = array("f")

    @property
    def n_main(self):
        return len(self.indices)

    @property
    def n_pending(self):
        return len(self._slots)

    def add(self, slot, features, values):
        self._features.extend(np.asarray(features, dtype=np.int32).tolist())
        self._slots.extend([slot] * len(features))
        self._values.extend(np.asarray(values, dtype=np.float32).tolist())

    def _pending_arrays(self):
        """The pending entries as numpy views: features, slots, values (unsorted)."""
        if not self._slots:
            return _EMPTY_INT, _EMPTY_INT, _EMPTY_FLOAT
        return (np.frombuffer(self._features, dtype=np.int32), np.frombuffer(self._slots, dtype=np.int32),
                np.frombuffer(self._values, dtype=np.float32))

    def dot(self, features, weights, size):
        """For every slot < ``size``: the sum over ``features`` of weight x value."""
        features = np.asarray(features, dtype=np.int64)
        weights = np.asarray(weights, dtype=np.float32)
        slots, values = _gather(self.indptr, self.indices, self.data, features, weights)
        if self._slots and len(features):
            # Pending entries are few: weigh them all through a dense lookup, no sorting.
            pending_features, pending_slots, pending_values = self._pending_arrays()
            lookup = np.zeros(max(int(features.max()), int(pending_features.max())) + 1, dtype=np.float32)
            lookup[features] = weights
            contribution = lookup[pending_features] * pending_values
            hit = np.flatnonzero(contribution)
            slots = np.concatenate([slots, pending_slots[hit]])
            values = np.concatenate([values, contribution[hit]])
        return np.bincount(slots, weights=values, minlength=size).astype(np.float32)

    def merge(self):
        """Fold the pending entries into the main segment."""
        if not self._slots:
            return
        pending_features, pending_slots, pending_values = self._pending_arrays()
        n_rows = max(len(self.indptr) - 1, int(pending_features.max()) + 1)
        rows = np.concatenate([
            np.repeat(np.arange(len(self.indptr) - 1, dtype=np.int32), np.diff(self.indptr)),
            pending_features,
        ])
        columns = np.concatenate([self.indices, pending_slots])
        values = np.concatenate([self.data, pending_values])
        # Stable: within a feature, main entries keep their order and pending ones follow.
        self.indptr, self.indices, self.data = _csr(rows, columns, values, n_rows)
        self._features, self._slots, self._values = array("i"), array("i"), array("f")

    def compact(self, new_slot):
        """Renumber slots by ``new_slot`` (old slot -> new slot, -1 drops its entries)."""
        self.merge()
        rows = np.repeat(np.arange(len(self.indptr) - 1, dtype=np.int32), np.diff(self.indptr))
        mapped = new_slot[self.indices]
        keep = mapped >= 0
        self.indptr, self.indices, self.data = _csr(rows[keep], mapped[keep], self.data[keep], len(self.indptr) - 1)
