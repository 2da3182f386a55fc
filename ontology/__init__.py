"""The sovkg ontology, its SHACL shapes, and their mirror in Python.

The Turtle files are data of this package, not of the repository, so code finds
them through :func:`ontology_path` and works the same from a checkout, an editable
install or a wheel.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from .namespace import SOVKG

__all__ = ["SOVKG", "ontology_path"]


def ontology_path(name: str) -> Path:
    """Return the installed path of the data file ``name`` of this package.

    Parameters
    ----------
    name
        A file name such as ``"sovkg.ttl"`` or ``"shapes.ttl"``.

    Raises
    ------
    FileNotFoundError
        If the package has no such file; the message lists the files it has, because
        the usual cause is a typo or a ``*.ttl`` missing from the package data.

    Examples
    --------
    >>> ontology_path("sovkg.ttl").name
    'sovkg.ttl'
    """
    package = files(__package__)
    resource = package.joinpath(name)
    if not resource.is_file():
        available = sorted(
            entry.name for entry in package.iterdir() if entry.name.endswith(".ttl")
        )
        raise FileNotFoundError(
            f"sovkg.ontology has no data file {name!r}; available: {', '.join(available)}"
        )
    return Path(str(resource))
