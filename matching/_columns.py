"""Storage for one side of the index: growable slot arrays and inverted lists.

Internal module.  An :class:`Inverted` maps a feature id to the slots that
have it (with a value), split into a *main* CSR segment and a small *pending*
segment of recent slots, so that an upsert costs O(its features) and the
merge into the main segment is amortised.
"""
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
    """Feature -> (slot, value) lists; main CSR segment plus pending slots."""

    def __init__(self):
        self.indptr = np.zeros(1, dtype=np.int64)
        self.indices = _EMPTY_INT
        self.data = _EMPTY_FLOAT
        self.pending = {}  # slot -> (features int32, values float32)
        self._pending_csr = None

    @property
    def n_main(self):
        return len(self.indices)

    def add(self, slot, features, values):
        self.pending[slot] = (np.asarray(features, dtype=np.int32), np.asarray(values, dtype=np.float32))
        self._pending_csr = None

    def discard(self, slot):
        """Drop a pending slot (main-segment slots are masked by the caller until compaction)."""
        if self.pending.pop(slot, None) is not None:
            self._pending_csr = None

    def _pending_arrays(self):
        if self._pending_csr is None:
            slots = np.fromiter(self.pending, dtype=np.int32, count=len(self.pending))
            parts = list(self.pending.values())
            lengths = np.fromiter((len(features) for features, _ in parts), dtype=np.int64, count=len(parts))
            features = np.concatenate([features for features, _ in parts]) if parts else _EMPTY_INT
            values = np.concatenate([values for _, values in parts]) if parts else _EMPTY_FLOAT
            n_rows = int(features.max()) + 1 if len(features) else 0
            self._pending_csr = _csr(features, np.repeat(slots, lengths), values, n_rows)
        return self._pending_csr

    def dot(self, features, weights, size):
        """For every slot < ``size``: the sum over ``features`` of weight x value."""
        features = np.asarray(features, dtype=np.int64)
        weights = np.asarray(weights, dtype=np.float32)
        slots, values = _gather(self.indptr, self.indices, self.data, features, weights)
        if self.pending:
            extra_slots, extra_values = _gather(*self._pending_arrays(), features, weights)
            slots = np.concatenate([slots, extra_slots])
            values = np.concatenate([values, extra_values])
        return np.bincount(slots, weights=values, minlength=size).astype(np.float32)

    def merge(self):
        """Fold the pending slots into the main segment."""
        if not self.pending:
            return
        pending_indptr, pending_indices, pending_data = self._pending_arrays()
        n_rows = max(len(self.indptr), len(pending_indptr)) - 1
        rows = np.concatenate([
            np.repeat(np.arange(len(self.indptr) - 1, dtype=np.int32), np.diff(self.indptr)),
            np.repeat(np.arange(len(pending_indptr) - 1, dtype=np.int32), np.diff(pending_indptr)),
        ])
        columns = np.concatenate([self.indices, pending_indices])
        values = np.concatenate([self.data, pending_data])
        self.indptr, self.indices, self.data = _csr(rows, columns, values, n_rows)
        self.pending = {}
        self._pending_csr = None

    def compact(self, new_slot):
        """Renumber slots by ``new_slot`` (old slot -> new slot, -1 drops it)."""
        self.merge()
        rows = np.repeat(np.arange(len(self.indptr) - 1, dtype=np.int32), np.diff(self.indptr))
        mapped = new_slot[self.indices]
        keep = mapped >= 0
        self.indptr, self.indices, self.data = _csr(rows[keep], mapped[keep], self.data[keep], len(self.indptr) - 1)
