"""Every package folder of the repository is installed: a subpackage missing from
pyproject.toml works in an editable checkout and fails on a user's machine."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_every_package_folder_is_listed_in_pyproject() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    folders = {Path(folder) for folder in setuptools["package-dir"].values()}
    packages = {
        init.parent.relative_to(ROOT) for top in folders for init in (ROOT / top).rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    listed = {Path(setuptools["package-dir"][name]) for name in setuptools["packages"]}
    assert packages <= listed, sorted(map(str, packages - listed))
