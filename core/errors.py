"""The exceptions sovkg raises on purpose.

Every message says what went wrong, where (file, document, query) and what to do, in
one line, because the CLI prints it as it is and exits non-zero.
"""

from __future__ import annotations

from pathlib import Path


class SovkgError(Exception):
    """Base class: an error the user can act on, printed without a traceback."""


class InputError(SovkgError):
    """A source file that cannot be read as a document."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ConfigError(SovkgError):
    """A setting, knowledge base or pipeline configuration that cannot be used."""


class NothingBuilt(SovkgError):
    """No input file yielded a document, so no output was written."""

    def __init__(self, message: str, failures: list[str] | None = None) -> None:
        super().__init__(message)
        self.failures = list(failures or [])
        """One line per input that could not be read, to be shown before the error."""
