"""The examples in matching's docstrings are its documentation: they must hold."""
import doctest
import importlib
import pkgutil

import pytest

import matching

MODULES = sorted(info.name for info in pkgutil.iter_modules(matching.__path__, "matching."))


@pytest.mark.parametrize("name", MODULES)
def test_the_examples_in_the_docstrings_hold(name):
    failed, attempted = doctest.testmod(importlib.import_module(name), report=True)
    assert failed == 0, f"{failed} of {attempted} examples in {name} failed (printed above)"
