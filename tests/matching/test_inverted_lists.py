"""The index's inverted lists: merges and compaction keep every entry, in order."""
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from matching._columns import Inverted

# Steps: add a slot with these features, merge the pending entries, or drop some slots.
steps = st.lists(st.one_of(
    st.tuples(st.just("add"), st.sets(st.integers(0, 30), max_size=6)),
    st.tuples(st.just("merge"), st.none()),
    st.tuples(st.just("compact"), st.sets(st.integers(0, 40), max_size=10)),
), max_size=60)


@settings(max_examples=200, deadline=None)
@given(steps)
def test_lists_equal_their_entries_in_order_of_arrival(script):
    inverted, expected, n_slots = Inverted(), {}, 0  # feature -> slots, in arrival order
    for action, argument in script:
        if action == "add":
            inverted.add(n_slots, sorted(argument))
            for feature in sorted(argument):
                expected.setdefault(feature, []).append(n_slots)
            n_slots += 1
        elif action == "merge":
            inverted.merge()
        else:
            dropped = {slot for slot in argument if slot < n_slots}
            new_slot = np.full(n_slots, -1, dtype=np.int64)
            kept = [slot for slot in range(n_slots) if slot not in dropped]
            new_slot[kept] = np.arange(len(kept))
            inverted.compact(new_slot)
            expected = {feature: [int(new_slot[slot]) for slot in slots if new_slot[slot] >= 0]
                        for feature, slots in expected.items()}
            n_slots = len(kept)
    inverted.merge()
    for feature in range(32):
        start, end = (inverted.indptr[feature], inverted.indptr[feature + 1]) if feature + 1 < len(inverted.indptr) \
            else (0, 0)
        assert inverted.indices[start:end].tolist() == expected.get(feature, [])
    assert inverted.indptr[-1] == len(inverted.indices) == sum(map(len, expected.values()))
