"""Fixtures of the graph tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest


def _comparable_rows(results) -> list[tuple]:
    """Rows as comparable text; a GROUP_CONCAT cell as its sorted parts (its order is free)."""
    def cell(term) -> object:
        if term is None:
            return ""
        text = str(term)
        return tuple(sorted(text.split("; "))) if "; " in text else text
    return sorted((tuple(map(cell, row)) for row in results.rows), key=repr)


@pytest.fixture(scope="session")
def comparable_rows() -> Callable[[object], list[tuple]]:
    """Backends may order rows and GROUP_CONCAT parts differently; compare them without order."""
    return _comparable_rows
