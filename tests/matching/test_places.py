"""Places of postings and seekers as the location factor reads them (matching.profile.place_tokens)."""
import pytest

from matching.profile import place_tokens


@pytest.mark.parametrize(
    ("place", "tokens"),
    [
        # The main city's development zones are the ones no district names; a district's own are that district's.
        ("经开区", {"city:重庆", "area:重庆主城", "district:经开区"}),
        ("长寿经开区", {"city:重庆", "district:长寿"}),
        ("长寿区经开区晏家街道", {"city:重庆", "district:长寿"}),
        ("璧山高新区", {"city:重庆", "district:璧山"}),
        ("重庆高新区", {"city:重庆", "area:重庆主城", "district:高新区"}),
    ],
)
def test_a_districts_own_development_zone_is_in_that_district(place, tokens):
    assert place_tokens(place) == tokens
